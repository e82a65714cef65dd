import type { Queryable } from '../client.ts';
import { notifyCaseChangedSql } from '../live-notify.ts';

/**
 * An echo proves the provider accepted one of our messages. When our own record of the send is missing — the
 * process died between the provider's answer and recording it, or the call timed out after the provider had
 * acted — the message would be sent again once its lease lapses or its retry comes due. This marks it sent
 * instead. Matched like `isOwnOutboundMessage` (our idempotency key in the echo's metadata, or the same text to
 * the same person just now, when the echo carries no key), among messages already attempted and not recorded as sent: with one message per
 * conversation in flight, that is the conversation's head, never a later identical text still waiting.
 * Returns whether a message was settled.
 */
export async function settleOutboundByEcho(
  q: Queryable,
  e: { channel: string; channelAccount: string; recipientId: string; providerMessageId: string; metadata: string | null; text: string; since: Date },
  at: Date,
): Promise<boolean> {
  const rows = await q.query(
    `WITH u AS (UPDATE outbound_messages SET status = 'sent', provider_message_id = coalesce(provider_message_id, $2), sent_at = $8, locked_until = NULL
      WHERE id = (SELECT o.id FROM outbound_messages o JOIN messages m ON m.id = o.message_id
                   WHERE o.channel = $1 AND o.status <> 'sent' AND o.attempts > 0
                     -- Two index-friendly branches (idempotency key; recipient and time) instead of a CASE.
                     AND ((o.idempotency_key = $3 AND $3 <> '')
                          OR ($3 = '' AND o.channel_account = $4 AND o.recipient_id = $5 AND o.created_at >= $7 AND m.body = $6))
                     -- The echo of a send we did record says nothing about a later message with the same text.
                     AND NOT EXISTS (SELECT 1 FROM outbound_messages s WHERE s.channel = $1 AND s.provider_message_id = $2)
                   ORDER BY o.seq LIMIT 1 FOR UPDATE OF o)
      RETURNING id, case_id)
     SELECT u.id, ${notifyCaseChangedSql('u.case_id', "'delivery.updated'")}::text AS notified FROM u`,
    [e.channel, e.providerMessageId, e.metadata ?? '', e.channelAccount, e.recipientId, e.text, e.since, at],
  );
  return rows.length === 1;
}
