import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';

type Props = { detail: CaseDetail; onChanged: () => void };

/**
 * The case's photos. An officer of the case's unit approves each one for the public map and list (and Open311)
 * after checking it for faces and number plates; unapproved photos are never served publicly.
 */
export function CasePhotos({ detail, onChanged }: Props) {
  const t = useT();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The officer's choice shows at once and stays until the reloaded case carries it (or the change fails).
  const [pending, setPending] = useState<Readonly<Record<string, boolean>>>({});
  const { attachments, id: caseId } = detail.case;
  useEffect(() => {
    setPending((current) => {
      const left = Object.entries(current).filter(([id, value]) => attachments.some((a) => a.id === id && a.isPublic !== value));
      return left.length === Object.keys(current).length ? current : Object.fromEntries(left);
    });
  }, [attachments]);
  if (attachments.length === 0) return null;

  const setPublic = async (attachmentId: string, isPublic: boolean) => {
    setBusyId(attachmentId);
    setError(null);
    setPending((current) => ({ ...current, [attachmentId]: isPublic }));
    try {
      await api.put(`/api/staff/cases/${caseId}/attachments/${attachmentId}/public`, { isPublic });
      onChanged();
    } catch (changeError) {
      setPending((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== attachmentId)));
      setError(changeError);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <h3 style={{ marginTop: '0.75rem' }}>{t('case.attachments')}</h3>
      {detail.canPublishPhotos && <p className="field-hint">{t('photo.publishHint')}</p>}
      <ul className="attachments" data-testid="case-photos">
        {attachments.map((attachment, index) => (
          <li key={attachment.id} className="attachment">
            <a href={attachment.url} target="_blank" rel="noreferrer">
              <img src={attachment.url} alt={t('case.attachmentAlt', { n: index + 1 })} loading="lazy" />
            </a>
            {detail.canPublishPhotos ? (
              <label className="attachment-public">
                <input
                  type="checkbox"
                  checked={pending[attachment.id] ?? attachment.isPublic}
                  disabled={busyId !== null}
                  aria-busy={busyId === attachment.id || undefined}
                  onChange={(event) => void setPublic(attachment.id, event.target.checked)}
                />
                {t('photo.public', { n: index + 1 })}
              </label>
            ) : (
              <span className="attachment-public muted">{attachment.isPublic ? t('photo.isPublic') : t('photo.isPrivate')}</span>
            )}
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
    </>
  );
}
