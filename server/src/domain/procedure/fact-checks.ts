/**
 * Which facts of a procedure still need checking. The reference data carries a `confidence` note per record:
 * keys `processing_time`, `fees`, `documents` (or `all`), each saying whether the fact was seen in a source
 * ("verified …") or rests on the legal text as the researcher knew it ("law", "partly law", "DVCQG …", "unknown").
 * Anything not stated as verified is flagged: the portal shows it as "cần kiểm tra". Pure.
 */
export type ProcedureFact = 'processingTime' | 'fees' | 'documents' | 'legalBasis';
export type NeedsCheck = Record<ProcedureFact, boolean>;

const CONFIDENCE_KEYS: Record<ProcedureFact, string> = {
  processingTime: 'processing_time',
  fees: 'fees',
  documents: 'documents',
  legalBasis: 'legal_basis',
};

/** A note counts as verified only when it says so and mentions no unverified part ("law", "partly", "unknown"). */
function isVerifiedNote(note: string | undefined): boolean {
  if (!note) return false;
  const n = note.toLowerCase();
  return n.startsWith('verified') && !/\b(law|partly|unknown)\b/u.test(n);
}

/** The flags of one record. A fact the note does not mention is flagged unless `all` says verified. */
export function needsCheckFrom(confidence: Record<string, string> | undefined): NeedsCheck {
  const c = confidence ?? {};
  const flag = (fact: ProcedureFact) => !isVerifiedNote(c[CONFIDENCE_KEYS[fact]] ?? c.all);
  return { processingTime: flag('processingTime'), fees: flag('fees'), documents: flag('documents'), legalBasis: flag('legalBasis') };
}
