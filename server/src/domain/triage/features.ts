/**
 * Turns a message into hashed sparse features for the linear model: accent-folded word unigrams and bigrams, a few cue lexicons (general Vietnamese vocabulary, not corpus sentences) and shape
 * features (question mark, diacritics present, formal letter opening, length). Pure.
 */
import { normalizeForMatching } from './normalize.ts';

export const HASH_BITS = 20;
const HASH_MASK = (1 << HASH_BITS) - 1;

export type SparseVector = { indices: Int32Array; values: Float32Array };

/** Cue phrases (folded) that signal immediate danger or harm happening now. */
const URGENT_CUES = [
  'dang chay', 'chay no', 'bi chay', 'hoa hoan', 'khoi mu', 'dien giat', 'giat dien', 'chap dien', 'toe lua', 'xet lua',
  'day dien dut', 'day dien rot', 'day dien roi', 'dut day dien', 'cot dien nga', 'tru dien nga', 'cay nga', 'cay do',
  'nga chan', 'do chan', 'chan ngang', 'sap', 'sup', 'nut toac', 'nghieng', 'tai nan', 'bi thuong', 'cap cuu', 'danh nhau',
  'dam nhau', 'chem', 'hon chien', 'cuop', 'troi', 'duoi nuoc', 'chet duoi', 'nuoc tran vao nha', 'nuoc vao nha',
  'ngap vao nha', 'vo ong', 'ho ga mat nap', 'mat nap', 'ho sau', 'tre em', 'tre con', 'hoc sinh', 'ngay bay gio',
  'ngay luc nay', 'hien tai', 'dang', 'gap', 'khan cap', 'nguy hiem', 'cuu', 'xuong ngay', 'rat gap', 'ro ri gas',
  'ro ri khi', 'mui gas', 'ho dien', 'ho day', 'ket nguoi', 'ket trong',
];
const GENERAL_CUES = [
  'thuong xuyen', 'ngay nao cung', 'nam nao cung', 'moi lan', 'lau nay', 'nhieu thang', 'nhieu nam', 'de nghi',
];
const PROCEDURE_ASK_CUES = [
  'can nhung gi', 'giay to gi', 'ho so gom', 'bao nhieu tien', 'le phi', 'mat bao lau', 'bao lau', 'co duoc khong',
  'can gi', 'the nao', 'nhu the nao', 'o dau', 'xin hoi', 'cho hoi', 'hoi',
];
const OWN_FILING_CUES = [
  'toi can', 'em can', 'minh can', 'toi muon', 'em muon', 'minh muon', 'de nghi cap', 'xin cap', 'dang ky cho',
  'ho so cua toi', 'ho so cua em', 'da nop', 'dat lich', 'hen lich', 'nop ho so', 'yeu cau', 'cho con', 'con toi', 'con em',
];

const SUGGESTION_CUES = [
  'gop y', 'de xuat', 'y kien', 'kien nghi', 'nen', 'nen co', 'nen lam', 'sao khong', 'lam them', 'lap them', 'trong them',
  'bo sung', 'du thao', 'phuong an', 'lay y kien', 'suggest', 'suggestion', 'idea', 'should', 'propose', 'would be',
  'it would', 'toi nghi', 'em nghi', 'theo toi', 'thay vi', 'tot hon', 'cai thien', 'mong phuong', 'neu co',
];
const OTHER_CUES = [
  'cam on', 'chao', 'xin chao', 'hello', 'hi', 'thank', 'thanks', 'test', 'thu', 'lien he', 'zalo', 'gia tot', 'ban nha',
  'cho thue', 'tuyen dung', 'vay von', 'dich vu', 'khuyen mai', 'giam gia', 'inbox', 'bao dau', 'lh', 'urltoken',
];
const COMPLAINT_CUES = [
  'phan anh', 'bi', 'qua', 'hoai', 'suot', 'lau roi', 'khong ai', 'bao nhieu lan', 'toi qua', 'sang nay', 'hom qua',
  'gay', 'lan chiem', 'on ao', 'boc mui', 'hu hong', 'ngap', 'ket xe', 'tre hen', 'qua han', 'nhung nhieu', 'complain',
];

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & HASH_MASK;
}

function addCues(out: string[], padded: string, name: string, cues: readonly string[]): void {
  let n = 0;
  for (const cue of cues) if (padded.includes(` ${cue} `)) n++;
  if (n > 0) out.push(`cue:${name}`, `cue:${name}:${Math.min(n, 3)}`);
}

/** Feature names for a text (exported for tests and explanations). */
export function featureNames(text: string): string[] {
  const matching = normalizeForMatching(text);
  const words = matching.split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    out.push(`w:${words[i]}`);
    if (i + 1 < words.length) out.push(`b:${words[i]}_${words[i + 1]}`);
  }
  const padded = ` ${matching} `;
  addCues(out, padded, 'urgent', URGENT_CUES);
  addCues(out, padded, 'general', GENERAL_CUES);
  addCues(out, padded, 'ask', PROCEDURE_ASK_CUES);
  addCues(out, padded, 'own', OWN_FILING_CUES);
  addCues(out, padded, 'suggest', SUGGESTION_CUES);
  addCues(out, padded, 'other', OTHER_CUES);
  addCues(out, padded, 'complain', COMPLAINT_CUES);
  if (text.includes('?')) out.push('shape:question');
  if (/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu.test(text)) out.push('shape:diacritics');
  if (/^\s*(kính gửi|kinh gui|dear)/iu.test(text)) out.push('shape:formal');
  out.push(`shape:len:${Math.min(6, Math.floor(Math.log2(words.length + 1)))}`);
  if (words.length === 0) out.push('shape:empty');
  return out;
}

/** Hashed, de-duplicated, L2-normalised sparse vector. */
export function vectorize(text: string): SparseVector {
  const counts = new Map<number, number>();
  for (const name of featureNames(text)) {
    const h = fnv1a(name);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const indices = Int32Array.from(counts.keys()).sort();
  const values = new Float32Array(indices.length);
  let norm = 0;
  indices.forEach((idx, i) => {
    const v = 1 + Math.log(counts.get(idx) ?? 1);
    values[i] = v;
    norm += v * v;
  });
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i] = (values[i] ?? 0) * scale;
  return { indices, values };
}
