/**
 * English messages for the classifier: a message written in English is rewritten, for the models only, into the
 * accent-folded Vietnamese words of a general civic glossary ("temporary residence" → `tam tru`, "garbage" →
 * `rac`, "where" → `o dau`, "my mother" → `me toi`), so that it reaches the same word, bigram and cue features as
 * the Vietnamese messages that make up almost all of the labelled data. Words outside the glossary stay as they
 * are; English function words are dropped. Place extraction, personal data and urgency keep the original tokens.
 * Pure.
 */
import { VI_SYLLABLE, type Word } from './normalize.ts';

/**
 * Words that mark English and never occur as a folded Vietnamese syllable (so "the" = thẻ, "can" = cần, "to",
 * "an", "do", "my" = Mỹ are not counted).
 */
const ENGLISH_MARKERS = new Set([
  'is', 'are', 'was', 'were', 'and', 'of', 'for', 'with', 'this', 'that', 'there', 'what', 'which', 'where', 'when',
  'who', 'please', 'you', 'your', 'our', 'we', 'have', 'has', 'will', 'would', 'could', 'should', 'from', 'been',
  'does', 'did', 'not', 'they', 'their', 'about', 'into', 'because', 'since', 'every', 'thank', 'thanks', 'hello',
  'dear', 'regards', 'how', 'want', 'need', 'like', 'just', 'also', 'very', 'some', 'any', 'still', 'than', 'then',
]);

/** Common English words that teencode expansion and Telex repair leave as they are: a cheap first test. */
const QUICK_MARKERS = new Set(['and', 'of', 'for', 'with', 'you', 'is', 'are', 'please', 'from', 'have', 'your', 'would', 'like', 'need', 'there']);

/** Cheap test on matching-form tokens (or their words, which keep the answer): could this be English at all? */
export function mayBeEnglish(tokens: readonly string[], words?: readonly Word[]): boolean {
  if (words) {
    for (const w of words) if ((w.quickEnglish ??= QUICK_MARKERS.has(w.text))) return true;
    return false;
  }
  for (const t of tokens) if (QUICK_MARKERS.has(t)) return true;
  return false;
}

/**
 * True for English: at least two distinct English marker words, and at least 35 % of the words are not possible
 * Vietnamese syllables ("register", "household" are not; place names and abbreviations such as "bhyt" are few), or
 * one marker word and at least half the words foreign (short messages).
 */
export function looksEnglish(tokens: readonly string[]): boolean {
  if (tokens.length < 3) return false;
  const seen = new Set<string>();
  let words = 0;
  let foreign = 0;
  for (const t of tokens) {
    if (ENGLISH_MARKERS.has(t)) seen.add(t);
    if (/^[a-z]+$/u.test(t)) {
      words++;
      if (!VI_SYLLABLE.test(t)) foreign++;
    }
  }
  // One marker is enough when half the words cannot be Vietnamese ("a tree fell on a car, someone is trapped").
  return (seen.size >= 2 && foreign >= 0.35 * words) || (seen.size >= 1 && words >= 4 && foreign >= 0.5 * words);
}

/** Dropped when not part of a glossary phrase: articles, prepositions, auxiliaries, fillers. */
const STOPWORDS = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'been', 'being',
  'this', 'that', 'these', 'those', 'it', 'its', 'with', 'by', 'from', 'as', 'his', 'her', 'their', 'them', 'they',
  'some', 'any', 'very', 'so', 'too', 'just', 'also', 'there', 'here', 'am', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'shall', 'about', 'into', 'than', 'then', 'which', 'who', 'whom', 'your', 'you', 's', 't', 'm',
  're', 've', 'll', 'd', 'really', 'quite', 'such', 'one', 'off', 'up', 'out', 'over', 'near', 'next', 'all', 'if',
]);

/**
 * English phrase → folded Vietnamese. General civic vocabulary: greetings and closings, people, places, the
 * procedures a ward handles, question words, suggesting and complaining, the city-issue topics, advertising.
 */
const GLOSSARY: Record<string, string> = {
  // Greetings, closings, politeness.
  'dear sir or madam': 'kinh gui', 'dear sir madam': 'kinh gui', 'dear sirs': 'kinh gui', 'to whom it may concern': 'kinh gui',
  dear: 'kinh gui', hello: 'xin chao', hi: 'xin chao', hey: 'xin chao', 'good morning': 'xin chao',
  'good afternoon': 'xin chao', 'good evening': 'xin chao', 'best regards': 'tran trong', 'kind regards': 'tran trong',
  'warm regards': 'tran trong', regards: 'tran trong', 'best wishes': 'tran trong', sincerely: 'tran trong',
  'yours sincerely': 'tran trong', 'yours faithfully': 'tran trong', 'thank you very much': 'cam on',
  'thank you so much': 'cam on', 'thank you': 'cam on', thanks: 'cam on', 'many thanks': 'cam on', 'thanks a lot': 'cam on',
  grateful: 'biet on', appreciate: 'cam on', sorry: 'xin loi', apologies: 'xin loi', congratulations: 'chuc mung',
  'happy new year': 'chuc mung nam moi', please: 'de nghi', 'please help': 'giup voi', help: 'giup',
  // People.
  'i am': 'toi la', 'i m': 'toi la', i: 'toi', me: 'toi', myself: 'tu toi', we: 'chung toi', us: 'chung toi',
  neighbour: 'hang xom', neighbours: 'hang xom', neighbor: 'hang xom', neighbors: 'hang xom', child: 'con', children: 'con',
  kids: 'con', kid: 'con', son: 'con trai', daughter: 'con gai', baby: 'be', wife: 'vo', husband: 'chong', mother: 'me',
  mom: 'me', father: 'ba', dad: 'ba', parents: 'cha me', grandmother: 'ba', grandfather: 'ong', family: 'gia dinh',
  elderly: 'nguoi gia', 'old people': 'nguoi gia', residents: 'cu dan', resident: 'cu dan', people: 'nguoi dan',
  citizens: 'nguoi dan', foreigner: 'nguoi nuoc ngoai', foreigners: 'nguoi nuoc ngoai', foreign: 'nuoc ngoai',
  tourists: 'du khach', tourist: 'du khach', officer: 'can bo', officers: 'can bo', official: 'can bo', officials: 'can bo',
  staff: 'can bo', employee: 'nhan vien', police: 'cong an', policeman: 'cong an', landlord: 'chu nha', owner: 'chu',
  tenant: 'nguoi thue', students: 'hoc sinh', student: 'hoc sinh', pupils: 'hoc sinh', teacher: 'giao vien', teachers: 'giao vien',
  doctor: 'bac si', workers: 'cong nhan', nobody: 'khong ai', 'no one': 'khong ai', someone: 'co nguoi', somebody: 'co nguoi',
  // Places.
  'ward office': 'phuong', 'ward s': 'phuong', ward: 'phuong', 'people s committee': 'uy ban', committee: 'uy ban',
  district: 'quan', city: 'thanh pho', street: 'duong', streets: 'duong', road: 'duong', roads: 'duong', avenue: 'duong',
  alley: 'hem', alleys: 'hem', lane: 'hem', sidewalk: 'via he', sidewalks: 'via he', pavement: 'via he', market: 'cho',
  school: 'truong', hospital: 'benh vien', clinic: 'phong kham', pharmacy: 'nha thuoc', park: 'cong vien',
  apartment: 'can ho', flat: 'can ho', building: 'toa nha', house: 'nha', houses: 'nha', home: 'nha', canal: 'kenh',
  river: 'song', bridge: 'cau', corner: 'nga tu', intersection: 'nga tu', junction: 'nga tu', roundabout: 'vong xoay',
  'bus stop': 'tram xe buyt', neighbourhood: 'khu pho', neighborhood: 'khu pho', area: 'khu vuc', office: 'van phong',
  // Procedures and paperwork.
  'birth certificate': 'giay khai sinh', 'birth registration': 'dang ky khai sinh', birth: 'khai sinh', born: 'sinh',
  'death certificate': 'giay khai tu', 'death registration': 'dang ky khai tu', death: 'khai tu', died: 'qua doi',
  'passed away': 'qua doi', 'marriage certificate': 'giay ket hon', marriage: 'ket hon', marry: 'ket hon', married: 'ket hon',
  wedding: 'dam cuoi', 'certificate of no impediment': 'xac nhan tinh trang hon nhan', 'single status': 'tinh trang hon nhan',
  'marital status': 'tinh trang hon nhan', 'civil status': 'ho tich', extract: 'trich luc', 'certified copy': 'ban sao chung thuc',
  'certified copies': 'ban sao chung thuc', certify: 'chung thuc', certified: 'chung thuc', notarize: 'cong chung',
  notarized: 'cong chung', notary: 'cong chung', copy: 'ban sao', copies: 'ban sao', original: 'ban chinh',
  signature: 'chu ky', 'power of attorney': 'giay uy quyen', authorization: 'uy quyen', authorise: 'uy quyen',
  authorize: 'uy quyen', contract: 'hop dong', translation: 'ban dich', 'temporary residence card': 'the tam tru',
  'temporary residence': 'tam tru', 'permanent residence': 'thuong tru', residence: 'cu tru', 'household registration': 'ho khau',
  register: 'dang ky', registration: 'dang ky', registered: 'dang ky', declare: 'khai bao', declaration: 'khai bao',
  'land use right certificate': 'so hong', 'land title': 'so hong', 'pink book': 'so hong', 'red book': 'so do',
  land: 'dat', plot: 'thua dat', inheritance: 'thua ke', inherit: 'thua ke', 'transfer ownership': 'sang ten',
  'building permit': 'giay phep xay dung', 'construction permit': 'giay phep xay dung', renovate: 'sua nha',
  renovation: 'sua nha', 'household business': 'ho kinh doanh', 'business license': 'giay phep kinh doanh',
  'business licence': 'giay phep kinh doanh', 'business registration': 'dang ky kinh doanh', business: 'kinh doanh',
  'health insurance card': 'the bao hiem y te', 'health insurance': 'bao hiem y te', 'social insurance': 'bao hiem xa hoi',
  insurance: 'bao hiem', 'id card': 'can cuoc', 'identity card': 'can cuoc', 'citizen id': 'can cuoc', passport: 'ho chieu',
  visa: 'thi thuc', 'driving licence': 'bang lai xe', 'driving license': 'bang lai xe', 'driver s license': 'bang lai xe',
  'work permit': 'giay phep lao dong', documents: 'giay to', document: 'giay to', papers: 'giay to', paperwork: 'giay to',
  form: 'mau don', forms: 'mau don', application: 'ho so', file: 'ho so', submit: 'nop', submitted: 'da nop',
  'apply for': 'xin', apply: 'nop ho so', fee: 'le phi', fees: 'le phi', cost: 'chi phi', appointment: 'lich hen',
  'book an appointment': 'dat lich', result: 'ket qua', procedure: 'thu tuc', procedures: 'thu tuc', certificate: 'giay chung nhan',
  confirmation: 'xac nhan', confirm: 'xac nhan', requirements: 'dieu kien', required: 'bat buoc', eligible: 'du dieu kien',
  eligibility: 'dieu kien', allowed: 'duoc phep', permitted: 'duoc phep', permission: 'xin phep', permit: 'giay phep',
  licence: 'giay phep', license: 'giay phep', fine: 'phat', fined: 'bi phat', penalty: 'bi phat', 'opening hours': 'gio lam viec',
  'office hours': 'gio lam viec', 'working hours': 'gio lam viec', online: 'truc tuyen', website: 'trang web', app: 'ung dung',
  lost: 'bi mat', renew: 'gia han', extend: 'gia han', replace: 'cap lai', reissue: 'cap lai',
  // Questions.
  'how much': 'bao nhieu', 'how many': 'bao nhieu', 'how long': 'bao lau', how: 'nhu the nao', where: 'o dau',
  when: 'khi nao', what: 'gi', why: 'tai sao', 'is it possible': 'co duoc khong', 'do i need': 'co can', 'do we need': 'co can',
  'do i have to': 'co phai', 'do we have to': 'co phai', 'can i': 'co duoc', 'can we': 'co duoc', 'may i': 'co duoc',
  'is there': 'co', 'are there': 'co', 'can you': 'nho', 'could you': 'nho', 'would you': 'nho', can: 'co the',
  could: 'co the', may: 'co the', must: 'phai', 'have to': 'phai', 'has to': 'phai',
  'i would like': 'toi muon', 'we would like': 'chung toi muon', 'i d like': 'toi muon', 'i want': 'toi muon',
  'we want': 'chung toi muon', 'i need': 'toi can', 'we need': 'chung toi can', 'i have to': 'toi phai',
  'i plan': 'toi dinh', 'we plan': 'chung toi dinh',
  // Suggesting, complaining.
  suggestion: 'gop y', suggest: 'de xuat', propose: 'de xuat', proposal: 'de xuat', idea: 'y kien', recommend: 'de xuat',
  should: 'nen', 'it would be': 'se', better: 'tot hon', improve: 'cai thien', consider: 'xem xet', add: 'them', more: 'them',
  install: 'lap dat', provide: 'bo tri', draft: 'du thao', feedback: 'gop y', agree: 'dong y', 'i think': 'toi nghi',
  complain: 'phan anh', complaint: 'phan anh', report: 'phan anh', terrible: 'buc xuc', awful: 'buc xuc',
  unacceptable: 'buc xuc', 'not acceptable': 'buc xuc', still: 'van', never: 'khong bao gio', again: 'lai', waited: 'cho',
  waiting: 'cho', wait: 'cho', rude: 'thai do', bribe: 'tien boi duong', 'every day': 'ngay nao cung', 'every night': 'dem nao cung',
  'every weekend': 'cuoi tuan nao cung', always: 'thuong xuyen', often: 'thuong xuyen', weeks: 'may tuan', months: 'nhieu thang',
  broken: 'hu', damaged: 'hu hong', dangerous: 'nguy hiem', danger: 'nguy hiem', illegal: 'trai phep', illegally: 'trai phep',
  'without a permit': 'khong phep', 'without permission': 'khong phep', blocked: 'chan', blocking: 'chan ngang',
  overflowing: 'tran', leaking: 'ro ri', leak: 'ro ri', cracked: 'nut', cracks: 'vet nut', collapsed: 'bi sap',
  fell: 'do', fallen: 'do', trapped: 'mac ket', injured: 'bi thuong', accident: 'tai nan', fire: 'chay',
  electrocuted: 'bi dien giat', dumped: 'do', dumping: 'do', 'empty lot': 'dat trong', floor: 'tang', extra: 'them',
  stray: 'hoang', smelly: 'boc mui', unbearable: 'khong chiu noi', annoying: 'buc xuc', 'no response': 'chua tra loi',
  // City-issue topics.
  garbage: 'rac', trash: 'rac', rubbish: 'rac', waste: 'rac thai', litter: 'xa rac', burn: 'dot', burning: 'dot',
  smoke: 'khoi', dust: 'bui', pollution: 'o nhiem', smell: 'mui hoi', stink: 'boc mui', sewage: 'nuoc thai',
  wastewater: 'nuoc thai', rats: 'chuot', mosquitoes: 'muoi', dengue: 'sot xuat huyet', dog: 'cho', dogs: 'cho',
  'street light': 'den duong', 'street lights': 'den duong', streetlight: 'den duong', streetlights: 'den duong',
  'street lamp': 'den duong', lamp: 'den', lights: 'den', light: 'den', dark: 'toi om', tree: 'cay', trees: 'cay',
  branch: 'nhanh cay', branches: 'nhanh cay', prune: 'cat tia', trim: 'cat tia', flood: 'ngap', flooded: 'ngap',
  flooding: 'ngap', drain: 'cong', drains: 'cong', drainage: 'thoat nuoc', sewer: 'cong', manhole: 'nap cong', rain: 'mua',
  water: 'nuoc', tide: 'trieu cuong', noise: 'tieng on', noisy: 'on ao', loud: 'on ao', music: 'nhac', karaoke: 'karaoke',
  speakers: 'loa', party: 'tiec', vendors: 'hang rong', 'street vendors': 'hang rong', hawkers: 'hang rong',
  'food carts': 'xe ban hang', parking: 'dau xe', parked: 'dau xe', encroach: 'lan chiem', encroachment: 'lan chiem',
  banner: 'bang ron', banners: 'bang ron', advertising: 'quang cao', construction: 'xay dung', 'building site': 'cong trinh',
  'construction site': 'cong trinh', scaffolding: 'gian giao', build: 'xay', dispute: 'tranh chap', compensation: 'boi thuong',
  clearance: 'giai toa', planning: 'quy hoach', zoning: 'quy hoach', electricity: 'dien', power: 'dien',
  'power cut': 'cup dien', outage: 'cup dien', blackout: 'mat dien', 'water supply': 'nuoc may', 'tap water': 'nuoc may',
  bill: 'hoa don', 'power line': 'day dien', wire: 'day dien', wires: 'day dien', cable: 'day dien', meter: 'dong ho',
  tuition: 'hoc phi', kindergarten: 'mam non', medicine: 'thuoc', vaccine: 'vac xin', vaccination: 'tiem chung',
  disease: 'benh', 'food poisoning': 'ngo doc', theft: 'trom', stolen: 'bi mat trom', steal: 'trom', thief: 'ke trom',
  thieves: 'ke trom', robbery: 'cuop', robbed: 'bi cuop', snatched: 'cuop giat', 'broke into': 'dot nhap', burglary: 'trom',
  drugs: 'ma tuy', fight: 'danh nhau', fighting: 'danh nhau', scam: 'lua dao', fraud: 'lua dao', gang: 'con do',
  traffic: 'giao thong', 'traffic jam': 'ket xe', congestion: 'ket xe', pothole: 'o ga', potholes: 'o ga',
  'traffic light': 'den giao thong', 'pedestrian crossing': 'vach sang duong', speeding: 'chay qua toc do', truck: 'xe tai',
  trucks: 'xe tai', motorbike: 'xe may', motorbikes: 'xe may', motorcycle: 'xe may', car: 'o to', cars: 'o to', bus: 'xe buyt',
  // Advertising, offers, off-topic.
  sale: 'ban', discount: 'giam gia', promotion: 'khuyen mai', offer: 'khuyen mai', price: 'gia', prices: 'gia',
  cheap: 'gia re', catalogue: 'quang cao', catalog: 'quang cao', cooperate: 'hop tac', cooperation: 'hop tac',
  partnership: 'hop tac', 'contact us': 'lien he', contact: 'lien he', 'for rent': 'cho thue', rent: 'thue', renting: 'thue',
  loan: 'cho vay', hiring: 'tuyen dung', recruiting: 'tuyen dung', job: 'viec lam', survey: 'khao sat', company: 'cong ty',
  // Time.
  yesterday: 'hom qua', 'last night': 'toi qua', 'last week': 'tuan truoc', tonight: 'toi nay', today: 'hom nay',
  tomorrow: 'ngay mai', 'right now': 'ngay bay gio', now: 'bay gio', urgent: 'khan cap', urgently: 'gap',
  immediately: 'ngay lap tuc', weekend: 'cuoi tuan', night: 'ban dem', midnight: 'nua dem',
};

type Entry = { rest: string[]; out: string[] };
/** First word → phrases starting with it, longest first. */
const INDEX = new Map<string, Entry[]>();
for (const [phrase, out] of Object.entries(GLOSSARY)) {
  const [head = '', ...rest] = phrase.split(' ');
  const list = INDEX.get(head) ?? [];
  list.push({ rest, out: out.split(' ') });
  list.sort((a, b) => b.rest.length - a.rest.length);
  INDEX.set(head, list);
}

/**
 * Folded Vietnamese for English tokens: glossary phrases (longest match), "my X" / "our X" → "X tôi" /
 * "X chúng tôi", stopwords dropped, other words kept.
 */
export function translateEnglish(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let owner: string[] | null = null;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i] ?? '';
    if (t === 'my' || t === 'our') {
      owner = t === 'my' ? ['toi'] : ['chung', 'toi'];
      i++;
      continue;
    }
    let matched: Entry | undefined;
    for (const e of INDEX.get(t) ?? [])
      if (e.rest.every((w, j) => tokens[i + 1 + j] === w)) {
        matched = e;
        break;
      }
    if (matched) {
      out.push(...matched.out);
      i += 1 + matched.rest.length;
    } else {
      if (!STOPWORDS.has(t)) out.push(t);
      i++;
      if (STOPWORDS.has(t)) continue;
    }
    if (owner) {
      out.push(...owner);
      owner = null;
    }
  }
  return out;
}
