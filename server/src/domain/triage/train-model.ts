/**
 * The triage model: four linear classifiers (type, category, procedure, urgent) trained from labelled
 * examples. `trainModel` is the one entry point, whether the examples come from the corpus, a corrections
 * file or database rows. Pure.
 */
import { vectorize, type SparseVector } from './features.ts';
import {
  deserializeLinearModel,
  predictProbabilities,
  pruneModel,
  serializeLinearModel,
  trainLinear,
  type LinearModel,
  type SerializedLinearModel,
  type TrainOptions,
} from './model.ts';
import { MESSAGE_TYPES, type LabelledExample } from './types.ts';

export const NULL_LABEL = '∅';
export const MODEL_VERSION = 1;

export type TriageModel = {
  version: number;
  type: LinearModel;
  /** Trained on phan_anh and gop_y messages; NULL_LABEL = no city-issue category. */
  category: LinearModel;
  /** Trained on thu_tuc and hoi_dap messages; NULL_LABEL = not about a procedure. */
  procedure: LinearModel;
  urgent: LinearModel;
  /** Probability of "urgent" above which a message is flagged; set low on purpose (recall first). */
  urgentThreshold: number;
  trainedOn: number;
  /**
   * Divides the type model's scores before the softmax, fitted on the inner cross-validation's out-of-fold
   * probabilities (temperature scaling), so that the type confidence is calibrated. Absent in older models (= 1).
   */
  typeTemperature?: number;
  /** L2 strengths the inner cross-validation chose for the type, category and procedure models. */
  typeL2?: number;
  categoryL2?: number;
  procedureL2?: number;
};

/** Training settings per classifier (defaults chosen by cross-validation, see docs/triage.md). */
export type TrainConfig = {
  type: TrainOptions;
  category: TrainOptions;
  procedure: TrainOptions;
  urgent: TrainOptions;
  /** Power applied to inverse class frequency for the type classifier's class weights (0 = unweighted). */
  typeBalance: number;
  urgentThreshold: number;
  /** L2 strengths tried for the type model by inner 3-fold cross-validation on the training data ([] = use type.l2). */
  typeL2Grid: number[];
  /** The same for the category and procedure models (each chooses its own). */
  topicL2Grid: number[];
};

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  type: { learningRate: 0.2 },
  category: {},
  procedure: {},
  urgent: {},
  typeBalance: 0.5,
  urgentThreshold: 0.3,
  typeL2Grid: [1e-4, 3e-5, 3e-4],
  topicL2Grid: [3e-4, 1e-4, 1e-3],
};

/**
 * Picks the L2 strength with the best inner k-fold accuracy (first of the grid on ties) and returns it with that
 * setting's out-of-fold probabilities (in data order), which calibrate the confidence.
 */
export function innerCrossValidate(data: { x: SparseVector; label: string }[], classes: string[], base: TrainOptions, grid: number[], folds = 3): { l2: number; outOfFold: number[][] } {
  let best = { l2: base.l2 ?? 1e-4, outOfFold: [] as number[][] };
  let bestAcc = -1;
  for (const l2 of grid) {
    let ok = 0;
    const outOfFold: number[][] = new Array<number[]>(data.length);
    for (let f = 0; f < folds; f++) {
      const m = trainLinear(data.filter((_, i) => i % folds !== f), classes, { ...base, l2 });
      data.forEach((d, i) => {
        if (i % folds !== f) return;
        const p = predictProbabilities(m, d.x);
        outOfFold[i] = p;
        if (classes[p.indexOf(Math.max(...p))] === d.label) ok++;
      });
    }
    if (ok > bestAcc) [bestAcc, best] = [ok, { l2, outOfFold }];
  }
  return best;
}

/** Picks the L2 strength with the best inner k-fold accuracy (first of the grid on ties). */
export function chooseL2(data: { x: SparseVector; label: string }[], classes: string[], base: TrainOptions, grid: number[], folds = 3): number {
  return innerCrossValidate(data, classes, base, grid, folds).l2;
}

/**
 * Temperature scaling: the T in [0.2, 2] that minimises the negative log-likelihood of the gold labels under the
 * out-of-fold probabilities raised to 1/T and renormalised (softmax of logits / T). T < 1 sharpens an
 * under-confident model. 1 when there is nothing to fit.
 */
export function fitTemperature(outOfFold: number[][], gold: number[]): number {
  let bestT = 1;
  let bestNll = Infinity;
  for (let t = 0.2; t <= 2.0001; t += 0.05) {
    let nll = 0;
    outOfFold.forEach((p, i) => {
      if (!p) return;
      let sum = 0;
      for (const q of p) sum += Math.pow(Math.max(q, 1e-12), 1 / t);
      nll -= Math.log(Math.pow(Math.max(p[gold[i] ?? 0] ?? 0, 1e-12), 1 / t) / sum);
    });
    if (nll < bestNll - 1e-9) [bestNll, bestT] = [nll, Math.round(t * 100) / 100];
  }
  return bestT;
}

export type SerializedTriageModel = Omit<TriageModel, 'type' | 'category' | 'procedure' | 'urgent'> & {
  type: SerializedLinearModel;
  category: SerializedLinearModel;
  procedure: SerializedLinearModel;
  urgent: SerializedLinearModel;
};

/** The vector the category and procedure models see (topic-weighted values). */
function topic(x: SparseVector): SparseVector {
  return { indices: x.indices, values: x.topicValues ?? x.values };
}

function labelsOf(values: (string | null)[]): string[] {
  return [...new Set(values.map((v) => v ?? NULL_LABEL))].sort();
}

/** Inverse-frequency class weights softened by a square root (rare types are not drowned out by phan_anh). */
function balancedWeights(labels: string[], power = 0.5): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const l of labels) counts[l] = (counts[l] ?? 0) + 1;
  const k = Object.keys(counts).length;
  return Object.fromEntries(Object.entries(counts).map(([l, n]) => [l, Math.pow(labels.length / (k * n), power)]));
}

/** Trains all four classifiers. Later examples with the same id replace earlier ones (corrections win). */
export function trainModel(examples: LabelledExample[], config: TrainConfig = DEFAULT_TRAIN_CONFIG): TriageModel {
  const byId = new Map<string, LabelledExample>();
  const anonymous: LabelledExample[] = [];
  for (const ex of examples) if (ex.id) byId.set(ex.id, ex); else anonymous.push(ex);
  const rows = [...byId.values(), ...anonymous].map((ex) => ({ ex, x: vectorize(ex.text) }));
  const pick = (types: string[], field: (ex: LabelledExample) => string | null) =>
    rows.filter((r) => types.includes(r.ex.type)).map((r) => ({ x: topic(r.x), label: field(r.ex) ?? NULL_LABEL }));
  const typeData = rows.map((r) => ({ x: r.x, label: r.ex.type }));
  const catData = pick(['phan_anh', 'gop_y'], (ex) => ex.category);
  const procData = pick(['thu_tuc', 'hoi_dap'], (ex) => ex.procedure);
  const urgentData = rows.map((r) => ({ x: r.x, label: r.ex.urgent ? 'yes' : 'no' }));
  const typeClasses = [...MESSAGE_TYPES];
  const typeOptions: TrainOptions = { ...config.type, classWeights: balancedWeights(typeData.map((d) => d.label), config.typeBalance) };
  let typeTemperature = 1;
  if (config.typeL2Grid.length > 0) {
    const inner = innerCrossValidate(typeData, typeClasses, typeOptions, config.typeL2Grid);
    typeOptions.l2 = inner.l2;
    typeTemperature = fitTemperature(inner.outOfFold, typeData.map((d) => typeClasses.indexOf(d.label)));
  }
  const catOptions: TrainOptions = { ...config.category };
  const catClasses = labelsOf(catData.map((d) => d.label));
  if (config.topicL2Grid.length > 0) catOptions.l2 = chooseL2(catData, catClasses, catOptions, config.topicL2Grid);
  const procOptions: TrainOptions = { ...config.procedure };
  const procClasses = labelsOf(procData.map((d) => d.label));
  if (config.topicL2Grid.length > 0) procOptions.l2 = chooseL2(procData, procClasses, procOptions, config.topicL2Grid);
  const urgentShare = urgentData.filter((d) => d.label === 'yes').length / Math.max(1, urgentData.length);
  return {
    version: MODEL_VERSION,
    type: trainLinear(typeData, typeClasses, typeOptions),
    typeL2: typeOptions.l2,
    typeTemperature,
    categoryL2: catOptions.l2,
    procedureL2: procOptions.l2,
    category: trainLinear(catData, catClasses, catOptions),
    procedure: trainLinear(procData, procClasses, procOptions),
    urgent: trainLinear(urgentData, ['no', 'yes'], {
      ...config.urgent,
      classWeights: { yes: Math.min(8, Math.max(1, 0.25 / Math.max(urgentShare, 1e-3))) },
    }),
    urgentThreshold: config.urgentThreshold,
    trainedOn: rows.length,
  };
}

/** JSON form of a model, pruned of near-zero weights. */
export function serializeModel(model: TriageModel, minWeight = 0.002): SerializedTriageModel {
  const ser = (m: LinearModel) => serializeLinearModel(pruneModel(m, minWeight));
  return { ...model, type: ser(model.type), category: ser(model.category), procedure: ser(model.procedure), urgent: ser(model.urgent) };
}

export function deserializeModel(data: SerializedTriageModel): TriageModel {
  return {
    ...data,
    type: deserializeLinearModel(data.type),
    category: deserializeLinearModel(data.category),
    procedure: deserializeLinearModel(data.procedure),
    urgent: deserializeLinearModel(data.urgent),
  };
}
