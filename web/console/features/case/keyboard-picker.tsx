import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { matchesQuery } from '../../../ui/text/fold.ts';

type PickerProps<T extends { id: string }> = {
  /** Loads the choices when the picker opens (so they reflect the case now). */
  load: () => Promise<T[]>;
  /** The words a typed filter is matched against (diacritics ignored). */
  searchText: (item: T) => string[];
  render: (item: T) => ReactNode;
  onPick: (item: T) => void;
  onClose: () => void;
  idPrefix: string;
  labels: { search: string; list: string; none: string; noMatch: string };
  testId: string;
};

/**
 * A list to pick from with the keyboard: type to filter, ↑/↓ to move, Enter to pick, Escape (or leaving it) to
 * close. Reply templates and note mentions open one from their compose box.
 */
export function KeyboardPicker<T extends { id: string }>({ load, searchText, render, onPick, onClose, idPrefix, labels, testId }: PickerProps<T>) {
  const t = useT();
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    load().then(setItems, setError);
  }, []); // loaded once per opening

  const shown = (items ?? []).filter((item) => matchesQuery(filter, searchText(item)));
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

  return (
    <div className="template-picker" data-testid={testId}>
      <input
        ref={inputRef}
        className="input"
        role="combobox"
        aria-expanded="true"
        aria-controls={idPrefix}
        aria-activedescendant={shown[current] ? `${idPrefix}-${shown[current].id}` : undefined}
        aria-label={labels.search}
        placeholder={labels.search}
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
      {items === null && !error && <p className="muted">{t('common.loading')}</p>}
      {items && shown.length === 0 && <p className="muted">{items.length === 0 ? labels.none : labels.noMatch}</p>}
      <ul id={idPrefix} role="listbox" aria-label={labels.list}>
        {shown.map((item, i) => (
          <li
            key={item.id}
            id={`${idPrefix}-${item.id}`}
            role="option"
            aria-selected={i === current}
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(item)}
            onMouseEnter={() => setActive(i)}
          >
            {render(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}
