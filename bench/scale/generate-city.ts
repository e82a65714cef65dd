/**
 * Fills a migrated PostgreSQL database with a city's history: the real 168 wards and 17 departments (seedCity),
 * their staff, citizens with channel identities, `cases` cases over two years (about 5 % still open), about five
 * messages and five timeline events per case, and the clock pauses of cases waiting on the citizen. Set-based
 * (INSERT … SELECT generate_series, one statement per chunk of cases) into the real schema with every constraint
 * and trigger in place, except that the plain secondary indexes and the foreign keys of the loaded tables are
 * dropped during the load and recreated from their own definitions afterwards (the usual bulk-load order; re-adding a
 * foreign key checks every row, so the data satisfies them all at the end).
 *
 * Distributions (all reproducible: setseed):
 * - unit: wards 91 % weighted by a stable pseudo-population (0.3–1.7), departments 8 %, the city 1 % (triage queue);
 * - age: density rising linearly towards now over two years (the city grows);
 * - type: phản ánh 55 %, thủ tục 20 %, hỏi đáp 12 %, góp ý 6 %, khiếu nại 4 %, tố cáo 1 %, khác 2 %; phản ánh
 *   categories and procedures as in reference-data/deadlines; due time = the rule's working days as calendar days × 7/5;
 * - handling: 85 % finished within the deadline (30–100 % of it), 15 % late by up to 10 days; a case is open when
 *   its finish lies after now, and 12 % of the cases of the last 90 days are a backlog still open;
 * - open: new 15 %, assigned 35 %, in progress 40 %, waiting for the citizen 10 % (clock paused, pause recorded);
 *   finished: resolved 30 %, closed 62 %, rejected 8 %;
 * - the deadline sweep has run up to 10 minutes before `now` (markers and escalation levels set accordingly);
 * - messages: 2 + ⌊Exp(3.5)⌋ per case (mean ≈ 5): the citizen's message, the acknowledgement, then citizen
 *   follow-ups and officers' replies spread until the case was finished;
 * - events: opened, message received, acknowledgement sent, assigned (when assigned), final status (when finished).
 */
import pg from 'pg';

export type GenerateOptions = { cases: number; now: Date; chunk?: number; log?: (line: string) => void };
export type GenerateResult = {
  units: number;
  staff: number;
  citizens: number;
  identities: number;
  cases: number;
  openCases: number;
  messages: number;
  events: number;
  /** indexes: recreating the secondary indexes and re-adding (checking) the foreign keys. */
  seconds: { staffAndCitizens: number; cases: number; indexes: number; vacuumAnalyze: number; total: number };
};

const BIG_TABLES = ['cases', 'messages', 'case_events', 'citizens', 'citizen_identities', 'case_clock_pauses'];

// Stable pseudo-random number in [0, 1) from a text (md5), for per-unit weights.
const stable = (s: string) => {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h / 2 ** 32;
};

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Khoa',
  'Lan',
  'Linh',
  'Mai',
  'Minh',
  'Nam',
  'Ngọc',
  'Phúc',
  'Quân',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Hoàng', 'Thu'];
const STREETS = [
  'Lê Lợi',
  'Nguyễn Huệ',
  'Hai Bà Trưng',
  'Pasteur',
  'Điện Biên Phủ',
  'Cách Mạng Tháng Tám',
  'Nguyễn Thị Minh Khai',
  'Võ Văn Tần',
  'Lý Thường Kiệt',
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
  'Phạm Văn Đồng',
  'Quang Trung',
  'Lê Văn Việt',
  'Kha Vạn Cân',
  'Huỳnh Tấn Phát',
  'Nguyễn Văn Linh',
  'Âu Cơ',
  'Lũy Bán Bích',
  'Tô Ký',
];
// [category, text] for phản ánh; the category's rule is phan-anh-<category>.
const ISSUES: [string, string][] = [
  ['mat_duong', 'Mặt đường bị sụt lún, có ổ gà lớn gây nguy hiểm cho xe máy'],
  ['thoat_nuoc', 'Nắp cống bị vỡ, nước thải tràn lên mặt đường sau mỗi cơn mưa'],
  ['chieu_sang', 'Đèn đường bị hỏng mấy hôm nay, buổi tối rất tối và nguy hiểm'],
  ['cay_xanh', 'Cây xanh nghiêng sắp đổ, cành khô có thể gãy rơi xuống người đi đường'],
  ['cap_nuoc', 'Mất nước sinh hoạt từ sáng, nước yếu và có mùi lạ'],
  ['dien', 'Dây điện chùng thấp, tủ điện không có nắp che'],
  ['vien_thong', 'Cáp viễn thông rối và rơi xuống vỉa hè'],
  ['rac_thai', 'Rác thải tập kết sai nơi quy định, bốc mùi hôi'],
  ['trat_tu_do_thi', 'Lấn chiếm vỉa hè buôn bán, người đi bộ phải đi xuống lòng đường'],
  ['tieng_on', 'Quán karaoke hát ồn ào sau 22 giờ, ảnh hưởng người dân xung quanh'],
];
const PROCEDURES = [
  '1.001193',
  '1.000894',
  '1.000656',
  '2.000635',
  '1.004873',
  '2.000815',
  '2.000884',
  '2.001035',
  '2.000913',
  '1.001022',
];
const QUESTIONS = [
  'Cho tôi hỏi thủ tục đăng ký tạm trú cần giấy tờ gì',
  'Xin hỏi giờ làm việc của bộ phận một cửa ngày thứ bảy',
  'Tôi muốn hỏi về hồ sơ xin giấy phép sửa chữa nhà',
];
const SUGGESTIONS = [
  'Đề nghị bố trí thêm thùng rác công cộng',
  'Góp ý nên kéo dài giờ tiếp dân buổi chiều',
  'Đề nghị lắp đèn tín hiệu giao thông tại ngã tư',
];
const COMPLAINTS = [
  'Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng',
  'Khiếu nại việc chậm giải quyết hồ sơ đất đai',
  'Tố cáo hành vi xây dựng không phép trong hẻm',
];

const lit = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(',')}]::text[]`;

/** Fills the database at `url` (migrated and seeded with the city). Returns counts and timings. */
export async function generateCity(url: string, o: GenerateOptions): Promise<GenerateResult> {
  const log = o.log ?? (() => undefined);
  const chunk = o.chunk ?? 100_000;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  const lap = (() => {
    let t = performance.now();
    return () => {
      const n = performance.now();
      const s = (n - t) / 1000;
      t = n;
      return s;
    };
  })();
  try {
    await c.query("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET work_mem = '64MB'");
    await c.query('SELECT setseed(0.42)');
    const units = (await c.query<{ id: string; code: string; kind: string }>('SELECT id, code, kind FROM units ORDER BY code'))
      .rows;
    if (units.length < 100) throw new Error('seed the city first (prepareDatabase)');

    // Staff: per unit a head and 3–8 officers by size; at the city 3 administrators and 2 triage operators.
    type Slot = { unitId: string; n: number };
    const weights = units.map((u) => ({
      u,
      w: u.kind === 'city' ? 0 : u.kind === 'department' ? 1 : 0.3 + 1.4 * stable(u.code),
    }));
    const wardTotal = weights.filter((x) => x.u.kind !== 'city' && x.u.kind !== 'department').reduce((s, x) => s + x.w, 0);
    const deptTotal = weights.filter((x) => x.u.kind === 'department').reduce((s, x) => s + x.w, 0);
    const staff: { email: string; name: string; role: string; unitId: string }[] = [];
    const officers = new Map<string, number>();
    for (const { u, w } of weights) {
      if (u.kind === 'city') {
        for (let i = 0; i < 3; i++)
          staff.push({ email: `admin${i}.${u.code}@bench`, name: `Quản trị ${i}`, role: 'city_admin', unitId: u.id });
        for (let i = 0; i < 2; i++)
          staff.push({ email: `triage${i}.${u.code}@bench`, name: `Phân loại ${i}`, role: 'triage_operator', unitId: u.id });
        officers.set(u.id, 0);
        continue;
      }
      const n = Math.max(3, Math.round(w * 5));
      staff.push({ email: `head.${u.code}@bench`, name: `Trưởng ${u.code}`, role: 'unit_admin', unitId: u.id });
      for (let i = 0; i < n; i++)
        staff.push({
          email: `officer${i}.${u.code}@bench`,
          name: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
          role: 'officer',
          unitId: u.id,
        });
      officers.set(u.id, n);
    }
    await c.query(
      `INSERT INTO staff_users (email, name, role, unit_id, password_hash, created_at)
       SELECT e, n, r, u::uuid, 'bench-no-login', $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(e, n, r, u)`,
      [
        staff.map((s) => s.email),
        staff.map((s) => s.name),
        staff.map((s) => s.role),
        staff.map((s) => s.unitId),
        new Date(o.now.getTime() - 800 * 86_400_000),
      ],
    );
    // 1,000 slots shared out by weight: a case draws a slot, a slot names a unit and its officer count.
    const slots: Slot[] = [];
    const city = units.find((u) => u.kind === 'city')!;
    for (let i = 0; i < 10; i++) slots.push({ unitId: city.id, n: 0 });
    const share = (list: typeof weights, total: number, count: number) => {
      let acc = 0;
      let given = 0;
      for (const { u, w } of list) {
        acc += (w / total) * count;
        const upto = Math.round(acc);
        for (; given < upto; given++) slots.push({ unitId: u.id, n: officers.get(u.id)! });
      }
    };
    share(
      weights.filter((x) => x.u.kind === 'department'),
      deptTotal,
      80,
    );
    share(
      weights.filter((x) => x.u.kind !== 'city' && x.u.kind !== 'department'),
      wardTotal,
      910,
    );
    await c.query(
      'CREATE TEMP TABLE bench_slots (slot int PRIMARY KEY, unit_id uuid NOT NULL, unit_code text NOT NULL, officers int NOT NULL, is_city boolean NOT NULL)',
    );
    await c.query(
      `INSERT INTO bench_slots SELECT s - 1, u.id, u.code, t.n, u.kind = 'city' FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS t(unit_id, n, s) JOIN units u ON u.id = t.unit_id`,
      [slots.map((s) => s.unitId), slots.map((s) => s.n)],
    );
    await c.query(`CREATE TEMP TABLE bench_officers AS
      SELECT unit_id, (row_number() OVER (PARTITION BY unit_id ORDER BY email) - 1)::int AS k, id AS staff_id
        FROM staff_users WHERE role = 'officer'`);
    await c.query('CREATE UNIQUE INDEX ON bench_officers (unit_id, k)');
    await c.query('ANALYZE bench_slots; ANALYZE bench_officers');

    // Secondary indexes of the big tables: dropped for the load, recreated from their definitions afterwards.
    const indexes = (
      await c.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
          WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
        [BIG_TABLES],
      )
    ).rows;
    for (const ix of indexes) await c.query(`DROP INDEX ${ix.name}`);
    // Foreign keys of the loaded tables likewise: re-adding one checks every row in one join instead of one
    // lookup per inserted row (tens of millions), and refuses the load if any row breaks it.
    const foreignKeys = (
      await c.query<{ table: string; name: string; def: string }>(
        `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
          WHERE contype = 'f' AND conrelid::regclass::text = ANY($1)`,
        [BIG_TABLES],
      )
    ).rows;
    for (const fk of foreignKeys) await c.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);

    // Citizens (55 % of the cases: people write more than once) and identities (one per citizen, a second
    // channel for one in five). Identity j's channel and citizen follow from j, so cases need no lookup.
    const citizens = Math.max(1, Math.round(o.cases * 0.55));
    const identities = citizens + Math.round(citizens * 0.2);
    await c.query(`CREATE FUNCTION pg_temp.ident_channel(j bigint, nc bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN j > nc THEN (ARRAY['zalo','facebook','portal','zalo','facebook'])[(j % 5) + 1]
                  ELSE CASE WHEN (j * 7919) % 100 < 40 THEN 'zalo' WHEN (j * 7919) % 100 < 65 THEN 'facebook'
                            WHEN (j * 7919) % 100 < 90 THEN 'portal' ELSE 'phone' END END $$`);
    await c.query(
      `CREATE FUNCTION pg_temp.bid(kind text, j bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT md5(kind || ':' || j)::uuid $$`,
    );
    await c.query(
      `INSERT INTO citizens (id, display_name, phone, email, created_at)
       SELECT pg_temp.bid('citizen', j),
              f[1 + j % array_length(f, 1)] || ' ' || m[1 + (j / 7) % array_length(m, 1)] || ' ' || gv[1 + (j / 3) % array_length(gv, 1)],
              CASE WHEN j % 10 < 7 THEN '09' || lpad(((j * 104729) % 100000000)::text, 8, '0') END,
              CASE WHEN j % 10 = 0 THEN 'nguoidan' || j || '@example.vn' END,
              $2::timestamptz - (730 * (1 - sqrt(random()))) * interval '1 day'
         FROM generate_series(1, $1::bigint) j, (SELECT ${lit(FAMILY)} f, ${lit(MIDDLE)} m, ${lit(GIVEN)} gv) n`,
      [citizens, o.now],
    );
    await c.query(
      `INSERT INTO citizen_identities (id, citizen_id, channel, channel_account, external_id, display_name, created_at)
       SELECT pg_temp.bid('identity', j), pg_temp.bid('citizen', CASE WHEN j > $2 THEN j - $2 ELSE j END), ch,
              CASE ch WHEN 'zalo' THEN 'bench-oa' WHEN 'facebook' THEN 'bench-page' ELSE '' END,
              CASE ch WHEN 'zalo' THEN (4000000000000000000 + j * 7)::text WHEN 'facebook' THEN (9000000000000000 + j * 13)::text
                      WHEN 'phone' THEN '09' || lpad(((j * 104729) % 100000000)::text, 8, '0') ELSE 'portal-' || j END,
              NULL, ci.created_at
         FROM generate_series(1, $1::bigint) j
         CROSS JOIN LATERAL (SELECT pg_temp.ident_channel(j, $2) AS ch) x
         JOIN citizens ci ON ci.id = pg_temp.bid('citizen', CASE WHEN j > $2 THEN j - $2 ELSE j END)`,
      [identities, citizens],
    );
    const sStaff = lap();
    log(`staff ${staff.length}, citizens ${citizens}, identities ${identities}: ${sStaff.toFixed(1)} s`);

    // Tracking codes: g scrambled by an odd multiplier mod 2^40 (a bijection), in Crockford base32 — distinct.
    await c.query(`CREATE FUNCTION pg_temp.code(g bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT 'GD-' || substr(a, (x >> 35 & 31)::int + 1, 1) || substr(a, (x >> 30 & 31)::int + 1, 1) || substr(a, (x >> 25 & 31)::int + 1, 1) || substr(a, (x >> 20 & 31)::int + 1, 1)
             || '-' || substr(a, (x >> 15 & 31)::int + 1, 1) || substr(a, (x >> 10 & 31)::int + 1, 1) || substr(a, (x >> 5 & 31)::int + 1, 1) || substr(a, (x & 31)::int + 1, 1)
        FROM (SELECT (g * 611953 + 123456789) % 1099511627776 AS x, '0123456789ABCDEFGHJKMNPQRSTVWXYZ'::text AS a) s $$`);

    const chunkSql = `
      WITH r AS MATERIALIZED (
        SELECT g, random() AS r_age, random() AS r_type, random() AS r_cat, random() AS r_unit, random() AS r_open, random() AS r_st,
               random() AS r_late, random() AS r_dur, random() AS r_msgs, random() AS r_ident, random() AS r_off, random() AS r_loc, random() AS r_urg
          FROM generate_series($1::bigint, $2::bigint) g
      ), a AS MATERIALIZED (
        SELECT r.*, s.unit_id, s.unit_code, s.officers, s.is_city,
               $3::timestamptz - (730 * (1 - sqrt(r.r_age))) * interval '1 day' AS created_at,
               CASE WHEN r.r_type < 0.55 THEN 'phan_anh' WHEN r.r_type < 0.75 THEN 'thu_tuc' WHEN r.r_type < 0.87 THEN 'hoi_dap'
                    WHEN r.r_type < 0.93 THEN 'gop_y' WHEN r.r_type < 0.97 THEN 'khieu_nai' WHEN r.r_type < 0.98 THEN 'to_cao' ELSE 'khac' END AS type,
               1 + floor(power(r.r_ident, 1.5) * $4)::bigint AS ident
          FROM r JOIN bench_slots s ON s.slot = floor(r.r_unit * 1000)::int
      ), b AS MATERIALIZED (
        SELECT a.*,
               CASE WHEN a.type = 'phan_anh' THEN (${lit(ISSUES.map((i) => i[0]))})[1 + floor(a.r_cat * ${ISSUES.length})::int] END AS category,
               CASE WHEN a.type = 'thu_tuc' THEN (${lit(PROCEDURES)})[1 + floor(a.r_cat * ${PROCEDURES.length})::int] END AS procedure_code,
               CASE a.type WHEN 'phan_anh' THEN 5 WHEN 'thu_tuc' THEN 3 + floor(a.r_cat * 13)::int WHEN 'hoi_dap' THEN 10 WHEN 'gop_y' THEN 10
                           WHEN 'khieu_nai' THEN 30 WHEN 'to_cao' THEN 30 ELSE 10 END * 1.4 AS due_days,
               pg_temp.ident_channel(a.ident, $5) AS channel
          FROM a
      ), d AS MATERIALIZED (
        SELECT b.*,
               b.created_at + b.due_days * interval '1 day' AS due_at,
               CASE WHEN b.r_late >= 0.15 THEN b.created_at + b.due_days * (0.3 + 0.7 * b.r_dur) * interval '1 day'
                    ELSE b.created_at + (b.due_days + 10 * b.r_dur) * interval '1 day' END AS finish
          FROM b
      ), e AS MATERIALIZED (
        SELECT d.*,
               (d.finish > $3::timestamptz OR (d.created_at > $3::timestamptz - interval '90 days' AND d.r_open < 0.12)) AS is_open
          FROM d
      ), f AS MATERIALIZED (
        SELECT e.*,
               CASE WHEN e.is_open THEN CASE WHEN e.r_st < 0.15 THEN 'new' WHEN e.r_st < 0.5 THEN 'assigned' WHEN e.r_st < 0.9 THEN 'in_progress' ELSE 'waiting_citizen' END
                    ELSE CASE WHEN e.r_st < 0.3 THEN 'resolved' WHEN e.r_st < 0.92 THEN 'closed' ELSE 'rejected' END END AS status,
               CASE WHEN e.is_open THEN NULL ELSE e.finish END AS finished_at,
               $3::timestamptz - interval '10 minutes' AS marked_until
          FROM e
      ), cs AS (
        INSERT INTO cases (tracking_code, type, status, unit_id, citizen_id, identity_id, channel, intake_method, description, description_folded,
                           category, procedure_code, location_lat, location_lng, assignee_id, created_at, updated_at, first_response_at,
                           resolved_at, closed_at, last_citizen_message_at, is_urgent, needs_triage,
                           deadline_rule, clock_started_at, due_at, due_soon_at, escalate_parent_at, escalate_city_at, clock_paused_at,
                           due_soon_notified_at, overdue_notified_at, escalation_level)
        SELECT pg_temp.code(f.g), f.type, f.status, f.unit_id,
               pg_temp.bid('citizen', CASE WHEN f.ident > $5 THEN f.ident - $5 ELSE f.ident END), pg_temp.bid('identity', f.ident),
               f.channel, CASE f.channel WHEN 'zalo' THEN 'channel' WHEN 'facebook' THEN 'channel' WHEN 'portal' THEN 'portal'
                                         ELSE CASE WHEN f.g % 4 = 0 THEN 'counter' ELSE 'phone' END END,
               t.text, f_unaccent(lower(t.text)), f.category, f.procedure_code,
               CASE WHEN f.r_loc < 0.5 THEN 10.70 + f.r_loc * 0.30 END, CASE WHEN f.r_loc < 0.5 THEN 106.60 + ((f.g * 37) % 1000) * 0.0003 END,
               CASE WHEN f.status = 'new' OR f.officers = 0 THEN NULL ELSE o.staff_id END,
               f.created_at, coalesce(f.finished_at, least($3::timestamptz, f.created_at + interval '1 day')),
               CASE WHEN f.status <> 'new' THEN f.created_at + f.r_dur * interval '2 hours' END,
               CASE WHEN f.status IN ('resolved', 'closed') THEN f.finished_at END,
               CASE WHEN f.status = 'closed' THEN least($3::timestamptz, f.finished_at + interval '2 days') WHEN f.status = 'rejected' THEN f.finished_at END,
               f.created_at, f.r_urg < 0.03, f.is_city AND f.status = 'new',
               CASE WHEN f.type = 'phan_anh' THEN 'phan-anh-' || replace(f.category, '_', '-') WHEN f.type = 'thu_tuc' THEN 'thu-tuc-' || f.procedure_code
                    WHEN f.type IN ('hoi_dap', 'khieu_nai', 'to_cao') THEN replace(f.type, '_', '-') ELSE 'default' END,
               f.created_at, f.due_at, f.due_at - interval '1 day', f.due_at + interval '2 days', f.due_at + interval '7 days',
               CASE WHEN f.status = 'waiting_citizen' THEN greatest(f.created_at, $3::timestamptz - f.r_dur * interval '3 days') END,
               CASE WHEN f.due_at - interval '1 day' <= least(f.marked_until, coalesce(f.finished_at, 'infinity')) THEN f.due_at - interval '1 day' END,
               CASE WHEN f.due_at <= least(f.marked_until, coalesce(f.finished_at, 'infinity')) THEN f.due_at END,
               CASE WHEN f.due_at + interval '7 days' <= least(f.marked_until, coalesce(f.finished_at, 'infinity')) THEN 3
                    WHEN f.due_at + interval '2 days' <= least(f.marked_until, coalesce(f.finished_at, 'infinity')) THEN 2
                    WHEN f.due_at <= least(f.marked_until, coalesce(f.finished_at, 'infinity')) THEN 1 ELSE 0 END
          FROM f
          LEFT JOIN bench_officers o ON o.unit_id = f.unit_id AND o.k = floor(f.r_off * greatest(f.officers, 1))::int
          CROSS JOIN LATERAL (SELECT CASE f.type
                 WHEN 'phan_anh' THEN (${lit(ISSUES.map((i) => i[1]))})[1 + floor(f.r_cat * ${ISSUES.length})::int]
                 WHEN 'thu_tuc' THEN 'Nộp hồ sơ thủ tục ' || f.procedure_code || ', xin hẹn ngày trả kết quả'
                 WHEN 'hoi_dap' THEN (${lit(QUESTIONS)})[1 + f.g % ${QUESTIONS.length}]
                 WHEN 'gop_y' THEN (${lit(SUGGESTIONS)})[1 + f.g % ${SUGGESTIONS.length}]
                 WHEN 'khieu_nai' THEN (${lit(COMPLAINTS)})[1 + f.g % 2]
                 WHEN 'to_cao' THEN (${lit(COMPLAINTS)})[3]
                 ELSE 'Ý kiến khác gửi Ủy ban' END
               || ' (số ' || (1 + f.g % 299) || ' đường ' || (${lit(STREETS)})[1 + (f.g / 7) % ${STREETS.length}] || ')' AS text) t
        RETURNING id, status, channel, identity_id, assignee_id, created_at, coalesce(resolved_at, closed_at) AS finished_at, closed_at, resolved_at,
                  clock_paused_at, unit_id, tracking_code, citizen_id
      ), k AS MATERIALIZED (
        SELECT cs.*, 2 + least(38, floor(-ln(1 - random()) * 3.5))::int AS n FROM cs
      ), ms AS (
        INSERT INTO messages (id, case_id, direction, channel, identity_id, author_staff_id, kind, body, provider_message_id, created_at)
        SELECT md5(k.id::text || ':' || i)::uuid, k.id,
               CASE WHEN i = 2 OR (i > 2 AND i % 2 = 0 AND k.assignee_id IS NOT NULL) THEN 'out' ELSE 'in' END,
               k.channel, k.identity_id,
               CASE WHEN i > 2 AND i % 2 = 0 AND k.assignee_id IS NOT NULL THEN k.assignee_id END,
               CASE WHEN i = 2 THEN 'acknowledgement' WHEN i > 2 AND i % 2 = 0 AND k.assignee_id IS NOT NULL THEN 'reply' ELSE 'citizen' END,
               CASE WHEN i = 1 THEN 'Nội dung phản ánh ban đầu' WHEN i = 2 THEN 'Ủy ban đã tiếp nhận, mã hồ sơ ' || k.tracking_code
                    WHEN i % 2 = 0 AND k.assignee_id IS NOT NULL THEN 'Cán bộ đã kiểm tra và đang xử lý, sẽ phản hồi sớm.'
                    ELSE 'Cho tôi hỏi tiến độ xử lý đến đâu rồi ạ?' END,
               CASE WHEN k.channel IN ('zalo', 'facebook') AND (i = 1 OR NOT (i % 2 = 0 AND k.assignee_id IS NOT NULL)) THEN 'bench-' || k.id || '-' || i END,
               CASE WHEN i = 1 THEN k.created_at WHEN i = 2 THEN k.created_at + interval '2 seconds'
                    ELSE k.created_at + (i - 2)::double precision / (k.n - 1) * (coalesce(k.finished_at, $3::timestamptz) - k.created_at) END
          FROM k CROSS JOIN LATERAL generate_series(1, k.n) i
        RETURNING 1
      ), ev AS (
        INSERT INTO case_events (case_id, kind, actor_type, actor_id, message_id, visibility, data, created_at)
        SELECT k.id, v.kind, v.actor_type, v.actor_id, v.message_id, v.visibility, v.data, v.at
          FROM k CROSS JOIN LATERAL (VALUES
            (1, 'case.opened', 'citizen', k.citizen_id, NULL::uuid, 'public', jsonb_build_object('intakeMethod', 'channel'), k.created_at),
            (2, 'message.received', 'citizen', k.citizen_id, md5(k.id::text || ':1')::uuid, 'public', '{}'::jsonb, k.created_at),
            (3, 'message.sent', 'system', NULL::uuid, md5(k.id::text || ':2')::uuid, 'public', '{}'::jsonb, k.created_at + interval '2 seconds'),
            (4, 'case.assigned', 'staff', k.assignee_id, NULL::uuid, 'internal', jsonb_build_object('assigneeId', k.assignee_id), k.created_at + interval '1 hour'),
            (5, 'status.changed', 'staff', k.assignee_id, NULL::uuid, 'public', jsonb_build_object('from', 'in_progress', 'to', k.status), coalesce(k.closed_at, k.resolved_at, k.finished_at))
          ) AS v(ord, kind, actor_type, actor_id, message_id, visibility, data, at)
         WHERE (v.ord <= 3) OR (v.ord = 4 AND k.assignee_id IS NOT NULL) OR (v.ord = 5 AND k.finished_at IS NOT NULL)
         ORDER BY k.id, v.ord
        RETURNING 1
      ), pz AS (
        INSERT INTO case_clock_pauses (case_id, paused_at, reason, paused_by)
        SELECT k.id, k.clock_paused_at, 'Chờ công dân bổ sung hồ sơ', k.assignee_id FROM k WHERE k.clock_paused_at IS NOT NULL
        RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM cs) AS cases, (SELECT count(*)::int FROM cs WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_citizen')) AS open,
             (SELECT count(*)::int FROM ms) AS messages, (SELECT count(*)::int FROM ev) AS events`;

    let open = 0;
    let messages = 0;
    let events = 0;
    let made = 0;
    for (let lo = 1; lo <= o.cases; lo += chunk) {
      const hi = Math.min(o.cases, lo + chunk - 1);
      const r = (
        await c.query<{ cases: number; open: number; messages: number; events: number }>(chunkSql, [
          lo,
          hi,
          o.now,
          identities - 1,
          citizens,
        ])
      ).rows[0]!;
      made += r.cases;
      open += r.open;
      messages += r.messages;
      events += r.events;
      log(
        `cases ${made}/${o.cases} (open ${open}), messages ${messages}, events ${events}: ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
    }
    const sCases = lap();

    for (const ix of indexes) await c.query(ix.def);
    for (const fk of foreignKeys) await c.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`);
    const sIndexes = lap();
    log(`${indexes.length} indexes recreated, ${foreignKeys.length} foreign keys re-added and checked: ${sIndexes.toFixed(1)} s`);
    // A steady-state database: visibility map and statistics as autovacuum would leave them.
    for (const t of [...BIG_TABLES, 'staff_users', 'units']) await c.query(`VACUUM ANALYZE ${t}`);
    const sVacuum = lap();
    log(`VACUUM ANALYZE: ${sVacuum.toFixed(1)} s`);
    return {
      units: units.length,
      staff: staff.length,
      citizens,
      identities,
      cases: made,
      openCases: open,
      messages,
      events,
      seconds: {
        staffAndCitizens: sStaff,
        cases: sCases,
        indexes: sIndexes,
        vacuumAnalyze: sVacuum,
        total: (performance.now() - t0) / 1000,
      },
    };
  } finally {
    await c.end();
  }
}
