/**
 * `npm run bench`: repeatable measurements of the paths that grow with a city, each next to a baseline measured
 * in the same run on the same machine, written to docs/benchmarks.md.
 *
 * Intake: the product's portal intake (HTTP → validated → one transaction with the case, the citizen's message,
 * timeline events and the queued acknowledgement) against a bare Fastify route doing one INSERT, on PGlite and
 * on PostgreSQL. Server and load generator run in separate processes (2 cores: one each).
 * Webhooks: signed Zalo webhooks through the real route against the same baseline (both servers up side by side,
 * the load alternating between them in four rounds of BENCH_SECONDS / 2, the median round's ratio reported: this
 * virtual machine's core changes speed within a minute), and the time from a webhook to its acknowledgement
 * reaching the Zalo emulator at a steady rate (bench/webhooks.bench.ts).
 * Deadlines: the deadline sweep over 100,000 open cases alone (bench/deadlines.bench.ts).
 * Scale: a generated city of 2,000,000 × BENCH_SCALE cases on PostgreSQL — inbox, sweep and on-time report through
 * the product's commands (bench/scale.bench.ts; default BENCH_SCALE=0.05, BENCH_SCALE=1 for the full 2 million,
 * which takes about an hour to generate on a busy 2-core machine).
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_SECONDS (default 10),
 * BENCH_LATENCY_RATE (default 500 events/s), BENCH_LATENCY_SECONDS (default 60), BENCH_ONLY (comma-separated
 * groups: throughput, deadlines, scale; default all). docs/benchmarks.md keeps the sections of groups not run.
 */
import autocannon from 'autocannon';
import { spawn, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchDeadlines } from './deadlines.bench.ts';
import { benchScale, type ScaleReport } from './scale.bench.ts';
import { benchTriage } from './triage.bench.ts';
import { benchAckLatency, benchWebhookIntake, pidCpuSeconds } from './webhooks.bench.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LATENCY_RATE = Number(process.env.BENCH_LATENCY_RATE ?? 500);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 60);
const GROUPS = ['throughput', 'deadlines', 'scale'] as const;
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((g) => g.trim()) : [...GROUPS];
for (const g of ONLY) if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`BENCH_ONLY: unknown group ${g} (${GROUPS.join(', ')})`);
const runs = (g: (typeof GROUPS)[number]) => ONLY.includes(g);

type Row = { name: string; engine: string; value: string; baseline: string; ratio: string; notes: string };
const rows: Row[] = [];

function startServer(mode: 'product' | 'baseline', engine: 'pglite' | 'postgres', target: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/servers/intake-server.ts'), mode, engine, target], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const port = new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return {
    port,
    stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
    cpuSeconds: () => pidCpuSeconds(child.pid),
  };
}

async function load(url: string, body: object, seconds: number) {
  const run = (duration: number) =>
    autocannon({ url, method: 'POST', connections: 16, duration, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await run(2); // warm-up
  const r = await run(seconds);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function withPgDatabase<T>(fn: (url: string) => Promise<T>): Promise<T | undefined> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL not reachable at ${PG_URL}: skipping PostgreSQL runs`);
    return undefined;
  }
  const name = `gandan_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function benchIntake(engine: 'pglite' | 'postgres', target: () => Promise<string>) {
  const body = { text: 'Đèn đường trước số 12 Lê Lợi bị hỏng ba ngày nay, buổi tối rất tối và nguy hiểm.', unitCode: '26740', contact: { name: 'Chị Mai', phone: '0912345678' } };
  const base = startServer('baseline', engine, await target());
  const b = await load(`http://127.0.0.1:${await base.port}/rows`, body, SECONDS);
  await base.stop();
  const prod = startServer('product', engine, await target());
  const p = await load(`http://127.0.0.1:${await prod.port}/api/public/cases`, body, SECONDS);
  await prod.stop();
  console.log(engine, { baseline: b, product: p });
  rows.push({
    name: 'portal intake (case + message + events + queued acknowledgement, one transaction)',
    engine,
    value: `${Math.round(p.rps)} req/s (p50 ${p.p50} ms, p99 ${p.p99} ms)`,
    baseline: `${Math.round(b.rps)} req/s (p50 ${b.p50} ms, p99 ${b.p99} ms)`,
    ratio: `${Math.round((p.rps / b.rps) * 100)} %`,
    notes: `16 connections, ${SECONDS} s after 2 s warm-up; non-2xx ${p.non2xx}/${b.non2xx}, errors ${p.errors}/${b.errors}; worker delivering acknowledgements in the same process`,
  });
}

async function benchWebhooks(engine: 'pglite' | 'postgres', target: () => Promise<string>) {
  const targets = [await target(), await target()];
  const r = await benchWebhookIntake((mode, env) => startServer(mode, engine, targets[mode === 'baseline' ? 0 : 1]!, env), SECONDS * 2);
  const { product: p, baseline: b } = r;
  console.log(engine, 'webhooks', r);
  rows.push({
    name: 'signed Zalo webhook intake (parse, account lookup, signature, stored raw)',
    engine,
    value: `${Math.round(p.rps)} events/s (p50 ≤ ${p.p50} ms, p99 ≤ ${p.p99} ms)`,
    baseline: `${Math.round(b.rps)} req/s (p50 ≤ ${b.p50} ms, p99 ≤ ${b.p99} ms)`,
    ratio: `${Math.round(r.ratio * 100)} %`,
    notes: `16 connections, a distinct signed body per request; both servers up side by side, load alternating between them in ${r.rounds.length} rounds of ${r.sliceSeconds} s each after a 2 s warm-up of each; ratio = median round (rounds, product/baseline: ${r.rounds
      .map((x) => `${x.product}/${x.baseline} = ${Math.round(x.ratio * 100)} %`)
      .join(', ')}); events/s = all rounds together; api role (processing measured below); non-2xx ${p.non2xx}/${b.non2xx}, errors ${p.errors}/${b.errors}`,
  });
}

async function benchLatency(engine: 'pglite' | 'postgres', target: () => Promise<string>, topology: 'one-process' | 'api+worker', rate = LATENCY_RATE, seconds = LATENCY_SECONDS) {
  const t = await target();
  const r = await benchAckLatency((mode, env) => startServer(mode, engine, t, env), rate, seconds, topology);
  console.log(engine, topology, 'ack latency', r);
  rows.push({
    name: `webhook → acknowledgement at the provider, ${rate} events/s for ${seconds} s (${topology === 'one-process' ? 'api + worker in one process' : 'api process + worker process'})`,
    engine,
    value: `p50 ${r.p50} ms, p99 ${r.p99} ms (max ${r.max} ms)`,
    baseline: 'goal: p50 < 100 ms, p99 < 500 ms',
    ratio: '—',
    notes: `${r.sent} webhooks sent in ${r.sendSeconds.toFixed(1)} s, ${r.acknowledged} acknowledged, ${r.failed} refused or dropped; Zalo emulator echoes and receipts go back to the server; ${
      // CPU per event means something only when every event was processed within the run.
      r.acknowledged === r.sent ? `CPU per event: ${cpuNote(r.cpuMsPerEvent)}` : 'not every event was processed within the run, so no CPU per event'
    }`,
  });
}

/** "server 4.1 ms + PostgreSQL 6.0 ms + load generator and emulator 2.3 ms = 12.4 ms (2 cores: at most 161 events/s)". */
function cpuNote(c: { server: number | null; worker: number | null; postgres: number | null; loadAndEmulator: number }): string {
  const parts: [string, number | null][] = [['server', c.server], ['worker process', c.worker], ['PostgreSQL', c.postgres], ['load generator and emulator', c.loadAndEmulator]];
  const known = parts.filter((p): p is [string, number] => p[1] !== null);
  const total = known.reduce((sum, [, v]) => sum + v, 0);
  const cores = os.cpus().length;
  return `${known.map(([n, v]) => `${n} ${v.toFixed(1)} ms`).join(' + ')} = ${total.toFixed(1)} ms (${cores} cores: at most ${Math.floor((cores * 1000) / total)} events/s)`;
}

const tmp: string[] = [];
const pgliteTarget = async () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'gandan-bench-'));
  tmp.push(d);
  return d;
};
let deadlineRows: Awaited<ReturnType<typeof benchDeadlines>> = [];
let scale: ScaleReport | null = null;
try {
  if (runs('throughput')) await benchThroughput();
  if (runs('deadlines')) deadlineRows = await benchDeadlines();
  if (runs('scale')) scale = await benchScale();
} finally {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
}

async function benchThroughput() {
  // Triage is CPU only: measured first, on the idle machine, before the servers and the database are loaded (after
  // the latency runs PostgreSQL is still vacuuming their writes).
  for (const r of await benchTriage()) {
    rows.push({
      name: r.name,
      engine: '—',
      value: `${r.value.toLocaleString('en')} ${r.unit}`,
      baseline: r.baseline ? `${r.baseline.value.toLocaleString('en')} ${r.baseline.unit} (${r.baseline.name})` : '—',
      ratio: r.baseline ? `${((r.value / r.baseline.value) * 100).toFixed(1)} %` : '—',
      notes: r.notes ?? '',
    });
  }
  await benchIntake('pglite', pgliteTarget);
  await benchWebhooks('pglite', pgliteTarget);
  // Each PostgreSQL run gets its own fresh database.
  await withPgDatabase(async (u1) => withPgDatabase(async (u2) => {
    const targets = [u1, u2];
    await benchIntake('postgres', async () => targets.shift()!);
  }));
  await withPgDatabase(async (u1) => withPgDatabase(async (u2) => {
    const targets = [u1, u2];
    await benchWebhooks('postgres', async () => targets.shift()!);
  }));
  await withPgDatabase(async (u) => benchLatency('postgres', async () => u, 'one-process'));
  await withPgDatabase(async (u) => benchLatency('postgres', async () => u, 'api+worker'));
  // Where the goal does hold on this machine: the same path at a tenth of the rate.
  await withPgDatabase(async (u) => benchLatency('postgres', async () => u, 'one-process', Math.round(LATENCY_RATE / 10), 30));
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const rev = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
})();
const machine = `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`;
const stamp = `- Date: ${new Date().toISOString()}
- Revision: ${rev}
- Machine: ${machine}; load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}
- Node ${process.version}; PostgreSQL at ${new URL(PG_URL).host} (local, fsync on)`;

// docs/benchmarks.md is made of sections between <!-- bench:NAME --> markers; a run rewrites the sections of the
// groups it ran and keeps the others as they were.
const sections: Record<string, string> = {};
if (runs('throughput')) {
  sections.throughput = `## Intake, webhooks and triage

${stamp}; PGlite on a temporary directory

| measurement | engine | result | baseline | result / baseline | notes |
|---|---|---|---|---|---|
${rows.map((r) => `| ${r.name} | ${r.engine} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.notes} |`).join('\n')}

Baseline for intake and webhooks: a bare Fastify route that inserts the request body as one row into the same engine.
The product's webhook route stores deliveries that arrive together with one multi-row INSERT and one commit (group
commit, \`server/src/lib/group-commit.ts\`), answering each after its own commit; the baseline commits every request
alone, which is why the product can pass it.`;
}
if (runs('deadlines') && deadlineRows.length) {
  sections.deadlines = `## Deadline sweep over 100,000 open cases (bench/deadlines.bench.ts)

${stamp}

| measurement | result | baseline | notes |
|---|---|---|---|
${deadlineRows.map((r) => `| ${r.name} | ${r.value.toLocaleString('en')} ${r.unit} | ${r.baseline ? `${r.baseline.value} ${r.baseline.unit} (${r.baseline.name})` : '—'} | ${r.notes ?? ''} |`).join('\n')}`;
}
if (scale) {
  const g = scale.generation;
  sections.scale = `## A city at scale: ${scale.cases.toLocaleString('en')} cases (bench/scale.bench.ts, BENCH_SCALE=${scale.scale})

${stamp}
- Load average: ${scale.load} (2 cores shared with other work: wall-clock figures are inflated by the load; the CPU
  time per call — PostgreSQL backend plus the Node process — is much less sensitive to it)
${
  g
    ? `- Generated: ${g.units} units (the city, 17 departments, 168 wards), ${g.staff.toLocaleString('en')} staff, ${g.citizens.toLocaleString('en')} citizens with ${g.identities.toLocaleString('en')} channel identities, ${g.cases.toLocaleString('en')} cases (${g.openCases.toLocaleString('en')} open), ${g.messages.toLocaleString('en')} messages, ${g.events.toLocaleString('en')} timeline events
- Generation took ${Math.round(g.seconds.total)} s: staff and citizens ${Math.round(g.seconds.staffAndCitizens)} s, cases with their messages and events ${Math.round(g.seconds.cases)} s, indexes and foreign keys ${Math.round(g.seconds.indexes)} s, VACUUM ANALYZE ${Math.round(g.seconds.vacuumAnalyze)} s (bench/scale/generate-city.ts)`
    : '- Measured on a database generated earlier (BENCH_SCALE_DB)'
}

| measurement | result | baseline (same run) | goal | notes |
|---|---|---|---|---|
${scale.rows.map((r) => `| ${r.name} | ${r.value} | ${r.baseline} | ${r.goal} | ${r.notes} |`).join('\n')}`;
}

const DOC = path.join(ROOT, 'docs/benchmarks.md');
const previous = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
const kept = (name: string) => new RegExp(`<!-- bench:${name} -->\\n([\\s\\S]*?)\\n<!-- /bench:${name} -->`).exec(previous)?.[1];
const body = GROUPS.map((name) => {
  const text = sections[name] ?? kept(name);
  return text ? `<!-- bench:${name} -->\n${text}\n<!-- /bench:${name} -->` : '';
}).filter(Boolean);
const md = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts; \`BENCH_ONLY=scale BENCH_SCALE=1 npm run bench\` for the 2-million-case city
alone). Each figure stands next to a baseline measured in the same run on the same machine; compare revisions by
running both on the same idle machine, alternating.

${body.join('\n\n')}
`;
writeFileSync(DOC, md);
console.log(md);
