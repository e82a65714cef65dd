import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Unit } from '../api-types.ts';
import { useT } from '../i18n/i18n.tsx';
import { searchByName } from '../text/fold.ts';
import { FieldShell } from './field.tsx';

type UnitPickerProps = {
  units: readonly Unit[];
  value: string | null;
  onChange: (code: string | null) => void;
  label: string;
  hint?: string;
  placeholder?: string;
  optional?: boolean;
  required?: boolean;
  error?: string;
};

const unitFields = (unit: Unit) => [unit.fullName, unit.name, unit.nameEn, unit.code];

/** Searchable select (ARIA combobox) over the units list; search ignores Vietnamese diacritics. */
export function UnitPicker({ units, value, onChange, label, hint, placeholder, optional, required, error }: UnitPickerProps) {
  const t = useT();
  const id = useId();
  const listId = `${id}-list`;
  const selected = units.find((unit) => unit.code === value) ?? null;
  const [query, setQuery] = useState(selected?.fullName ?? '');
  const [isOpen, setOpen] = useState(false);
  // A value set from outside (the ward found from a map tap) shows its name.
  useEffect(() => {
    if (selected) setQuery(selected.fullName);
  }, [selected]);
  const [active, setActive] = useState(0);
  const results = useMemo(() => (isOpen ? searchByName(units, selected ? '' : query, unitFields, 60) : []), [units, query, isOpen, selected]);

  const choose = (unit: Unit) => {
    onChange(unit.code);
    setQuery(unit.fullName);
    setOpen(false);
  };
  const clear = () => {
    onChange(null);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && isOpen && results[active]) {
      event.preventDefault();
      choose(results[active]);
    } else if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const activeId = isOpen && results[active] ? `${id}-opt-${active}` : undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} required={required}>
      <div className="combo">
        <div className="combo-row">
          <input
            id={id}
            className="input"
            role="combobox"
            autoComplete="off"
            aria-expanded={isOpen}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeId}
            aria-describedby={hint ? `${id}-hint` : undefined}
            aria-invalid={error ? true : undefined}
            placeholder={placeholder}
            value={query}
            required={required && !value}
            onChange={(event) => {
              setQuery(event.target.value);
              if (value) onChange(null);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          {(value || query) && (
            <button type="button" className="btn btn-ghost btn-small" onClick={clear}>
              {t('portal.unit.clear')}
            </button>
          )}
        </div>
        <ul id={listId} role="listbox" className="combo-list" hidden={!isOpen}>
          {results.map((unit, index) => (
            <li
              key={unit.code}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combo-option combo-option-active' : 'combo-option'}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(unit);
              }}
            >
              {unit.fullName}
            </li>
          ))}
          {isOpen && results.length === 0 && <li className="combo-empty">{t('portal.unit.noResults')}</li>}
        </ul>
      </div>
    </FieldShell>
  );
}
