/**
 * Cue lexicons: general Vietnamese (and some English) vocabulary a linguist would recognise as a marker of a message
 * type or of urgency — not corpus sentences — and one pass over a message's tokens that counts, per lexicon (these
 * and the topic lexicons of topic-lexicons.ts), the phrases it contains, through a word trie. Pure.
 */
import type { TextAnalysis, Word, WrittenForms } from './normalize.ts';
import { TOPICS } from './topic-lexicons.ts';

/**
 * First-person intent: a first-person pronoun directly followed by a verb of needing, wanting or planning, optionally
 * with an adverb between ("tôi cần", "em đang muốn", "chúng tôi định", "mình cũng sắp"). "chúng tôi", "tụi em",
 * "vợ chồng em" end in one of these pronouns and match through it; English reaches it through english.ts
 * ("I would like" → `toi muon`). Not a feature by itself (the same phrases are in `own`): features.ts asks whether
 * the message opens with it.
 */
const INTENT_PERSONS = ['toi', 'em', 'minh', 'tui'];
const INTENT_LINKS = ['', 'dang ', 'rat ', 'cung ', 'van '];
const INTENT_VERBS = ['can', 'muon', 'dinh', 'sap'];

/**
 * A request to fix, check or enforce something concrete, or to issue a paper: a request verb, optionally the
 * addressee, then a verb of fixing, checking, enforcing or issuing ("đề nghị phường kiểm tra", "yêu cầu xử lý",
 * "mong cơ quan chức năng can thiệp", "đề nghị cấp"). The conventions call such a request about a described fault a
 * complaint (or, for one's own paper, a filing), and a proposal of a new measure or rule a suggestion.
 */
const FIX_REQUESTS = ['de nghi', 'kien nghi', 'yeu cau', 'mong', 'nho', 'xin'];
const FIX_ADDRESSEES = [
  '', 'phuong ', 'ubnd phuong ', 'ubnd ', 'chinh quyen ', 'cong an ', 'cong an phuong ', 'co quan chuc nang ',
  'cac co quan chuc nang ', 'quan ', 'ban quan ly ', 'cac anh ', 'anh chi ', 'ad ',
];
export const FIX_VERBS = [
  'kiem tra', 'xu ly', 'giai quyet', 'xac nhan', 'cap', 'can thiep', 'xac minh', 'lam ro', 'dep', 'xem lai', 'xu phat',
  'khac phuc', 'sua', 'sua chua', 'thu hoi', 'cho nguoi', 'nao vet', 'thong', 'don', 'thu gom', 'chan chinh',
  'ngan chan', 'cuong che', 'hoan tra', 'tra loi',
];

/**
 * Cue lexicons, folded. Each is general vocabulary a linguist would recognise as a marker of the class:
 * question particles and interrogatives, first-person filing, suggestion verbs, complaint markers, hazard nouns
 * and verbs, immediacy adverbs, habitual/recurring markers, greetings/thanks/advertising.
 */
export const CUES: Record<string, readonly string[]> = {
  // Interrogatives and question frames.
  ask: [
    'cho hoi', 'xin hoi', 'cho em hoi', 'cho minh hoi', 'cho toi hoi', 'cho chau hoi', 'hoi chut', 'hoi xiu', 'thac mac',
    'bao nhieu', 'o dau', 'cho nao', 'the nao', 'nhu the nao', 'ra sao', 'lam sao', 'khi nao', 'bao gio', 'bao lau',
    'co duoc khong', 'duoc khong', 'phai khong', 'co can', 'can gi', 'nhung gi', 'giay gi', 'giay to gi', 'gom nhung',
    'co phai', 'hay khong', 'hay phai', 'how', 'what', 'where', 'when', 'do i', 'can i', 'is there', 'are there', 'how much',
    'how long', 'which',
  ],
  // Asking about a rule in general (eligibility, fees, validity, penalties), not one's own file.
  rule: [
    'quy dinh', 'dieu kien', 'truong hop', 'bat buoc', 'bi phat', 'phat khong', 'muc dong', 'muc phi', 'le phi', 'gia tri',
    'hieu luc', 'thoi han', 'nguoi nuoc ngoai', 'co phai dong', 'co phai lam', 'co can phai', 'moi nguoi', 'nguoi dan',
    'ai cung', 'thi co', 'co bat buoc', 'required', 'allowed', 'fee', 'rules',
  ],
  // First-person filing or need ("tôi cần", "em muốn làm", "đã nộp hồ sơ").
  own: [
    'toi can', 'em can', 'minh can', 'tui can', 'chung toi can', 'toi muon', 'em muon', 'minh muon', 'tui muon',
    'chung toi muon', 'toi dinh', 'em dinh', 'minh dinh', 'chung toi dinh', 'toi sap', 'em sap', 'toi xin', 'em xin',
    'xin cap', 'de nghi cap', 'dang ky cho', 'lam cho', 'cho con', 'cho be', 'cho vo', 'cho chong', 'cho ba', 'cho me',
    'con toi', 'con em', 'be nha', 'nha em', 'ho so cua', 'da nop', 'vua nop', 'nop ho so', 'nop roi', 'dat lich',
    'hen lich', 'hen tra', 'lay ket qua', 'nhan ket qua', 'ma ho so', 'bi tra ve', 'can lam', 'muon lam', 'phai lam',
    'tui em', 'tui minh', 'chung em', 'vo chong em', 'len phuong', 'mai em', 'mai toi', 'mai minh', 'sang nay len',
    'da co', 'dang ky roi', 'nop lai', 'bi tra', 'ho so em', 'ho so toi', 'giay cua em', 'giay cua toi',
    'i need', 'i want', 'i would like', 'we need', 'we want', 'we would like', 'i lost', 'my', 'our',
  ],
  // First-person intent (see INTENT_PERSONS): only where it stands decides (features.ts).
  intent: [
    ...INTENT_PERSONS.flatMap((p) => INTENT_LINKS.flatMap((l) => INTENT_VERBS.map((v) => `${p} ${l}${v}`))),
    'i need', 'i want', 'i would like', 'we need', 'we want', 'we would like',
  ],
  // Proposal verbs and frames ("đề nghị" is here, not in `suggest`: it also opens requests to fix a fault, see `fix`).
  // A feature like the others, and features.ts also asks whether one opens the message.
  propose: [
    'de nghi', 'de xuat', 'kien nghi', 'nên', 'gop y', 'mong', 'xin de xuat', 'kinh de nghi', 'hy vong', 'theo toi',
    'sao khong', 'tai sao khong', 'suggest', 'propose', 'should', 'recommend', 'i think',
  ],
  // A request to fix or check a concrete fault, or to issue a paper (see FIX_VERBS).
  fix: FIX_REQUESTS.flatMap((r) => FIX_ADDRESSEES.flatMap((a) => FIX_VERBS.map((v) => `${r} ${a}${v}`))),
  // Suggestion and consultation vocabulary.
  suggest: [
    'gop y', 'de xuat', 'kien nghi', 'y kien', 'nên', 'nen co', 'nen lam', 'sao khong', 'tai sao khong', 'lam them',
    'lap them', 'trong them', 'mo them', 'bo tri them', 'thêm', 'bo sung', 'du thao', 'phuong an', 'lay y kien',
    'tan thanh', 'dong y', 'theo toi', 'toi nghi', 'em nghi', 'minh nghi', 'thay vi', 'tot hon', 'cai thien', 'mong',
    'hy vong', 'neu co', 'co the', 'to chuc', 'khuyen khich', 'van dong', 'suggest', 'suggestion', 'idea', 'should',
    'propose', 'would be', 'could', 'i think', 'recommend', 'it would', 'please add', 'consider',
  ],
  // Complaint markers: affliction ("bị"), excess ("quá", "lắm"), neglect ("không ai", "chưa thấy"), duration.
  complain: [
    'phan anh', 'bị', 'quá', 'lắm', 'khong ai', 'chua ai', 'chua thay', 'van chua', 'suốt', 'hoài', 'lau roi', 'may ngay',
    'ca tuan', 'ca thang', 'buc xuc', 'kinh khung', 'hoi thoi', 'boc mui', 'on ao', 'lan chiem', 'hu hong', 'hỏng',
    'xuong cap', 'ngập', 'ket xe', 'tre hen', 'qua han', 'chậm', 'hach sach', 'nhung nhieu', 'vo trach nhiem', 'vi pham',
    'trai phep', 'khong phep', 'tu y', 'complain', 'broken', 'terrible', 'nobody', 'dirty', 'noise', 'for months',
    'for weeks', 'still',
  ],
  // Thanks, greetings, apologies, advertising and spam.
  other: [
    'cam on', 'chúc', 'chuc mung', 'xin chao', 'chào', 'hello', 'hi', 'happy', 'thank', 'thanks', 'test', 'alo',
    'xin loi', 'nhầm', 'gui nham', 'urltoken', 'khao sat', 'form', 'thank you',
    'biet on', 'tri an', 'chuc mung nam moi', 'an tet', 'giang sinh', 'sinh nhat', 'xin viec', 'ung tuyen', 'viec lam',
    'tot nghiep', 'bai tap', 'dap an', 'giai giup', 'bai tho', 'sang tac', 'du thi', 'ca nhac', 'bong da', 'xem phim',
    'game', 'ngon', 'an gi', 'thoi tiet', 'xo so', 'ket ban', 'lam quen', 'haha', 'hihi', 'kkk', 'spam', 'bam nham',
    'appreciate', 'grateful', 'congratulations', 'merry christmas', 'happy new year', 'job', 'resume',
  ],
  // Praise and gratitude for a service or an officer.
  praise: [
    'tan tinh', 'nhiet tinh', 'chu dao', 'kien nhan', 'am long', 'khen', 'bieu duong', 'tuyet voi', 'hai long',
    'chan thanh cam on', 'rat cam on', 'cam on nhieu', 'vui ve', 'chuyen nghiep', 'nhanh chong', 'kind', 'patient',
    'helpful', 'great job',
  ],
  // Advertising, selling, lending, hiring, prize scams.
  ad: [
    'lien he', 'lh', 'inbox', 'ib', 'hotline', 'zalo', 'gia re', 'gia tot', 'gia uu dai', 'khuyen mai', 'giam gia',
    'ban nha', 'ban dat', 'dat nen', 'mat tien', 'chinh chu', 'thien chi', 'can ban', 'can mua', 'thanh ly', 'cho thue',
    'cho vay', 'vay von', 'lai suat', 'tuyen dung', 'tuyển', 'dich vu', 'nhan lam', 'lam nhanh', 'bao dau', 'uy tin',
    'cam ket', 'si le', 'dang bai', 'quang cao', 'du ve', 'trung thuong', 'nhan thuong', 'giai thuong',
    'shop', 'sale', 'offer', 'our company', 'warranty', 'prize',
    'mua ban', 'chinh hang', 'freeship', 'mien phi van chuyen', 'giao hang tan noi', 'ship cod', 'toan quoc', 'uu dai',
    'truy cap', 'website', 'chuyen si', 'chuyen cung cap', 'nhan order', 'hang xach tay', 'sang nhuong', 'sang quan',
    'pass lai', 'can pass', 'thu nhap', 'luong cao', 'kiem tien', 'viec nhe', 'lai cao', 'hoan tien', 'qua tang',
    'voucher', 'ma giam gia', 'nhanh tay', 'so luong co han', 'dat hang', 'bang gia', 'bao gia',
    'manufacturer', 'supplier', 'catalogue', 'catalog', 'competitive', 'price', 'prices', 'discount', 'cooperation',
    'partnership', 'promotion', 'free shipping', 'wholesale', 'for sale', 'investment', 'click',
  ],
  // Hazards: fire, electricity, collapse, accidents, violence, water entering homes, gas, medical collapse.
  // Acute events: by themselves they describe harm happening (an accident, a fight, a fire, water entering homes).
  acute: [
    'tai nan', 'bi thuong', 'can cap cuu', 'di cap cuu', 'goi cap cuu', 'danh nhau', 'bi danh', 'danh hoi dong', 'chem nhau',
    'bi chem', 'dam chem', 'chan het', 'chan loi', 'mui ga', 'ro ri ga', 'xi ga', 'cam dao', 'hung khi',
    'ruot duoi', 'toe lua', 'xet lua', 'dang chay', 'chay nha', 'boc chay', 'chay lon', 'dam chay', 'hoa hoan',
    'phat no', 'no lon', 'chan ngang', 'do chan', 'nga de', 'de len', 'nuoc vao nha', 'ngap vao nha', 'tran vao nha',
    'tran vo nha', 'nuoc vo nha', 'ngap vo nha', 'vao nha roi', 'bat tinh', 'nam bat dong', 'dot quy', 'ngung tho', 'khong tho', 'kho tho',
    'duoi nuoc', 'chet duoi', 'nhay song', 'nhay cau', 'di lac', 'mac ket', 'ket trong', 'ro ri gas', 'xi gas', 'mui gas',
    'bi dien giat', 'bi giat dien', 'bi roi xuong', 'bi te xuong', 'bi nga xuong', 'bi lot xuong', 'te xuong ho',
    'electrocuted', 'fell into',
    'fire', 'explosion', 'collapsed', 'unconscious', 'injured', 'accident', 'trapped', 'drowning', 'gas leak', 'bleeding',
    'flooding into', 'fight',
  ],
  // Hazard states: dangerous, but urgent only when described as happening now.
  hazard: [
    'lửa', 'khoi den', 'boc khoi', 'khoi mu', 'tieng no', 'chap dien', 'giat dien', 'dien giat', 'ho dien', 'ho day',
    'day dien', 'đứt', 'roi xuong', 'cot dien', 'tru dien', 'bien ap', 'bi sap', 'sap xuong', 'so sap', 'sap do', 'sup',
    'sat lo', 'sụt', 'lún', 'nut toac', 'nứt', 'nghieng', 'do xuong', 'do ngang', 'nga xuong', 'cay nga', 'cay do',
    'bi nga', 'bi gay', 'gay do', 'tông', 'dam vao', 'lật', 'chay mau', 'ngất', 'đâm', 'cướp', 'trộm', 'cay khoa',
    'dap pha', 'dau goi', 'ngang hong', 'nuoc dang', 'ngập', 'tu tu', 'ro ri', 'gas', 'ga', 'lot xuong', 'rao chan', 'suyt', 'mat nap', 'ho sau', 'vo ong',
    'ong nuoc vo', 'tre con', 'tre em', 'hoc sinh', 'em be', 'nguoi gia', 'smoke', 'collapse', 'knife', 'flooding',
    'sparking', 'fallen', 'breathing',
  ],
  // Immediacy: it is happening now, or help is needed now.
  now: [
    'đang', 'vừa', 'vua moi', 'ngay bay gio', 'bay gio', 'luc nay', 'hien gio', 'ngay luc nay', 'gấp', 'khan cap',
    'cứu', 'cuu voi', 'toi ngay', 'xuong ngay', 'ngay lap tuc', 'xu ly ngay', 'toi lien', 'di lien', 'chua thay toi',
    'chua thay den', 'chua toi', 'chua ai den', 'chua ai toi', 'chua thay ai', 'ngay di', 'ngay giup', 'ngay voi', 'lien di',
    'van dang', '113', '114', '115', 'nguy hiem', 'now', 'right now', 'urgent', 'emergency', 'help',
    'immediately', 'still rising', 'asap',
  ],
  // Risk rather than harm: "could cause", "is at risk of".
  risk: ['de gay', 'co the gay', 'nguy co', 'tiem an', 'de xay ra', 'de bi', 'lo ngai', 'could cause', 'risk of'],
  // Past time: the event is over unless an ongoing marker says otherwise.
  past: ['toi qua', 'hom qua', 'dem qua', 'hom truoc', 'tuan truoc', 'thang truoc', 'nam ngoai', 'last night', 'yesterday'],
  // Habitual or recurring: the problem is described in general terms, not as something happening now.
  habitual: [
    'thuong xuyen', 'ngay nao cung', 'dem nao cung', 'toi nao cung', 'sang nao cung', 'chieu nao cung', 'nam nao cung',
    'thang nao cung', 'mua nao cung', 'moi lan', 'moi khi', 'moi ngay', 'moi dem', 'lau nay', 'nhieu thang', 'nhieu nam',
    'hay bi', 'cu den', 'tu lau', 'hoài', 'ca ngay', 'suot ngay', 'lan nao', 'hom nao', 'cu mua',
    'thuong hay', 'thuong bi', 'every', 'always', 'often', 'for months', 'sap toi', 'sẽ',
  ],
};

/** Every lexicon, cue lexicons first, then topics; a lexicon's position is its id. */
export const LEXICONS: readonly string[] = [...Object.keys(CUES), ...Object.keys(TOPICS)];
const LEXICON_ID = new Map(LEXICONS.map((name, id) => [name, id]));

/** Lexicon id by name (throws for an unknown name: a typo in code, not bad input). */
export function lexiconId(name: string): number {
  const id = LEXICON_ID.get(name);
  if (id === undefined) throw new Error(`unknown cue lexicon ${name}`);
  return id;
}

/**
 * A word trie over all phrases (by their folded words): a node holds the ids of the lexicons whose phrases end
 * there and, per id, the phrase as written when it was written with diacritics (else null). A phrase written with
 * diacritics ("tối", "đèn", "ồn") names one of several words that fold alike ("tôi", "đến", "ơn"): it only counts
 * where the message's own diacritics agree, and not in a message written without any (see `scanCues`).
 */
export type CueNode = { next: Map<string, CueNode> | null; ids: number[]; accents: (string[] | null)[] };
const CUE_TRIE = new Map<string, CueNode>();
const foldPhrase = (phrase: string) => phrase.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd');
for (const [name, phrases] of [...Object.entries(CUES), ...Object.entries(TOPICS)])
  for (const phrase of phrases) {
    const written = phrase.normalize('NFC');
    const folded = foldPhrase(written);
    let level = CUE_TRIE;
    let node: CueNode | undefined;
    for (const word of folded.split(' ')) {
      node = level.get(word);
      if (!node) level.set(word, (node = { next: null, ids: [], accents: [] }));
      level = node.next ??= new Map();
    }
    node?.ids.push(lexiconId(name));
    node?.accents.push(folded === written ? null : written.split(' '));
  }
pruneTrie(CUE_TRIE);

function pruneTrie(level: Map<string, CueNode>): void {
  for (const node of level.values()) {
    if (node.next?.size === 0) node.next = null;
    else if (node.next) pruneTrie(node.next);
  }
}

const TOPIC_KIND = LEXICONS.map((name) => (name.charCodeAt(1) === 58 /* ':' */ ? name[0] : ''));

/**
 * What one pass over the tokens found: phrase counts per lexicon id, the ids found in first-seen order (with the
 * token index where each was first found), and the first category topic and first procedure topic named (-1 when
 * none): the main subject usually comes first.
 */
export type CueScan = {
  /** A plain array: a typed array of this size would be allocated outside the heap, which costs more per message. */
  counts: number[];
  found: number[];
  foundAt: number[];
  firstCategory: number;
  firstProcedure: number;
  /**
   * Cue lexicons (ids below 32: the cue lexicons come first) with a phrase in the last sentence of a text of several
   * sentences (of a letter's body: its closing formula and signature are not the last sentence), as a bit set:
   * whether the question or the request is the closing one.
   */
  lastMask: number;
};

/**
 * Whether tokens[from, from + words.length) may be `words` (a phrase written with diacritics): yes when they are
 * written so, or when that is not known (no written forms, a token made by teencode or a repair, or a word typed
 * without diacritics); no when the message writes another word that folds alike.
 */
function mayBeWritten(w: WrittenForms | null | undefined, tokens: readonly string[], from: number, words: readonly string[]): boolean {
  if (!w) return true;
  for (let k = 0; k < words.length; k++) {
    const start = w.start[from + k] as number;
    if (start < 0) return true;
    const len = (w.end[from + k] as number) - start;
    const token = tokens[from + k] as string;
    if (len === token.length && w.lower.startsWith(token, start)) return true;
  }
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as string;
    const start = w.start[from + k] as number;
    if ((w.end[from + k] as number) - start !== word.length || !w.lower.startsWith(word, start)) return false;
  }
  return true;
}

/**
 * Scans matching-form tokens, those of tokens[from, to) only (a letter's body, without its salutation and closing:
 * see letterFrame in normalize.ts). `written` (see TextAnalysis) lets phrases written with diacritics match only the
 * word they name; where it is not known (a text without diacritics) they count like any other phrase.
 */
export function scanCues(tokens: readonly string[], written?: WrittenForms | null, lastFrom = -1, words?: readonly Word[], from = 0, to = tokens.length): CueScan {
  const scan: CueScan = { counts: new Array<number>(LEXICONS.length).fill(0), found: [], foundAt: [], firstCategory: -1, firstProcedure: -1, lastMask: 0 };
  const { counts, found, foundAt } = scan;
  for (let i = from; i < to; i++) {
    let node = words ? startNode(words[i] as Word) : CUE_TRIE.get(tokens[i] as string);
    for (let j = i + 1; node; j++) {
      const ids = node.ids;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        const accent = node.accents[k];
        if (accent != null && !mayBeWritten(written, tokens, i, accent)) continue;
        if (counts[id] === 0) {
          found.push(id);
          foundAt.push(i);
          const kind = TOPIC_KIND[id];
          if (kind === 'c' && scan.firstCategory < 0) scan.firstCategory = id;
          else if (kind === 'p' && scan.firstProcedure < 0) scan.firstProcedure = id;
        }
        counts[id] = (counts[id] as number) + 1;
        if (lastFrom >= 0 && i >= lastFrom && id < 32) scan.lastMask |= 1 << id;
      }
      node = j < to ? node.next?.get(tokens[j] as string) : undefined;
    }
  }
  return scan;
}

/** The cue-trie node a word starts (undefined: none), kept on the word. */
function startNode(w: Word): CueNode | undefined {
  if (w.cueNode === undefined) w.cueNode = CUE_TRIE.get(w.text) ?? null;
  return w.cueNode ?? undefined;
}

/**
 * The scan of an analysed text's matching-form tokens (a letter's body), computed once and kept on the analysis
 * (shared with urgency).
 */
export function analysisCues(a: TextAnalysis): CueScan {
  return (a.cues ??= scanCues(a.tokens, a.written, a.lastFrom, a.words, a.bodyFrom, a.bodyTo));
}

/** Counts of cue phrases per lexicon name in a token list (for tests and explanations). */
export function cueCounts(tokens: readonly string[]): Record<string, number> {
  const scan = scanCues(tokens);
  return Object.fromEntries(scan.found.map((id) => [LEXICONS[id] as string, scan.counts[id] as number]));
}
