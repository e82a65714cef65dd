import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { RenderedReplyTemplate } from '../../../../contracts/api.ts';
import type { ReplyTemplateVariable } from '../../../../contracts/enums.ts';
import { api } from '../../../ui/api.ts';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { matchesQuery } from '../../../ui/text/fold.ts';

/**
 * A list of the case's reply templates, already filled from the case on the server, to pick with the keyboard:
 * type to filter, ↑/↓ to move, Enter to insert, Escape to close. Opened by "/" in an empty reply box or its button.
 */
export function TemplatePicker({ caseId, onPick, onClose }: { caseId: string; onPick: (template: RenderedReplyTemplate) => void; onClose: () => void }) {
  const t = useT();
  const [templates, setTemplates] = useState<RenderedReplyTemplate[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    // Rendered when opened, so the due date and the rest are those of the case now.
    api.get<RenderedReplyTemplate[]>(`/api/staff/cases/${encodeURIComponent(caseId)}/reply-templates`).then(setTemplates, setError);
  }, [caseId]);

  const shown = (templates ?? []).filter((tpl) => matchesQuery(filter, [tpl.title, tpl.text]));
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(0, Math.min(shown.length - 1, current + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const picked = shown[current];
      if (picked) onPick(picked);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const listId = `templates-${caseId}`;
  return (
    <div className="template-picker" data-testid="template-picker">
      <input
        ref={inputRef}
        className="input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown[current] ? `${listId}-${shown[current].id}` : undefined}
        aria-label={t('replyTemplates.search')}
        placeholder={t('replyTemplates.search')}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget)) onClose();
        }}
      />
      <ErrorMessage error={error} />
      {templates === null && !error && <p className="muted">{t('common.loading')}</p>}
      {templates && shown.length === 0 && <p className="muted">{templates.length === 0 ? t('replyTemplates.noneForCase') : t('replyTemplates.noMatch')}</p>}
      <ul id={listId} role="listbox" aria-label={t('replyTemplates.title')}>
        {shown.map((tpl, i) => (
          <li
            key={tpl.id}
            id={`${listId}-${tpl.id}`}
            role="option"
            aria-selected={i === current}
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(tpl)}
            onMouseEnter={() => setActive(i)}
          >
            <strong>{tpl.title}</strong> <span className="badge">{tpl.locale.toUpperCase()}</span>
            {tpl.isInherited && <span className="muted"> · {tpl.unitName}</span>}
            <span className="template-preview">{tpl.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The variables an inserted template could not fill, named for the officer. */
export function MissingValues({ names }: { names: string[] }) {
  const t = useT();
  if (names.length === 0) return null;
  return (
    <p className="notice notice-warn" role="status" data-testid="template-missing">
      {t('replyTemplates.missing', { names: names.map((n) => t(`replyTemplates.var.${n as ReplyTemplateVariable}`)).join(', ') })}
    </p>
  );
}
