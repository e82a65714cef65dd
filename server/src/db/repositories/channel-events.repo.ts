import type { Queryable } from '../client.ts';
import { notifyCaseChangedSql } from '../live-notify.ts';

/** The case a citizen identity's new message joins: its most recent case still being handled. */
export async function findOpenCaseForIdentity(q: Queryable, identityId: string): Promise<{ id: string; citizenId: string | null } | undefined> {
  const rows = await q.query<{ id: string; citizen_id: string | null }>(
    `SELECT id, citizen_id FROM cases WHERE identity_id = $1 AND status IN ('new', 'assigned', 'in_progress', 'waiting_citizen')
      ORDER BY created_at DESC LIMIT 1`,
    [identityId],
  );
  return rows[0] ? { id: rows[0].id, citizenId: rows[0].citizen_id } : undefined;
}

/**
 * What a sender's new message needs to know, in one round trip: whether the provider's message id is already
 * stored (a redelivery), the sender's channel identity and their open case (as `findOpenCaseForIdentity`).
 */
export async function findSenderState(
  q: Queryable,
  m: { channel: string; channelAccount: string; externalId: string; providerMessageId: string },
): Promise<{ duplicate: boolean; identity: { identityId: string; citizenId: string } | undefined; openCase: { id: string; citizenId: string | null } | undefined }> {
  const [r] = await q.query<{ duplicate: boolean; identity_id: string | null; citizen_id: string | null; case_id: string | null; case_citizen_id: string | null }>(
    `SELECT EXISTS (SELECT 1 FROM messages WHERE channel = $1 AND provider_message_id = $4) AS duplicate,
            i.id AS identity_id, i.citizen_id, oc.id AS case_id, oc.citizen_id AS case_citizen_id
       FROM (SELECT 1) one
       LEFT JOIN citizen_identities i ON i.channel = $1 AND i.channel_account = $2 AND i.external_id = $3
       LEFT JOIN LATERAL (SELECT id, citizen_id FROM cases WHERE identity_id = i.id AND status IN ('new', 'assigned', 'in_progress', 'waiting_citizen')
                           ORDER BY created_at DESC LIMIT 1) oc ON true`,
    [m.channel, m.channelAccount, m.externalId, m.providerMessageId],
    { name: 'channel.sender-state' },
  );
  return {
    duplicate: r?.duplicate === true,
    identity: r?.identity_id && r.citizen_id ? { identityId: r.identity_id, citizenId: r.citizen_id } : undefined,
    openCase: r?.case_id ? { id: r.case_id, citizenId: r.case_citizen_id } : undefined,
  };
}

export async function recordCitizenMessageOnCase(q: Queryable, caseId: string, at: Date): Promise<void> {
  await q.query(
    `UPDATE cases SET last_citizen_message_at = greatest(coalesce(last_citizen_message_at, $2), $2), updated_at = $2,
            status = CASE WHEN status = 'waiting_citizen' THEN 'in_progress' ELSE status END
      WHERE id = $1`,
    [caseId, at],
  );
}

/**
 * Whether an echoed message is one we sent: by provider id, by the metadata we attach (our idempotency key),
 * or — for an echo that overtook our own record of the send — by the same text to the same person just now.
 */
export async function isOwnOutboundMessage(
  q: Queryable,
  e: { channel: string; channelAccount: string; recipientId: string; providerMessageId: string; metadata: string | null; text: string; since: Date },
): Promise<boolean> {
  // Three indexed probes (provider id, our key, recent messages to this person) rather than one OR the planner
  // answers with a scan of the whole outbox.
  const rows = await q.query(
    `SELECT 1 WHERE EXISTS (SELECT 1 FROM outbound_messages WHERE channel = $1 AND provider_message_id = $2)
                 OR EXISTS (SELECT 1 FROM outbound_messages WHERE idempotency_key = $3)
                 OR EXISTS (SELECT 1 FROM outbound_messages o JOIN messages m ON m.id = o.message_id
                             WHERE o.channel = $1 AND o.channel_account = $4 AND o.recipient_id = $5 AND o.created_at >= $7 AND m.body = $6)`,
    [e.channel, e.providerMessageId, e.metadata ?? '', e.channelAccount, e.recipientId, e.text, e.since],
    { name: 'echo.is-own' },
  );
  return rows.length > 0;
}

export async function markDelivered(q: Queryable, channel: string, providerMessageIds: readonly string[], at: Date): Promise<number> {
  if (providerMessageIds.length === 0) return 0;
  const rows = await q.query(
    `WITH u AS (UPDATE outbound_messages SET delivered_at = coalesce(delivered_at, $3)
      WHERE channel = $1 AND provider_message_id = ANY($2::text[]) AND delivered_at IS NULL RETURNING id, case_id)
     SELECT u.id, ${notifyCaseChangedSql('u.case_id', "'delivery.updated'")}::text AS notified FROM u`,
    [channel, providerMessageIds, at],
  );
  return rows.length;
}

/** Everything sent to the reader up to the watermark has been read (Messenger read receipts). */
export async function markRead(q: Queryable, e: { channel: string; channelAccount: string; readerId: string; watermark: Date }): Promise<number> {
  const rows = await q.query(
    `WITH u AS (UPDATE outbound_messages SET read_at = coalesce(read_at, $4), delivered_at = coalesce(delivered_at, $4)
      WHERE channel = $1 AND channel_account = $2 AND recipient_id = $3 AND status = 'sent' AND sent_at <= $4 AND read_at IS NULL
      RETURNING id, case_id)
     SELECT u.id, ${notifyCaseChangedSql('u.case_id', "'delivery.updated'")}::text AS notified FROM u`,
    [e.channel, e.channelAccount, e.readerId, e.watermark],
  );
  return rows.length;
}

/** Follow/unfollow, applied in event order: an older event never overwrites a newer one. */
export async function recordFollow(q: Queryable, e: { channel: string; channelAccount: string; userId: string; following: boolean; at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO channel_followers (channel, account_id, user_id, following, changed_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (channel, account_id, user_id) DO UPDATE SET following = EXCLUDED.following, changed_at = EXCLUDED.changed_at
       WHERE channel_followers.changed_at <= EXCLUDED.changed_at`,
    [e.channel, e.channelAccount, e.userId, e.following, e.at],
  );
}

/** Contact details the citizen chose to share, kept with the record of that consent. */
export async function recordSharedContact(
  q: Queryable,
  e: { citizenId: string; channel: string; name?: string | undefined; phone?: string | undefined; at: Date },
): Promise<void> {
  const fields = [e.name ? 'name' : null, e.phone ? 'phone' : null].filter((f): f is string => f !== null);
  if (fields.length === 0) return;
  await q.query('UPDATE citizens SET display_name = coalesce($2, display_name), phone = coalesce($3, phone) WHERE id = $1', [e.citizenId, e.name ?? null, e.phone ?? null]);
  await q.query('INSERT INTO citizen_consents (citizen_id, channel, kind, fields, given_at) VALUES ($1, $2, $3, $4::text[], $5)', [e.citizenId, e.channel, 'contact_shared', fields, e.at]);
}

/** The facts reply rules need: the citizen's last private message and their latest comment on the case. */
export async function findReplySituation(
  q: Queryable,
  caseId: string,
): Promise<{ lastDirectInboundAt: Date | null; latestComment: { id: string; at: Date; privateReplyUsed: boolean; removed: boolean } | null }> {
  const rows = await q.query<{ last_direct: Date | null; comment_id: string | null; comment_at: Date | null; retracted: string | null; private_used: boolean | null }>(
    `SELECT (SELECT max(m.created_at) FROM messages m JOIN cases c ON c.id = $1
              WHERE m.identity_id = c.identity_id AND m.direction = 'in' AND m.surface = 'direct') AS last_direct,
            lc.provider_message_id AS comment_id, lc.created_at AS comment_at, lc.retracted,
            EXISTS (SELECT 1 FROM outbound_messages o WHERE o.mode = 'private_reply' AND o.reply_to = lc.provider_message_id) AS private_used
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT provider_message_id, created_at, retracted FROM messages
                           WHERE case_id = $1 AND direction = 'in' AND surface = 'comment' AND provider_message_id IS NOT NULL
                           ORDER BY created_at DESC LIMIT 1) lc ON true`,
    [caseId],
  );
  const r = rows[0];
  return {
    lastDirectInboundAt: r?.last_direct ?? null,
    latestComment:
      r?.comment_id && r.comment_at
        ? { id: r.comment_id, at: r.comment_at, privateReplyUsed: r.private_used === true, removed: r.retracted === 'deleted' || r.retracted === 'hidden' }
        : null,
  };
}

/**
 * Delivery receipts of a whole claimed batch in one statement: like `markDelivered` for each receipt in turn
 * (the first receipt of a message sets its time and tells the case's consoles, later ones change nothing).
 */
export async function markDeliveredMany(q: Queryable, receipts: readonly { channel: string; providerMessageId: string; at: Date }[]): Promise<number> {
  if (receipts.length === 0) return 0;
  const rows = await q.query(
    `WITH u AS (
       UPDATE outbound_messages o SET delivered_at = r.at
         FROM (SELECT DISTINCT ON (channel, pmid) channel, pmid, at
                 FROM unnest($1::text[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS x (channel, pmid, at, ord)
                ORDER BY channel, pmid, ord) r
        WHERE o.channel = r.channel AND o.provider_message_id = r.pmid AND o.provider_message_id IS NOT NULL AND o.delivered_at IS NULL
       RETURNING o.id, o.case_id
     )
     SELECT u.id, ${notifyCaseChangedSql('u.case_id', "'delivery.updated'")}::text AS notified FROM u`,
    [receipts.map((r) => r.channel), receipts.map((r) => r.providerMessageId), receipts.map((r) => r.at)],
    { name: 'receipts.mark-delivered-many-v2' },
  );
  return rows.length;
}

/**
 * Which of these provider message ids (`channel:id`) are already recorded on one of our outgoing messages: the
 * echoes of sends we recorded, which change nothing (see handle-channel-event.ts).
 */
export async function findRecordedOutboundProviderIds(q: Queryable, ids: readonly { channel: string; providerMessageId: string }[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q.query<{ channel: string; provider_message_id: string }>(
    `SELECT DISTINCT o.channel, o.provider_message_id
       FROM unnest($1::text[], $2::text[]) AS x (channel, pmid)
       JOIN outbound_messages o ON o.channel = x.channel AND o.provider_message_id = x.pmid AND o.provider_message_id IS NOT NULL`,
    [ids.map((i) => i.channel), ids.map((i) => i.providerMessageId)],
    { name: 'echo.recorded-provider-ids' },
  );
  return new Set(rows.map((r) => `${r.channel}:${r.provider_message_id}`));
}
