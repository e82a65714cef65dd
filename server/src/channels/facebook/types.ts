/** Facebook webhook and Graph shapes we read (facebook spec §3–§7). IDs stay strings. */

export type FbAttachment = { type: string; title?: string; payload?: { url?: string; sticker_id?: number | string; coordinates?: { lat: number; long: number } } };

export type FbMessagingEvent = {
  sender?: { id?: string };
  recipient?: { id?: string };
  timestamp?: number;
  message?: { mid?: string; text?: string; is_echo?: boolean; app_id?: number | string; metadata?: string; attachments?: FbAttachment[]; quick_reply?: { payload?: string } };
  postback?: { mid?: string; title?: string; payload?: string };
  delivery?: { mids?: string[]; watermark?: number };
  read?: { watermark?: number };
};

export type FbFeedValue = {
  item?: string;
  verb?: string;
  post_id?: string;
  comment_id?: string;
  parent_id?: string;
  from?: { id?: string; name?: string };
  message?: string;
  created_time?: number;
  photo?: string;
};

export type FbEntry = { id?: string; time?: number; messaging?: FbMessagingEvent[]; standby?: FbMessagingEvent[]; changes?: { field?: string; value?: FbFeedValue }[] };

export type FbWebhookBody = { object?: string; entry?: FbEntry[] };

export type GraphErrorBody = { error?: { code?: number; error_subcode?: number; message?: string; is_transient?: boolean } };
