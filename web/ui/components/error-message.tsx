import { ApiError } from '../api.ts';
import { useT } from '../i18n/i18n.tsx';
import { errorKey } from '../error-key.ts';

/** Readable text for an API or network error, chosen by error code; unknown codes fall back to the server text. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return (error) => {
    const code = error instanceof ApiError ? error.code : 'UNKNOWN';
    const key = errorKey(code);
    if (key) return t(key);
    if (error instanceof ApiError && error.message) return error.message;
    return t('error.UNKNOWN');
  };
}

export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT();
  const text = useErrorText();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{text(error)}</p>
      {code && code !== 'NETWORK' && <p className="alert-code">{t('error.code', { code })}</p>}
    </div>
  );
}
