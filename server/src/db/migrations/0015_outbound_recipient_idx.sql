-- Echo matching looks up our recent messages to one person on one account; without this index every echo
-- scanned the whole outbox.
CREATE INDEX outbound_messages_recipient_idx ON outbound_messages (channel, channel_account, recipient_id, created_at DESC);
