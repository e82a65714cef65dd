/** Zalo OA webhook and API shapes we read (zalo spec §2–§4). IDs and timestamps are strings. */
export type ZaloAttachment = { type?: string; payload?: { url?: string; name?: string; coordinates?: { latitude?: string; longitude?: string } } };

export type ZaloWebhookBody = {
  app_id?: string;
  oa_id?: string;
  event_name?: string;
  sender?: { id?: string };
  recipient?: { id?: string };
  follower?: { id?: string };
  message?: { msg_id?: string; msg_ids?: string[]; text?: string; attachments?: ZaloAttachment[] };
  info?: { name?: string; phone?: string; address?: string; ward?: string; district?: string; city?: string };
  timestamp?: string;
};

export type ZaloApiAnswer = { error?: number; message?: string; data?: { message_id?: string } };

export type ZaloTokenAnswer = { access_token?: string; refresh_token?: string; expires_in?: string | number; error?: number; error_description?: string };
