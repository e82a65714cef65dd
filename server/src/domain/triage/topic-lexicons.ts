/**
 * Topic lexicons for the category and procedure models: the everyday and administrative words (accent-folded) a
 * citizen uses for each city-issue category (`c:`) and each procedure (`p:`). General vocabulary, written from
 * knowledge of the subject and not from corpus sentences, so that an unseen message with a synonym still gets a
 * signal the few labelled examples per class cannot give. Overlaps between lists are expected: the models weigh
 * them. English messages reach these lists through english.ts.
 */
export const TOPICS: Record<string, readonly string[]> = {
  'c:moi_truong': [
    'rác', 'rac thai', 'bai rac', 'dong rac', 'thung rac', 'bo rac', 'vut rac', 'xa rac', 'do rac', 'dot rac', 'xe rac',
    'thu gom', 'mui hoi', 'hoi thoi', 'boc mui', 'thum', 'ruoi', 'chuot', 'o nhiem', 'khoi bui', 'bụi',
    'khoi den', 'nuoc thai', 'xa thai', 'chat thai', 'dau nhot', 'hoa chat', 'xac dong vat', 'con chet', 'kênh',
    'rach', 'muong', 've sinh', 'chan nuoi', 'nuoi heo', 'lo mo', 'moi truong', 'tro bui',
    'garbage', 'trash', 'smell', 'pollution',
  ],
  'c:chieu_sang': [
    'den duong', 'den chieu sang', 'chieu sang', 'bong den', 'tru den', 'cot den', 'toi om', 'toi thui', 'khong co den',
    'den hu', 'den tat', 'den chop', 'mat den', 'den cong vien', 'streetlight', 'street light',
  ],
  'c:cay_xanh': [
    'cây', 'cay xanh', 'nhanh cay', 'canh cay', 'goc cay', 're cay', 'tan cay', 'than cay', 'la cay', 'cat tia', 'chat cay',
    'don cay', 'do cay', 'cua cay', 'trong cay', 'bong mat', 'cay co thu', 'cay muc', 'cay nga', 'cay do', 'gay nhanh',
    'rụng', 'tree', 'trees',
  ],
  'c:ngap_nuoc': [
    'ngập', 'ngap nuoc', 'ngap sau', 'nuoc ngap', 'trieu cuong', 'nap cong', 'mieng cong', 'ho ga', 'thoat nuoc',
    'nuoc dong', 'ut dong', 'mua lon', 'nghẹt', 'cong nghet', 'nao vet', 'nuoc tran', 'nuoc cong', 'bom nuoc',
    'de bao', 'bo bao', 'flood', 'flooding', 'drain',
  ],
  'c:tieng_on': [
    'on ao', 'tieng on', 'om som', 'am i', 'am am', 'inh oi', 'karaoke', 'hát', 'loa', 'loa keo', 'loa thung', 'nhac',
    'mo nhac', 'tieng may', 'tiếng', 'may khoan', 'ngủ', 'mat ngu', 'khong ngu', 'thuc giac',
    'danh thuc', 'nua dem', 'khuya', 'ban dem', 'dem khuya', 'gio nghi', 'tiệc', 'la het', 'no po', 'po xe', 'bop coi',
    'noise', 'noisy', 'loud',
  ],
  'c:trat_tu_do_thi': [
    'lan chiem', 'chiem dung', 'chiếm', 'via he', 'le duong', 'long duong', 'hang rong', 'bay ban', 'buon ban', 'ban hang',
    'xe day', 'ganh hang', 'dung leu', 'lều', 'mai che', 'bang ron', 'quang cao', 'to roi', 'bien hieu', 'dau xe',
    'do xe', 'giu xe', 'bai giu xe', 'chan loi', 'loi di', 'cho tu phat', 'cho chom hom', 'trat tu', 'my quan',
    'sidewalk', 'vendors',
  ],
  'c:xay_dung': [
    'xay dung', 'cong trinh', 'xây', 'xay trai phep', 'sai phep', 'khong phep', 'co noi', 'coi noi', 'noi rong', 'gian giao',
    'vat lieu', 'cat da', 'xa ban', 'nut tuong', 'nứt', 'lún', 'dap nha', 'pha do', 'sua nha', 'do be tong', 'be tong',
    'chu dau tu', 'nha thau', 'thi cong', 'chung cu mini', 'che chan', 'construction', 'building',
  ],
  'c:dat_dai': [
    'đất', 'lan dat', 'chiem dat', 'tranh chap', 'ranh dat', 'ranh gioi', 'thua dat', 'so do', 'so hong', 'quy hoach',
    'boi thuong', 'den bu', 'giai toa', 'thu hoi dat', 'dat cong', 'phan lo', 'ban nen', 'san lap', 'du an', 'tai dinh cu',
    'mat bang', 'land',
  ],
  'c:dien_nuoc': [
    'điện', 'cup dien', 'mat dien', 'dien yeu', 'tien dien', 'hoa don', 'dien luc', 'tram bien ap', 'bien ap', 'tu dien',
    'cong to', 'nuoc may', 'mat nuoc', 'cup nuoc', 'nuoc yeu', 'nuoc duc', 'tien nuoc', 'ong nuoc', 'vo ong', 'ro ri',
    'day dien', 'dong ho', 'cap nuoc', 'nuoc sach', 'gieng', 'phen', 'khoi nuoc', 'so dien', 'electricity', 'water supply',
    'power cut', 'outage',
  ],
  'c:giao_duc': [
    'trường', 'truong hoc', 'hoc sinh', 'giao vien', 'co giao', 'thay giao', 'chu nhiem', 'lớp', 'lop hoc', 'hoc phi', 'mam non',
    'nhom tre', 'tieu hoc', 'thcs', 'thpt', 'day them', 'hoc them', 'phu huynh', 'tuyen sinh', 'điểm', 'sach giao khoa',
    'ban tru', 'dua ruoc', 'trung tam', 'ngoai ngu', 'tu thuc', 'học', 'school', 'teacher',
  ],
  'c:y_te': [
    'thuốc', 'nha thuoc', 'benh vien', 'tram y te', 'y te', 'phong kham', 'bac si', 'tiêm', 'vac xin', 'tiem chung', 
    'o dich', 'sot xuat huyet', 'tay chan mieng', 'cúm', 'ngo doc', 'thuc pham', 'an toan thuc pham', 'bệnh', 'kham benh',
    'khám', 'phun thuoc', 'lang quang', 'chua benh', 'clinic', 'hospital', 'medicine',
  ],
  'c:an_ninh': [
    'trộm', 'cướp', 'cuop giat', 'mat trom', 'ke gian', 'be khoa', 'dot nhap', 'ma tuy', 'chich hut', 'danh nhau', 'danh bac',
    'lo de', 'ca do', 'da ga', 'lua dao', 'gia danh', 'doi no', 'tin dung den', 'con do', 'giang ho', 'bao ke', 'tu tap',
    'dua xe', 'bao luc', 'cong an', 'an ninh', 'nghien', 'say xin', 'quay roi', 'chan dat', 'an xin', 'lang thang', 'dao',
    'hung khi', 'theft', 'stolen', 'police', 'scam',
  ],
  'c:can_bo': [
    'can bo', 'nhan vien', 'thai do', 'hach dich', 'hach sach', 'nhung nhieu', 'coc loc', 'quat nat', 'tre hen', 'qua han',
    'tiep dan', 'mot cua', 'boi doi', 'boi duong', 'phí', 'hen lan hen lua', 'dun day', 'nghe may', 'duong day nong', 'tong dai',
    'tra loi', 'vo trach nhiem', 'giai quyet', 'chậm', 'bao ve', 'tiep nhan', 'ho so', 'lam viec', 'officer', 'staff', 'rude',
  ],
  'c:giao_thong': [
    'ket xe', 'ket cung', 'un tac', 'o ga', 'o voi', 'den giao thong', 'den tin hieu', 'giao thong', 'xe tai', 'xe ben',
    'xe container', 'container', 'toc do', 'chay nhanh', 'duong xa', 'vach ke', 'bien bao', 'nga tu', 'nga ba', 'vong xoay',
    'cau bo hanh', 'lan duong', 'nguoc chieu', 'mot chieu', 'xe buyt', 'csgt', 'mat duong', 'lo coc', 'va cham',
    'phan cach', 'dao duong', 'hoan tra', 'xe', 'traffic', 'pothole',
  ],
  'p:khai_sinh': ['khai sinh', 'giay khai sinh', 'moi sinh', 'em be', 'chung sinh', 'giay chung sinh', 'sinh con', 'birth'],
  'p:khai_tu': [ 'khai tu', 'bao tu', 'giay bao tu', 'qua doi', 'death'],
  'p:ket_hon': [ 'ket hon', 'dang ky ket hon', 'marriage', 'marry'],
  'p:xac_nhan_tinh_trang_hon_nhan': ['tinh trang hon nhan', 'doc than', 'xac nhan doc than', 'single status'],
  'p:trich_luc_ho_tich': ['trich luc', 'ban sao khai sinh', 'ban sao giay khai sinh', 'ho tich'],
  'p:chung_thuc_ban_sao': ['sao y', 'chung thuc ban sao', 'ban sao', 'ban chinh', 'photo', 'certified copy', 'certified copies'],
  'p:chung_thuc_chu_ky': ['chung thuc chu ky', 'chu ky', 'uy quyen', 'hop dong', 'ban dich', 'signature'],
  'p:cu_tru': ['tam tru', 'thuong tru', 'cu tru', 'ho khau', 'luu tru', 'tam vang', 'nhap khau', 'tach ho', 'chu ho', 'residence'],
  'p:dat_dai_so_do': ['so do', 'so hong', 'sang ten', 'tach thua', 'quyen su dung dat', 'chuyen nhuong', 'thua ke', 'the chap', 'land title'],
  'p:giay_phep_xay_dung': ['giay phep xay dung', 'xin phep xay', 'cap phep xay dung', 'sua nha', 'xay nha', 'xay moi', 'ban ve', 'building permit'],
  'p:ho_kinh_doanh': ['ho kinh doanh', 'dang ky kinh doanh', 'giay phep kinh doanh', 'kinh doanh', 'mo quan', 'mo tiem', 'buon ban', 'business'],
  'p:bhyt': ['bao hiem y te', 'the bao hiem', 'bao hiem', 'health insurance'],
};
