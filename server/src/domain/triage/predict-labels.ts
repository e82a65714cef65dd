/**
 * Applies a trained triage model to one text: type, then category or procedure depending on the type,
 * then urgency, each with the probability of the chosen label. Pure.
 */
import { vectorize, type SparseVector } from './features.ts';
import { predictProbabilities, type LinearModel } from './model.ts';
import { NULL_LABEL, type TriageModel } from './train-model.ts';
import type { MessageType } from './types.ts';

export type PredictedLabels = {
  type: MessageType;
  category: string | null;
  procedure: string | null;
  urgent: boolean;
  confidences: { type: number; category: number; procedure: number; urgent: number };
  /** Runner-up type and its probability, for explanations. */
  secondType: { type: MessageType; p: number };
};

function best(model: LinearModel, x: SparseVector, allowNull: boolean): { label: string | null; p: number } {
  const probs = predictProbabilities(model, x);
  let bestK = -1;
  let bestP = -1;
  let nullP = 0;
  probs.forEach((p, k) => {
    if (model.classes[k] === NULL_LABEL) nullP = p;
    if ((allowNull || model.classes[k] !== NULL_LABEL) && p > bestP) [bestK, bestP] = [k, p];
  });
  const label = model.classes[bestK] ?? NULL_LABEL;
  // When null is not allowed, the chosen label's confidence is renormalised over the non-null classes.
  const p = allowNull ? bestP : bestP / Math.max(1e-9, 1 - nullP);
  return { label: label === NULL_LABEL ? null : label, p };
}

/** Predicts the four labels for a text already vectorised (or vectorises it). */
export function predictLabels(model: TriageModel, text: string, x: SparseVector = vectorize(text)): PredictedLabels {
  const typeProbs = predictProbabilities(model.type, x);
  const ranked = typeProbs.map((p, k) => ({ type: model.type.classes[k] as MessageType, p })).sort((a, b) => b.p - a.p);
  const top = ranked[0] ?? { type: 'khac' as MessageType, p: 0 };
  const second = ranked[1] ?? { type: 'khac' as MessageType, p: 0 };
  let category: { label: string | null; p: number } = { label: null, p: 1 };
  let procedure: { label: string | null; p: number } = { label: null, p: 1 };
  if (top.type === 'phan_anh' || top.type === 'gop_y') category = best(model.category, x, top.type === 'gop_y');
  if (top.type === 'thu_tuc' || top.type === 'hoi_dap') procedure = best(model.procedure, x, top.type === 'hoi_dap');
  const pUrgent = predictProbabilities(model.urgent, x)[model.urgent.classes.indexOf('yes')] ?? 0;
  const urgent = pUrgent >= model.urgentThreshold;
  return {
    type: top.type,
    category: category.label,
    procedure: procedure.label,
    urgent,
    confidences: { type: top.p, category: category.p, procedure: procedure.p, urgent: urgent ? pUrgent : 1 - pUrgent },
    secondType: second,
  };
}
