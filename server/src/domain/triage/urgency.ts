/**
 * The urgency rule: immediate danger or time-critical harm happening now (reference-data/triage/README.md).
 * General Vietnamese-language reasoning over the cue lexicons in features.ts, not corpus sentences:
 *
 * - an acute event ("tai nạn", "đánh nhau", "cháy nhà", "nước vào nhà", "đổ chắn ngang") is urgent by itself;
 * - a hazard state ("dây điện", "nghiêng", "mất nắp", "rò rỉ") is urgent only with an immediacy word
 *   ("đang", "vừa", "gấp", "ngay", "cứu", "chưa ai đến", "113/114/115"), or a sentence-final "ngay";
 * - either is cancelled when the problem is described as habitual ("đêm nào cũng", "mỗi lần", "thường xuyên"),
 *   as a risk rather than harm ("dễ gây", "nguy cơ"), or as past ("tối qua") with no ongoing marker.
 *
 * The rule only applies to complaints (type phan_anh): a suggestion or a question that mentions danger is not an
 * emergency report. Pure.
 */
import { analysisCues, lexiconId } from './cue-lexicons.ts';
import type { TextAnalysis } from './normalize.ts';

export type UrgencyCues = { acute: number; hazard: number; now: number; habitual: number; risk: number; past: number };

const ID = { acute: lexiconId('acute'), hazard: lexiconId('hazard'), now: lexiconId('now'), habitual: lexiconId('habitual'), risk: lexiconId('risk'), past: lexiconId('past') };

export function urgencyCues(a: TextAnalysis): UrgencyCues {
  const c = analysisCues(a).counts;
  const finalNgay = a.tokens[a.tokens.length - 1] === 'ngay' ? 1 : 0;
  return {
    acute: c[ID.acute] ?? 0,
    hazard: c[ID.hazard] ?? 0,
    now: (c[ID.now] ?? 0) + finalNgay,
    habitual: c[ID.habitual] ?? 0,
    risk: c[ID.risk] ?? 0,
    past: c[ID.past] ?? 0,
  };
}

/** True when the text describes danger happening now (before the type condition). */
export function urgencyRule(cues: UrgencyCues): boolean {
  if (cues.habitual > 0) return false;
  if (cues.past > 0 && cues.now === 0) return false;
  if (cues.risk > 0 && cues.now === 0) return false;
  return cues.acute > 0 || (cues.hazard > 0 && cues.now > 0);
}
