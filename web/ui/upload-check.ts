import { UPLOAD_MAX_BYTES, UPLOAD_TYPES } from './limits.ts';

export type UploadProblem = { key: 'error.FILE_TYPE' } | { key: 'error.FILE_SIZE'; size: number };

/** Client-side pre-check of a chosen image, so a slow phone does not upload a file the server will refuse. */
export function checkUpload(file: { type: string; size: number }): UploadProblem | null {
  if (!(UPLOAD_TYPES as readonly string[]).includes(file.type)) return { key: 'error.FILE_TYPE' };
  if (file.size > UPLOAD_MAX_BYTES) return { key: 'error.FILE_SIZE', size: file.size };
  return null;
}
