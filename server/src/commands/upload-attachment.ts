import { createHash } from 'node:crypto';
import sharp, { type OutputInfo } from 'sharp';
import type { UPLOAD_TYPES } from '../../../contracts/api.ts';
import { UPLOAD_MAX_BYTES } from '../../../contracts/api.ts';
import { insertUpload } from '../db/repositories/attachments.repo.ts';
import { AppError } from '../lib/app-error.ts';
import type { CommandContext } from './context.ts';

const FORMAT_TO_TYPE: Record<string, (typeof UPLOAD_TYPES)[number]> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const MAX_PIXELS = 40_000_000;
const MAX_EDGE = 2560;

/**
 * Stores a citizen's photo for a case they are about to submit. The file is decoded (so a renamed non-image is
 * refused whatever its declared type), re-encoded without metadata (GPS and camera data are personal data) and
 * scaled down to at most 2560 px. Throws UPLOAD_TOO_LARGE (over 5 MB or 40 megapixels, e.g. a decompression bomb),
 * UPLOAD_TYPE_NOT_ALLOWED or UPLOAD_UNREADABLE.
 */
export async function uploadAttachment(
  ctx: CommandContext,
  file: Buffer,
): Promise<{ uploadToken: string; contentType: (typeof UPLOAD_TYPES)[number]; byteSize: number; width: number; height: number }> {
  if (file.length > UPLOAD_MAX_BYTES) throw new AppError('UPLOAD_TOO_LARGE');
  let format: string | undefined;
  try {
    // The header only: no pixels are decoded, so a huge declared size is safe to read and refused below.
    const meta = await sharp(file, { limitInputPixels: false }).metadata();
    format = meta.format;
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS) throw new AppError('UPLOAD_TOO_LARGE', { maxPixels: MAX_PIXELS });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('UPLOAD_UNREADABLE');
  }
  const contentType = format ? FORMAT_TO_TYPE[format] : undefined;
  if (!contentType) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { format });
  let out: { data: Buffer; info: OutputInfo };
  try {
    const pipeline = sharp(file, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true });
    const encoded = contentType === 'image/png' ? pipeline.png() : contentType === 'image/webp' ? pipeline.webp({ quality: 82 }) : pipeline.jpeg({ quality: 82, mozjpeg: true });
    out = await encoded.toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError('UPLOAD_UNREADABLE');
  }
  const uploadToken = ctx.random.token(24);
  await insertUpload(ctx.db, {
    uploadToken,
    contentType,
    byteSize: out.data.length,
    width: out.info.width,
    height: out.info.height,
    sha256: createHash('sha256').update(out.data).digest('hex'),
    data: out.data,
    at: ctx.clock.now(),
  });
  return { uploadToken, contentType, byteSize: out.data.length, width: out.info.width, height: out.info.height };
}
