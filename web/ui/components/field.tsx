import { useId, type ComponentProps, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';

type FieldShellProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  optional?: boolean;
  required?: boolean;
  children: ReactNode;
};

/** Label, optional hint and error around one control; ids link them for screen readers. */
function FieldShell({ id, label, hint, error, optional, required, children }: FieldShellProps) {
  const t = useT();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional && <span className="field-optional"> ({t('common.optional')})</span>}
        {required && (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

type Common = { label: ReactNode; hint?: ReactNode; error?: ReactNode; optional?: boolean };

export function TextField({ label, hint, error, optional, id, ...rest }: Common & ComponentProps<'input'>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} optional={optional} required={rest.required}>
      <input id={fieldId} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...rest} />
    </FieldShell>
  );
}

export function TextArea({ label, hint, error, optional, id, ...rest }: Common & ComponentProps<'textarea'>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} optional={optional} required={rest.required}>
      <textarea id={fieldId} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...rest} />
    </FieldShell>
  );
}

export function SelectField({ label, hint, error, optional, id, children, ...rest }: Common & ComponentProps<'select'>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} optional={optional} required={rest.required}>
      <select id={fieldId} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...rest}>
        {children}
      </select>
    </FieldShell>
  );
}

export { FieldShell };
