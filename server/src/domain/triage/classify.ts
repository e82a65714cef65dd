/**
 * The first pass over an incoming message: type, category, procedure, urgency (each with a confidence),
 * places resolved to a 2025 unit, personal data, the formal legal track, and an explanation officers can read.
 * Pure: the model, gazetteer and ward boundaries are passed in.
 */
import { CATEGORY_NAMES, PROCEDURE_NAMES, nameOf } from './label-names.ts';
import type { Gazetteer } from './gazetteer.ts';
import { analyzeText, foldAccents, paddedForm, type TextAnalysis } from './normalize.ts';
import { vectorizeTransient } from './features.ts';
import { hasPii } from './pii.ts';
import { extractPlaces } from './places.ts';
import { predictLabels } from './predict-labels.ts';
import { findUnitAtPoint, resolvePlace, type WardBoundary } from './resolve-place.ts';
import type { TriageModel } from './train-model.ts';
import type { Bilingual, MessageType } from './types.ts';

/**
 * Below this confidence (the calibrated type probability) a message goes to the human triage queue. Chosen on the
 * stratified 5-fold trade-off curve in docs/triage.md: under a fifth of messages go to people, type is right on
 * ~96–97 % of the rest.
 */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.8;

export type LegalTrack = 'khieu_nai' | 'to_cao';

export type TriageResult = {
  type: MessageType;
  category: string | null;
  /**
   * The category routing rules see: `category`, except `xe_buyt` for a traffic message about buses or public
   * transport (the city's feedback taxonomy keeps public transport apart; the triage corpus labels it traffic).
   */
  routingCategory: string | null;
  procedure: string | null;
  urgent: boolean;
  ward: string | null;
  district: string | null;
  street: string | null;
  unitCode: string | null;
  hasPii: boolean;
  confidence: number;
  confidences: { type: number; category: number; procedure: number; urgent: number };
  needsHumanTriage: boolean;
  /** A formal complaint (Luật Khiếu nại) or denunciation (Luật Tố cáo): its own legal track and deadlines. */
  legalTrack: LegalTrack | null;
  /** 2025 units still possible when an old ward was split or only a district was named. */
  unitCandidates: { code: string; name: string }[];
  /** Reasons in Vietnamese, then the same in English. */
  explanation: string[];
  explanationEn: string[];
};

export type ClassifyOptions = {
  confidenceThreshold?: number;
  location?: { lat: number; lng: number };
  boundaries?: WardBoundary[];
};

const TYPE_VI: Record<MessageType, string> = { thu_tuc: 'thủ tục', phan_anh: 'phản ánh', hoi_dap: 'hỏi đáp', gop_y: 'góp ý', khac: 'khác' };

/** Whether `first` is followed by `second` somewhere in the tokens. */
function hasWordPair(tokens: readonly string[], first: string, second: string): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) if (tokens[i] === first && tokens[i + 1] === second) return true;
  return false;
}

/** Formal complaint / denunciation wording (Luật Khiếu nại 2011, Luật Tố cáo 2018). */
export function detectLegalTrack(input: string | TextAnalysis): LegalTrack | null {
  const a = typeof input === 'string' ? analyzeText(input) : input;
  // Every phrase of each pattern contains the words "to cao" or "khieu nai": a test on the tokens first.
  const toCao = hasWordPair(a.tokens, 'to', 'cao');
  const khieuNai = hasWordPair(a.tokens, 'khieu', 'nai');
  if (!toCao && !khieuNai) return null;
  const f = paddedForm(a);
  if (toCao && / (don to cao|to cao hanh vi|xin to cao|toi to cao|chung toi to cao|noi dung to cao|nguoi bi to cao) /u.test(f)) return 'to_cao';
  if (khieuNai && / (don khieu nai|khieu nai quyet dinh|khieu nai hanh vi|xin khieu nai|toi khieu nai|chung toi khieu nai|noi dung khieu nai|nguoi khieu nai) /u.test(f)) return 'khieu_nai';
  return null;
}

/** Buses and public transport in the matching form: "xe buýt", "trạm buýt", "metro", "tàu điện", "public transport". */
const PUBLIC_TRANSPORT_RE = / (?:buyt|metro|tau dien|van tai cong cong|public transport) /u;
/** The English "bus", which the Telex repair turns into "bu" in the matching form: checked on the folded text. */
const BUS_RE = /\bbus(?:es)?\b/u;

/**
 * The routing category: a traffic message about buses or public transport gets `xe_buyt`, the feedback taxonomy's
 * public-transport field (reference-data/feedback/categories.json), so that a routing rule can send it to the
 * transport authority; every other message keeps its category.
 */
export function routingCategoryOf(category: string | null, input: string | TextAnalysis): string | null {
  if (category !== 'giao_thong') return category;
  const a = typeof input === 'string' ? analyzeText(input) : input;
  const padded = paddedForm(a);
  if (PUBLIC_TRANSPORT_RE.test(padded)) return 'xe_buyt';
  return padded.includes(' bu ') && BUS_RE.test(foldAccents(a.display)) ? 'xe_buyt' : category;
}

/**
 * True when a text is empty, has fewer than two letters, or is mostly written in another script than Latin.
 * Exported for tests.
 */
export function unreadable(display: string): boolean {
  // Fast path, in one loop over the code units: when every character is Latin (with Vietnamese), a combining mark,
  // punctuation or symbols (U+2000–2BFF), a variation selector or an emoji (U+1F000–1FAFF), the text is unreadable
  // when it has fewer than two letters A–Z, a–z, U+00C0–024F or U+1E00–1EFF.
  let letters = 0;
  for (let i = 0; i < display.length; i++) {
    const c = display.charCodeAt(i);
    if (c <= 0x24f) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) letters++;
      continue;
    }
    if (c >= 0x1e00 && c <= 0x1eff) {
      letters++;
      continue;
    }
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x2000 && c <= 0x2bff) || c === 0xfe0f) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < display.length) {
      const low = display.charCodeAt(i + 1);
      const point = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      if (low >= 0xdc00 && low <= 0xdfff && point >= 0x1f000 && point <= 0x1faff) {
        i++;
        continue;
      }
    }
    return unreadableScript(display);
  }
  return letters < 2;
}

/** The general case of `unreadable`: other scripts are present. */
function unreadableScript(display: string): boolean {
  const letters = display.replace(/\P{L}+/gu, '').length;
  if (letters < 2) return true;
  const nonLatin = display.replace(/[\P{L}\p{Script=Latin}]+/gu, '').length;
  return (letters - nonLatin) / letters < 0.5;
}

/** Classifies one message. Never throws on any string input. */
export function classifyMessage(text: string, model: TriageModel, gazetteer: Gazetteer, options: ClassifyOptions = {}): TriageResult {
  const threshold = options.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD;
  const analysis = analyzeText(typeof text === 'string' ? text : '');
  const display = analysis.display;
  const vi: string[] = [];
  const en: string[] = [];
  const say = (b: Bilingual) => { vi.push(b.vi); en.push(b.en); };
  const piiFound = hasPii(display);
  if (unreadable(display)) {
    say({ vi: 'Tin nhắn trống, không có chữ hoặc không phải tiếng Việt/Anh; chuyển cán bộ phân loại', en: 'empty, no letters, or not Vietnamese/English text; sent to human triage' });
    return {
      type: 'khac', category: null, routingCategory: null, procedure: null, urgent: false, ward: null, district: null, street: null, unitCode: null,
      hasPii: piiFound, confidence: 0.1, confidences: { type: 0.1, category: 1, procedure: 1, urgent: 1 }, needsHumanTriage: true,
      legalTrack: null, unitCandidates: [], explanation: vi, explanationEn: en,
    };
  }
  const labels = predictLabels(model, analysis, vectorizeTransient(analysis));
  const places = extractPlaces(analysis, gazetteer);
  const resolution = resolvePlace(places, gazetteer);
  let unitCode = resolution.unitCode;
  if (options.location && options.boundaries) {
    const unit = findUnitAtPoint(options.location.lat, options.location.lng, options.boundaries);
    if (unit) {
      unitCode = unit.code;
      say({ vi: `Vị trí trên bản đồ nằm trong ${unit.name}`, en: `map point lies in ${unit.name}` });
    }
  }
  const c = labels.confidences;
  // Routing depends on the type (and the place); the type probability is the confidence that separates right from
  // wrong best (docs/triage.md). Category/procedure probabilities are reported separately for the officer.
  const confidence = c.type;
  const legalTrack = detectLegalTrack(analysis);
  // Each probability is formatted once for both languages.
  const typeP = c.type.toFixed(2);
  const secondP = labels.secondType.p.toFixed(2);
  say({ vi: `Loại: ${TYPE_VI[labels.type]} (độ tin cậy ${typeP}; kế tiếp: ${TYPE_VI[labels.secondType.type]} ${secondP})`,
    en: `type ${labels.type} (confidence ${typeP}; runner-up ${labels.secondType.type} ${secondP})` });
  if (labels.category) {
    const p = c.category.toFixed(2);
    const name = nameOf(CATEGORY_NAMES, labels.category);
    say({ vi: `Lĩnh vực: ${name.vi} (${p}${c.category < 0.5 ? '; chưa chắc, cán bộ xác nhận' : ''})`, en: `category ${name.en} (${p}${c.category < 0.5 ? '; uncertain, officer to confirm' : ''})` });
  }
  const routingCategory = routingCategoryOf(labels.category, analysis);
  if (routingCategory !== labels.category) say({ vi: 'Liên quan xe buýt, vận tải công cộng (định tuyến theo lĩnh vực này)', en: 'about buses or public transport (routed as that category)' });
  if (labels.procedure) {
    const p = c.procedure.toFixed(2);
    const name = nameOf(PROCEDURE_NAMES, labels.procedure);
    say({ vi: `Thủ tục: ${name.vi} (${p})`, en: `procedure ${name.en} (${p})` });
  }
  if (labels.urgent) {
    const p = c.urgent.toFixed(2);
    say({ vi: `Khẩn cấp (${p})`, en: `urgent (${p})` });
  }
  if (legalTrack) say({ vi: `Có dấu hiệu ${legalTrack === 'to_cao' ? 'tố cáo' : 'khiếu nại'} chính thức — xử lý theo luật, cán bộ xác nhận`, en: `looks like a formal ${legalTrack === 'to_cao' ? 'denunciation' : 'complaint'} — legal track, officer to confirm` });
  for (const e of resolution.explanation) say(e);
  if (piiFound) say({ vi: 'Có dữ liệu cá nhân (SĐT, CCCD, email hoặc địa chỉ riêng)', en: 'contains personal data (phone, ID, email or own address)' });
  const needsHumanTriage = confidence < threshold || legalTrack !== null;
  if (confidence < threshold) say({ vi: `Độ tin cậy ${typeP} dưới ngưỡng ${threshold}; chuyển cán bộ phân loại`, en: `confidence ${typeP} below ${threshold}; sent to human triage` });
  return {
    type: labels.type, category: labels.category, routingCategory, procedure: labels.procedure, urgent: labels.urgent,
    ward: places.ward, district: places.district, street: places.street, unitCode, hasPii: piiFound,
    confidence, confidences: c, needsHumanTriage, legalTrack, unitCandidates: unitCode ? [] : resolution.candidates,
    explanation: vi, explanationEn: en,
  };
}
