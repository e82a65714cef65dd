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
  providerMessageId: string | null;
  at: Date;
};

/** Inserts a message; returns null when the provider message id was already stored (a redelivery). */
export async function insertMessage(q: Queryable, m: NewMessage): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO messages (case_id, direction, channel, identity_id, author_staff_id, kind, body, provider_message_id, created_at, attachments)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
     ON CONFLICT (channel, provider_message_id) WHERE provider_message_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [m.caseId, m.direction, m.channel, m.identityId, m.authorStaffId, m.kind, m.body, m.providerMessageId, m.at, JSON.stringify(m.attachments ?? [])],
  );
  return rows[0]?.id ?? null;
}

/** True when a message with this provider id was stored already (webhook redelivery, out-of-order events). */
export async function hasProviderMessage(q: Queryable, channel: string, providerMessageId: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM messages WHERE channel = $1 AND provider_message_id = $2', [channel, providerMessageId]);
  return rows.length > 0;
}
