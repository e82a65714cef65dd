import type { RenderedReplyTemplate } from '../../../../contracts/api.ts';
import type { ReplyTemplateVariable } from '../../../../contracts/enums.ts';
import { api } from '../../../ui/api.ts';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { KeyboardPicker } from './keyboard-picker.tsx';

/**
 * The case's reply templates, already filled from the case on the server, to pick with the keyboard. Opened by
 * "/" in an empty reply box or its button.
 */
export function TemplatePicker({ caseId, onPick, onClose }: { caseId: string; onPick: (template: RenderedReplyTemplate) => void; onClose: () => void }) {
  const t = useT();
  return (
    <KeyboardPicker
      // Rendered when opened, so the due date and the rest are those of the case now.
      load={() => api.get<RenderedReplyTemplate[]>(`/api/staff/cases/${encodeURIComponent(caseId)}/reply-templates`)}
      searchText={(tpl) => [tpl.title, tpl.text]}
      render={(tpl) => (
        <>
          <strong>{tpl.title}</strong> <span className="badge">{tpl.locale.toUpperCase()}</span>
          {tpl.isInherited && <span className="muted"> · {tpl.unitName}</span>}
          <span className="template-preview">{tpl.text}</span>
        </>
      )}
      onPick={onPick}
      onClose={onClose}
      idPrefix={`templates-${caseId}`}
      labels={{ search: t('replyTemplates.search'), list: t('replyTemplates.title'), none: t('replyTemplates.noneForCase'), noMatch: t('replyTemplates.noMatch') }}
      testId="template-picker"
    />
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
