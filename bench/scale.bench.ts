/**
 * A city at scale on PostgreSQL: bench/scale/generate-city.ts fills a fresh database with `2,000,000 × BENCH_SCALE`
 * cases (about 5 % open, ≈ 5 messages and 5 timeline events each) over the real 168 wards and 17 departments, then
 * the product's own commands are timed on it, each next to a primary-key SELECT measured in the same run:
 * - the inbox (listCasesForStaff, as GET /api/staff/cases): a unit's open cases sorted by deadline with the
 *   console's filters, other views, the next page, a city administrator's view (goal: p95 < 30 ms at full scale);
 * - the deadline sweep (sweepDeadlines, as the worker): idle tick, an hour's tick, and every open case due
 *   soon at once (goal: < 1 s for 100,000 open cases);
 * - the on-time report (reportOnTime, as GET /api/staff/reports/on-time) for all units for a month (goal: < 200 ms).
 * The database is created as gandan_bench_scale_<time> on BENCH_DATABASE_URL and dropped afterwards.
 * Beside wall-clock percentiles (which a busy shared machine inflates) each line gives the CPU time per call of
 * the PostgreSQL backend plus this process (from /proc), which depends much less on the machine's load.
 * Env: BENCH_SCALE (fraction of the full 2,000,000 cases; default 0.05), BENCH_DATABASE_URL, BENCH_KEEP_DB=1 (keep
 * the database), BENCH_SCALE_DB=<name> (measure a database generated and kept before; the last sweep rows
 * change its data), BENCH_SCALE_ITERATIONS (default 300).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { CaseListQuerySchema, type CaseListQuery } from '../contracts/api.ts';
import { listCasesForStaff } from '../server/src/commands/list-cases.ts';
import { prepareDatabase } from '../server/src/commands/prepare-database.ts';
import { reportOnTime } from '../server/src/commands/report-on-time.ts';
import { sweepDeadlines } from '../server/src/commands/sweep-deadlines.ts';
import { openDb, type Db } from '../server/src/db/client.ts';
import { findStaffById, type StaffRow } from '../server/src/db/repositories/staff.repo.ts';
import { generateCity, type GenerateResult } from './scale/generate-city.ts';

export type ScaleRow = { name: string; value: string; baseline: string; goal: string; notes: string };
export type ScaleReport = { scale: number; cases: number; generation: GenerateResult | null; load: string; rows: ScaleRow[] };

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const FULL = 2_000_000;
const NOW = new Date('2026-03-09T03:00:00Z'); // Monday 10:00 in Ho Chi Minh City
const clock = { now: () => NOW };

type Stats = { p50: number; p95: number; p99: number; n: number; cpu?: number };
const r1 = (x: number) => Math.round(x * 10) / 10;
const fmt = (s: Stats) =>
  `p50 ${r1(s.p50)} ms, p95 ${r1(s.p95)} ms, p99 ${r1(s.p99)} ms${s.cpu === undefined ? '' : `; CPU ${r1(s.cpu)} ms/call`}`;

// CPU time (ms) used by the database's backends and by this process between two probes. Backends are read from
// /proc, so this works against a local server only (elsewhere: undefined); only backends alive at both probes
// count, so another session ending meanwhile does not subtract its time.
type CpuMark = { backends: Map<number, number>; own: number };
let cpuProbe: (() => Promise<CpuMark | undefined>) | undefined;
function procCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in ticks of 1/100 s
}
function makeCpuProbe(admin: pg.Client, database: string): () => Promise<CpuMark | undefined> {
  return async () => {
    try {
      const pids = (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database])).rows;
      const own = process.cpuUsage();
      return { backends: new Map(pids.map((p) => [p.pid, procCpuMs(p.pid)])), own: (own.user + own.system) / 1000 };
    } catch {
      return undefined;
    }
  };
}
function cpuBetween(a: CpuMark | undefined, b: CpuMark | undefined): number | undefined {
  if (!a || !b) return undefined;
  let ms = b.own - a.own;
  for (const [pid, t] of b.backends) if (a.backends.has(pid)) ms += t - a.backends.get(pid)!;
  return ms;
}

const loadNow = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), n: s.length };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Runs `fn(i)` `n` times after `warm` untimed calls; latency statistics of the timed calls. */
async function sample(n: number, fn: (i: number) => Promise<unknown>, warm = 10): Promise<Stats & { ms: number[] }> {
  for (let i = 0; i < warm; i++) await fn(i + 1000);
  const ms: number[] = [];
  const cpu0 = await cpuProbe?.();
  for (let i = 0; i < n; i++) ms.push(await timed(() => fn(i)));
  const cpu1 = await cpuProbe?.();
  const cpu = cpuBetween(cpu0, cpu1);
  return { ...stats(ms), ms, ...(cpu !== undefined ? { cpu: cpu / n } : {}) };
}

async function actors(db: Db): Promise<{ heads: StaffRow[]; officers: StaffRow[]; admin: StaffRow; wardCodes: string[] }> {
  const ids = await db.query<{ id: string; role: string; kind: string; code: string }>(
    `SELECT s.id, s.role, u.kind, u.code FROM staff_users s JOIN units u ON u.id = s.unit_id
      WHERE (s.role = 'unit_admin' AND u.kind IN ('ward', 'commune', 'special_zone')) OR s.role = 'city_admin'
         OR (s.role = 'officer' AND s.email LIKE 'officer0.%' AND u.kind IN ('ward', 'commune', 'special_zone'))
      ORDER BY u.code, s.email`,
  );
  const load = async (role: string) =>
    Promise.all(ids.filter((r) => r.role === role).map(async (r) => (await findStaffById(db, r.id))!));
  const [heads, officers, admins] = [await load('unit_admin'), await load('officer'), await load('city_admin')];
  return { heads, officers, admin: admins[0]!, wardCodes: heads.map((h) => h.unitCode) };
}

export async function benchScale(scale = Number(process.env.BENCH_SCALE ?? 0.05)): Promise<ScaleReport | null> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL not reachable at ${PG_URL}: skipping the scale benchmark`);
    return null;
  }
  const reuse = process.env.BENCH_SCALE_DB;
  const name = reuse ?? `gandan_bench_scale_${Date.now()}`;
  if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  // One connection: the commands run one at a time, as one request or one worker tick does.
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 1 });
  cpuProbe = makeCpuProbe(admin, name);
  const rows: ScaleRow[] = [];
  try {
    let cases = Math.round(FULL * scale);
    let generation: GenerateResult | null = null;
    if (reuse) {
      cases = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n;
      scale = cases / FULL;
      console.log(`measuring the existing database ${name}: ${cases.toLocaleString('en')} cases`);
    } else {
      await prepareDatabase(db);
      console.log(`scale ${scale}: generating ${cases.toLocaleString('en')} cases (load ${loadNow()})`);
      generation = await generateCity(url.toString(), { cases, now: NOW, log: (l) => console.log(`  ${l}`) });
      console.log(generation);
    }
    const loadAfterGeneration = loadNow();
    const { heads, officers, admin: cityAdmin, wardCodes } = await actors(db);
    const ctx = { db, clock };
    const N = Number(process.env.BENCH_SCALE_ITERATIONS ?? 300);

    // Baseline: one indexed primary-key SELECT of a case, random ids, same pool and driver.
    const ids = (await db.query<{ id: string }>('SELECT id FROM cases TABLESAMPLE SYSTEM (1) LIMIT 2000')).map((r) => r.id);
    const baseline = await sample(N, (i) => db.query('SELECT * FROM cases WHERE id = $1', [ids[i % ids.length]]));
    const base = `${fmt(baseline)} (SELECT * FROM cases WHERE id = $1)`;

    const list = (actor: StaffRow, q: Partial<Record<keyof CaseListQuery, string | number>>) =>
      listCasesForStaff(ctx, actor, CaseListQuerySchema.parse(q));
    const pick = <T>(xs: T[], i: number) => xs[(i * 7919) % xs.length]!;
    const openPerWard = await db.query<{ n: number }>(
      `SELECT (count(*) / 168)::int AS n FROM cases WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_citizen')`,
    );
    const inboxShapes: [string, (i: number) => Promise<unknown>][] = [
      ['ward head: open cases by deadline', (i) => list(pick(heads, i), { view: 'open', sort: 'due' })],
      ['ward head: open phản ánh by deadline', (i) => list(pick(heads, i), { view: 'open', sort: 'due', type: 'phan_anh' })],
      ['ward head: in progress by deadline', (i) => list(pick(heads, i), { view: 'unit', status: 'in_progress', sort: 'due' })],
      ['ward head: unassigned by deadline', (i) => list(pick(heads, i), { view: 'unassigned', sort: 'due' })],
      [
        'officer: mine in progress by deadline',
        (i) => list(pick(officers, i), { view: 'mine', status: 'in_progress', sort: 'due' }),
      ],
      ['officer: mine, newest', (i) => list(pick(officers, i), { view: 'mine' })],
      ['ward head: all cases, newest', (i) => list(pick(heads, i), { view: 'unit' })],
      ['ward head: closed, newest', (i) => list(pick(heads, i), { view: 'closed' })],
      [
        'city admin: one ward’s open cases by deadline',
        (i) => list(cityAdmin, { view: 'open', sort: 'due', unitCode: pick(wardCodes, i) }),
      ],
      ['city admin: all open cases by deadline', () => list(cityAdmin, { view: 'open', sort: 'due' })],
      ['ward head: search “den duong” (no diacritics)', (i) => list(pick(heads, i), { view: 'unit', q: 'den duong' })],
    ];
    const all: number[] = [];
    let allCpu = 0;
    for (const [label, fn] of inboxShapes) {
      const s = await sample(N, fn);
      all.push(...s.ms);
      allCpu += (s.cpu ?? 0) * N;
      console.log(`inbox ${label}: ${fmt(s)}`);
      rows.push({
        name: `inbox: ${label}`,
        value: fmt(s),
        baseline: base,
        goal: 'p95 < 30 ms',
        notes: `${N} pages of 50, a different ward each time (≈ ${openPerWard[0]?.n ?? 0} open cases per ward)`,
      });
    }
    // The next page (keyset cursor) of a busy ward's deadline-sorted open list.
    const pages: string[] = [];
    for (let i = 0; i < 20; i++) {
      const first = await list(pick(heads, i), { view: 'open', sort: 'due' });
      if (first.nextCursor) pages.push(first.nextCursor);
    }
    if (pages.length) {
      const s = await sample(N, (i) =>
        list(pick(heads, i % pages.length), { view: 'open', sort: 'due', cursor: pages[i % pages.length]! }),
      );
      rows.push({
        name: 'inbox: ward head, open by deadline, next page',
        value: fmt(s),
        baseline: base,
        goal: 'p95 < 30 ms',
        notes: `${N} second pages (keyset cursor)`,
      });
    }
    const allStats = { ...stats(all), cpu: allCpu / all.length };
    rows.unshift({
      name: 'inbox page for a unit, all shapes below together',
      value: fmt(allStats),
      baseline: base,
      goal: 'p95 < 30 ms',
      notes: `${all.length} pages`,
    });

    // On-time rate, all units of the city, for the previous calendar month and for the current month to date.
    const month = await sample(Math.min(N, 50), () => reportOnTime(ctx, cityAdmin, { from: '2026-02-01', to: '2026-02-28' }), 3);
    const monthToDate = await sample(Math.min(N, 50), () => reportOnTime(ctx, cityAdmin, { from: '2026-03-01' }), 3);
    const oneWard = await sample(
      Math.min(N, 100),
      (i) => reportOnTime(ctx, pick(heads, i), { from: '2026-02-01', to: '2026-02-28' }),
      3,
    );
    const sampleReport = await reportOnTime(ctx, cityAdmin, { from: '2026-02-01', to: '2026-02-28' });
    rows.push({
      name: 'on-time rate, all units × categories, February',
      value: fmt(month),
      baseline: base,
      goal: '< 200 ms',
      notes: `${sampleReport.rows.length} unit × category rows; total rate ${((sampleReport.total.rate ?? 0) * 100).toFixed(1)} % (${sampleReport.total.closedOnTime} on time, ${sampleReport.total.closedLate} late, ${sampleReport.total.openPastDue} open past due)`,
    });
    rows.push({
      name: 'on-time rate, all units × categories, month to date',
      value: fmt(monthToDate),
      baseline: base,
      goal: '< 200 ms',
      notes: 'period 1 March → now',
    });
    rows.push({
      name: 'on-time rate, one ward (its head), February',
      value: fmt(oneWard),
      baseline: base,
      goal: '< 200 ms',
      notes: 'a different ward each time',
    });

    // Deadline sweep: the every-minute idle tick, then an hour later (the cases whose instants came meanwhile),
    // then every open case due soon at once (e.g. the first sweep after a long outage).
    const open = (
      await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM cases WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_citizen')",
      )
    )[0]!.n;
    const firstTick = await sweepDeadlines(ctx, NOW);
    const idle = await sample(20, () => sweepDeadlines(ctx, NOW), 2);
    const hourLater = new Date(NOW.getTime() + 3_600_000);
    let hour = firstTick;
    const hourCpu0 = await cpuProbe();
    const hourMs = await timed(async () => (hour = await sweepDeadlines(ctx, hourLater)));
    const hourCpu1 = await cpuProbe();
    await db.query(
      "UPDATE cases SET due_soon_at = $1, due_soon_notified_at = NULL, due_at = $1::timestamptz + interval '6 hours' WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_citizen') AND clock_paused_at IS NULL",
      [hourLater],
    );
    await db.exec('VACUUM ANALYZE cases');
    let every = firstTick;
    const everyCpu0 = await cpuProbe();
    const everyMs = await timed(async () => (every = await sweepDeadlines(ctx, new Date(hourLater.getTime() + 60_000))));
    const everyCpu1 = await cpuProbe();
    const cpuNote = (a: CpuMark | undefined, b: CpuMark | undefined) => {
      const ms = cpuBetween(a, b);
      return ms === undefined ? '' : `; CPU ${Math.round(ms)} ms`;
    };
    const sweepBase = `${fmt(baseline)} (PK SELECT)`;
    rows.push({
      name: 'deadline sweep, idle tick',
      value: fmt(idle),
      baseline: sweepBase,
      goal: '< 1 s',
      notes: `${open.toLocaleString('en')} open cases; first tick moved ${firstTick.due_soon + firstTick.overdue} cases; 20 idle ticks`,
    });
    rows.push({
      name: 'deadline sweep, one hour of instants',
      value: `${Math.round(hourMs)} ms${cpuNote(hourCpu0, hourCpu1)}`,
      baseline: sweepBase,
      goal: '< 1 s',
      notes: `${hour.due_soon} due soon, ${hour.overdue} overdue, ${hour.escalate_parent + hour.escalate_city} escalated; ${hour.notifications} notifications`,
    });
    rows.push({
      name: 'deadline sweep, every open case due soon at once',
      value: `${Math.round(everyMs)} ms${cpuNote(everyCpu0, everyCpu1)}`,
      baseline: sweepBase,
      goal: '< 1 s',
      notes: `${every.due_soon.toLocaleString('en')} cases warned, ${every.notifications.toLocaleString('en')} notifications written (batches of 5,000)`,
    });
    for (const r of rows) console.log(`${r.name}: ${r.value}`);
    return { scale, cases, generation, load: `${loadAfterGeneration} after generation, ${loadNow()} at the end`, rows };
  } finally {
    await db.close();
    if (process.env.BENCH_KEEP_DB === '1' || reuse) console.log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
