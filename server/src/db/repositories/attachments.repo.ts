import type { Queryable } from '../client.ts';

export async function insertUpload(
  q: Queryable,
  a: { uploadToken: string; contentType: string; byteSize: number; width: number; height: number; sha256: string; data: Buffer; at: Date },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO attachments (upload_token, content_type, byte_size, width, height, sha256, data, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [a.uploadToken, a.contentType, a.byteSize, a.width, a.height, a.sha256, a.data, a.at],
  );
  return rows[0]!.id;
}

/**
 * Attaches unclaimed uploads to a case. Returns the number claimed; fewer than asked means a token was
 * unknown or already used, and the caller rolls back.
 */
export async function claimUploads(q: Queryable, tokens: readonly string[], caseId: string, messageId: string): Promise<number> {
  if (tokens.length === 0) return 0;
  const rows = await q.query(
    `UPDATE attachments SET case_id = $2, message_id = $3 WHERE upload_token = ANY($1::text[]) AND case_id IS NULL RETURNING id`,
    [tokens, caseId, messageId],
  );
  return rows.length;
}

export async function listCaseAttachments(q: Queryable, caseId: string): Promise<{ id: string; contentType: string; isPublic: boolean }[]> {
  const rows = await q.query<{ id: string; content_type: string; is_public: boolean }>(
    'SELECT id, content_type, is_public FROM attachments WHERE case_id = $1 ORDER BY created_at',
    [caseId],
  );
  return rows.map((r) => ({ id: r.id, contentType: r.content_type, isPublic: r.is_public }));
}

/** One photo of one case, locked for the caller's transaction; undefined when the id is not a photo of that case. */
export async function lockCaseAttachment(q: Queryable, caseId: string, id: string): Promise<{ id: string; isPublic: boolean } | undefined> {
  const rows = await q.query<{ id: string; is_public: boolean }>('SELECT id, is_public FROM attachments WHERE id = $1 AND case_id = $2 FOR UPDATE', [id, caseId]);
  const r = rows[0];
  return r ? { id: r.id, isPublic: r.is_public } : undefined;
}

/** Records an officer's decision to show (or no longer show) a photo publicly. */
export async function setAttachmentPublic(q: Queryable, id: string, isPublic: boolean, staffId: string, at: Date): Promise<void> {
  await q.query('UPDATE attachments SET is_public = $2, public_decided_by = $3, public_decided_at = $4 WHERE id = $1', [id, isPublic, staffId, at]);
}

export async function findAttachment(
  q: Queryable,
  id: string,
): Promise<{ caseId: string | null; contentType: string; data: Buffer; unitId: string | null } | undefined> {
  const rows = await q.query<{ case_id: string | null; content_type: string; data: Uint8Array; unit_id: string | null }>(
    'SELECT a.case_id, a.content_type, a.data, c.unit_id FROM attachments a LEFT JOIN cases c ON c.id = a.case_id WHERE a.id = $1',
    [id],
  );
  const r = rows[0];
  // PGlite returns bytea as Uint8Array, pg as Buffer.
  return r ? { caseId: r.case_id, contentType: r.content_type, data: Buffer.from(r.data), unitId: r.unit_id } : undefined;
}

/** Removes uploads never claimed by a case (abandoned forms). */
export async function deleteStaleUploads(q: Queryable, olderThan: Date): Promise<number> {
  const rows = await q.query('DELETE FROM attachments WHERE case_id IS NULL AND created_at < $1 RETURNING id', [olderThan]);
  return rows.length;
}
