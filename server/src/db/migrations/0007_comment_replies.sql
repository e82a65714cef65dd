-- Page comments: where a citizen's message was written (a private conversation or a public comment), how each
-- outgoing message is delivered (a private message, a public reply under a comment, or a private reply to a
-- comment) and comments later removed or hidden on the provider.
ALTER TABLE messages ADD COLUMN surface text NOT NULL DEFAULT 'direct' CHECK (surface IN ('direct', 'comment'));
ALTER TABLE messages ADD COLUMN retracted text CHECK (retracted IN ('deleted', 'hidden'));
ALTER TABLE outbound_messages ADD COLUMN mode text NOT NULL DEFAULT 'message' CHECK (mode IN ('message', 'public_comment', 'private_reply'));
ALTER TABLE outbound_messages ADD COLUMN reply_to text;
CREATE UNIQUE INDEX outbound_messages_one_private_reply_idx ON outbound_messages (channel, reply_to) WHERE mode = 'private_reply';
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
  CHECK (kind IN ('case.opened', 'message.received', 'message.sent', 'message.retracted', 'status.changed', 'case.assigned', 'note.added'));
