/** Shared triage types. Field values follow CONTRACTS §5 and reference-data/triage/README.md. */

export const MESSAGE_TYPES = ['thu_tuc', 'phan_anh', 'hoi_dap', 'gop_y', 'khac'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** A labelled message in the corpus line format (a correction file uses the same format). */
export type LabelledExample = {
  id?: string;
  text: string;
  type: MessageType;
  category: string | null;
  procedure: string | null;
  urgent: boolean;
  ward?: string | null;
  district?: string | null;
  street?: string | null;
  has_pii?: boolean;
  /** Where the message came from (zalo, web, email…); used to hold out one source at a time in evaluation. */
  channel?: string;
};

/** A text in both languages: Vietnamese first, English for logs and non-Vietnamese staff. */
export type Bilingual = { vi: string; en: string };
