/**
 * The deadline sweep over 100,000 open cases on PostgreSQL (goal: under 1 s), against a plain count(*) over the
 * same open cases measured in the same run. Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 * Call: `const rows = await benchDeadlines()` (or `npx tsx -e "import('./bench/deadlines.bench.ts').then(async m => console.log(await m.benchDeadlines()))"`).
 */
import pg from 'pg';
import { sweepDeadlines } from '../server/src/commands/sweep-deadlines.ts';
import { openDb, type Db } from '../server/src/db/client.ts';
import { migrate } from '../server/src/db/migrate.ts';

type Result = { name: string; value: number; unit: string; baseline?: { name: string; value: number; unit: string }; notes?: string };

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OPEN_CASES = 100_000;
const DUE_SOON = 10_000;
const NOW = new Date('2026-03-09T03:00:00Z'); // Monday 10:00 in Ho Chi Minh City

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function median(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) ms.push(await time(fn));
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] ?? 0;
}

async function seed(db: Db): Promise<void> {
  await db.exec(`
    INSERT INTO units (code, kind, name, full_name, path) VALUES ('79', 'city', 'TP.HCM', 'Thành phố Hồ Chí Minh', '79');
    INSERT INTO units (code, kind, name, full_name, parent_id, path) SELECT '26740', 'ward', 'Sài Gòn', 'Phường Sài Gòn', id, '79/26740' FROM units WHERE code = '79';
    INSERT INTO staff_users (email, name, role, unit_id, password_hash) SELECT 'officer@bench', 'Officer', 'officer', id, 'x' FROM units WHERE code = '26740';
    INSERT INTO staff_users (email, name, role, unit_id, password_hash) SELECT 'head@bench', 'Head', 'unit_admin', id, 'x' FROM units WHERE code = '26740';
    INSERT INTO staff_users (email, name, role, unit_id, password_hash) SELECT 'admin@bench', 'Admin', 'city_admin', id, 'x' FROM units WHERE code = '79';`);
  // Open cases whose warnings lie ahead, except DUE_SOON of them whose warning time has come (due later today).
  await db.query(
    `INSERT INTO cases (tracking_code, type, status, unit_id, channel, intake_method, description, category, assignee_id, created_at, updated_at,
                        deadline_rule, clock_started_at, due_at, due_soon_at, escalate_parent_at, escalate_city_at)
     SELECT 'GD-B' || lpad(g::text, 8, '0'), 'phan_anh', 'assigned', u.id, 'portal', 'portal', 'bench', 'mat_duong', s.id, $1, $1,
            'phan-anh-mat-duong', $1, due, due - interval '1 day', due + interval '2 days', due + interval '7 days'
       FROM generate_series(1, $2::int) g
       CROSS JOIN LATERAL (SELECT CASE WHEN g <= $3::int THEN $4::timestamptz + interval '6 hours' ELSE $4::timestamptz + (g % 20 + 2) * interval '1 day' END AS due) d
       JOIN units u ON u.code = '26740' JOIN staff_users s ON s.email = 'officer@bench'`,
    [new Date(NOW.getTime() - 7 * 86_400_000), OPEN_CASES, DUE_SOON, NOW],
  );
  await db.exec('ANALYZE');
}

/** Sweep timings on PostgreSQL; [] when PostgreSQL is not reachable. */
export async function benchDeadlines(): Promise<Result[]> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL not reachable at ${PG_URL}: skipping the deadline sweep benchmark`);
    return [];
  }
  const name = `gandan_bench_deadlines_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await migrate(db);
    await seed(db);
    const countOpen = () => db.query("SELECT count(*)::int AS n FROM cases WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_citizen')");
    await countOpen();
    const baseline = await median(5, countOpen);
    const ctx = { db };

    let first = { due_soon: 0, notifications: 0 };
    const firstMs = await time(async () => (first = await sweepDeadlines(ctx, NOW)));
    await sweepDeadlines(ctx, NOW);
    const idleMs = await median(5, () => sweepDeadlines(ctx, NOW));

    // Worst case: every open case's warning is due at once (e.g. the first sweep after a long outage).
    await db.query("UPDATE cases SET due_soon_at = $1, due_soon_notified_at = NULL, due_at = $1::timestamptz + interval '6 hours'", [NOW]);
    await db.exec('ANALYZE cases');
    let all = { due_soon: 0, notifications: 0 };
    const allMs = await time(async () => (all = await sweepDeadlines(ctx, NOW)));

    const base = { name: 'SELECT count(*) of the open cases', value: Math.round(baseline * 10) / 10, unit: 'ms' };
    return [
      { name: 'deadline sweep, idle tick', value: Math.round(idleMs * 10) / 10, unit: 'ms', baseline: base, notes: `${OPEN_CASES} open cases, nothing due (the every-minute case); median of 5` },
      { name: 'deadline sweep, 10% due soon', value: Math.round(firstMs), unit: 'ms', baseline: base, notes: `${first.due_soon} cases warned, ${first.notifications} notifications written, one sweep` },
      { name: 'deadline sweep, all due soon', value: Math.round(allMs), unit: 'ms', baseline: base, notes: `${all.due_soon} cases warned, ${all.notifications} notifications written, one sweep (batches of 5,000)` },
    ];
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
