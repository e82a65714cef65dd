import { blurCoordinate, type Bbox } from '../domain/public/map-geometry.ts';
import { publicProblemText } from '../domain/public/public-problem-text.ts';
import { listPublicPhotoIds, listPublicProblemRows } from '../db/repositories/public-problems.repo.ts';
import { AppError } from '../lib/app-error.ts';
import type { CommandContext } from './context.ts';

export type PublicProblemQuery = { bbox?: Bbox; unitCode?: string; statuses?: string[]; from?: Date; to?: Date; cursor?: string; limit: number };

export type PublicProblem = {
  id: string;
  status: string;
  category: string | null;
  unitCode: string;
  unitName: string;
  unitNameEn: string | null;
  createdAt: string;
  text: string;
  location: { lat: number; lng: number } | null;
  photoIds: string[];
};

const encodeCursor = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/u.test(id)) throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
  return { createdAt, id };
}

/**
 * Reports about the city for the public map and list, newest first: category, status, ward, date, the text
 * without personal data or house numbers (`publicProblemText`), the point blurred to ~50 m, and only the photos
 * an officer marked public. Throws VALIDATION_FAILED for a malformed cursor.
 */
export async function listPublicProblems(ctx: CommandContext, query: PublicProblemQuery): Promise<{ items: PublicProblem[]; nextCursor: string | null }> {
  const rows = await listPublicProblemRows(ctx.db, {
    statuses: query.statuses, unitCode: query.unitCode, bbox: query.bbox, from: query.from, to: query.to,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const photos = await listPublicPhotoIds(ctx.db, page.map((r) => r.id));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      status: r.status,
      category: r.category,
      unitCode: r.unitCode,
      unitName: r.unitName,
      unitNameEn: r.unitNameEn,
      createdAt: r.createdAt.toISOString(),
      text: publicProblemText(r.description, r.contact),
      location: r.lat !== null && r.lng !== null ? { lat: blurCoordinate(r.lat), lng: blurCoordinate(r.lng) } : null,
      photoIds: photos.get(r.id) ?? [],
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
