import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type { UploadCreated } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { formatBytes } from '../../../ui/format.ts';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { ATTACHMENTS_MAX } from '../../../ui/limits.ts';
import { checkUpload, type UploadProblem } from '../../../ui/upload-check.ts';

export type Photo = { token: string; previewUrl: string };

type PhotoPickerProps = { photos: Photo[]; onChange: (photos: Photo[]) => void; onBusyChange: (isBusy: boolean) => void };

/** Uploads each chosen photo at once (the server re-checks it) and shows a thumbnail. */
export function PhotoPicker({ photos, onChange, onBusyChange }: PhotoPickerProps) {
  const t = useT();
  const id = useId();
  const [isUploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<UploadProblem | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => onBusyChange(isUploading), [isUploading, onBusyChange]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setProblem(null);
    setError(null);
    if (!file) return;
    const check = checkUpload(file);
    if (check) {
      setProblem(check);
      return;
    }
    const form = new FormData();
    form.append('file', file);
    setUploading(true);
    try {
      const created = await api.upload<UploadCreated>('/api/public/uploads', form);
      onChange([...photos, { token: created.uploadToken, previewUrl: URL.createObjectURL(file) }]);
    } catch (uploadError) {
      setError(uploadError);
    } finally {
      setUploading(false);
    }
  };

  const remove = (index: number) => {
    const photo = photos[index];
    if (photo) URL.revokeObjectURL(photo.previewUrl);
    onChange(photos.filter((_, i) => i !== index));
  };

  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        {t('portal.photo.label')} <span className="field-optional">({t('common.optional')})</span>
      </span>
      <p className="field-hint" id={`${id}-hint`}>
        {t('portal.photo.hint', { max: ATTACHMENTS_MAX })}
      </p>
      {photos.length < ATTACHMENTS_MAX && (
        // The native file button is labelled in the browser's language, so a styled label stands in for it.
        <div>
          <input
            id={id}
            className="file-input"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-labelledby={`${id}-label ${id}-button`}
            aria-describedby={`${id}-hint`}
            disabled={isUploading}
            onChange={(event) => void onFile(event)}
          />
          <label htmlFor={id} id={`${id}-button`} className="btn btn-secondary" aria-hidden="true">
            {t('portal.photo.add')}
          </label>
        </div>
      )}
      {isUploading && (
        <p role="status" className="muted">
          {t('portal.photo.uploading')}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem.key === 'error.FILE_SIZE' ? t(problem.key, { size: formatBytes(problem.size) }) : t(problem.key)}
        </p>
      )}
      <ErrorMessage error={error} />
      {photos.length > 0 && (
        <ul className="thumbs">
          {photos.map((photo, index) => (
            <li key={photo.token} className="thumb">
              <img src={photo.previewUrl} alt={t('portal.photo.alt', { n: index + 1 })} />
              <Button variant="danger" size="small" onClick={() => remove(index)} aria-label={t('portal.photo.remove', { n: index + 1 })}>
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
