import type { Queryable } from '../client.ts';

export type NewMessage = {
  caseId: string;
  direction: 'in' | 'out';
  channel: string;
  identityId: string | null;
  authorStaffId: string | null;
  kind: 'citizen' | 'acknowledgement' | 'reply' | 'notification';
  body: string;
  attachments?: readonly { type: string; url: string; name?: string }[];
  surface?: 'direct' | 'comment';
  providerMessageId: string | null;
  at: Date;
};

/** Inserts a message; returns null when the provider message id was already stored (a redelivery). */
export async function insertMessage(q: Queryable, m: NewMessage): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO messages (case_id, direction, channel, identity_id, author_staff_id, kind, body, provider_message_id, created_at, attachments, surface)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11)
     ON CONFLICT (channel, provider_message_id) WHERE provider_message_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [m.caseId, m.direction, m.channel, m.identityId, m.authorStaffId, m.kind, m.body, m.providerMessageId, m.at, JSON.stringify(m.attachments ?? []), m.surface ?? 'direct'],
  );
  return rows[0]?.id ?? null;
}

/** True when a message with this provider id was stored already (webhook redelivery, out-of-order events). */
export async function hasProviderMessage(q: Queryable, channel: string, providerMessageId: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM messages WHERE channel = $1 AND provider_message_id = $2', [channel, providerMessageId]);
  return rows.length > 0;
}

/**
 * Records that a provider removed or hid (or un-hid: `how` null) a message we stored. Returns the message and
 * its case, or undefined when we never stored it or it already had that state (replays change nothing).
 */
export async function markMessageRetracted(
  q: Queryable,
  channel: string,
  providerMessageId: string,
  how: 'deleted' | 'hidden' | null,
): Promise<{ messageId: string; caseId: string } | undefined> {
  const rows = await q.query<{ id: string; case_id: string }>(
    `UPDATE messages SET retracted = $3 WHERE channel = $1 AND provider_message_id = $2 AND retracted IS DISTINCT FROM $3
     RETURNING id, case_id`,
    [channel, providerMessageId, how],
  );
  return rows[0] ? { messageId: rows[0].id, caseId: rows[0].case_id } : undefined;
}
