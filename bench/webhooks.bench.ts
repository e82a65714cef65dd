/**
 * Webhook benchmarks for `npm run bench` (bench/run.ts):
 *  - intake: signed Zalo `user_send_text` webhooks (a distinct, realistic body per request, signed by the load
 *    generator) through the real route — JSON parse, cached account lookup, signature, one INSERT … ON CONFLICT —
 *    against the bare one-INSERT Fastify baseline with the same bodies;
 *  - latency: webhooks at a fixed rate into the whole product (api + worker), from our send to the
 *    acknowledgement arriving at the Zalo emulator (its own log of received messages).
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { startZaloEmulator } from '../server/src/emulators/zalo/index.ts';
import { signZaloWebhook } from '../server/src/emulators/zalo/signature.ts';
import { createHttpClient } from '../server/src/lib/http-client.ts';

export const ZALO = { appId: '4242424242', oaId: '579745863508352884', oaSecretKey: 'bench-oa-secret-key', appSecretKey: 'bench-zalo-app-secret' };

export type ServerStarter = (mode: 'product' | 'baseline', env?: Record<string, string>) => {
  port: Promise<number>;
  stop: () => Promise<void>;
  /** CPU seconds the server process has used so far (Linux /proc), null where unknown. */
  cpuSeconds: () => number | null;
};

/** Clock ticks (1/100 s) of a /proc/PID/stat line: user + system, and with `children` also of its reaped children. */
function statTicks(stat: string, children: boolean): number {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
}

/** CPU seconds used so far by the processes whose command name is `comm` (e.g. the local PostgreSQL server and
 * its reaped backends), from /proc; null when there is no /proc or no such process. */
export function processCpuSeconds(comm: string): number | null {
  try {
    let ticks = 0;
    let seen = false;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.includes(`(${comm})`)) continue;
        ticks += statTicks(stat, true);
        seen = true;
      } catch {
        // The process ended meanwhile.
      }
    }
    return seen ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) of one process, from /proc; null when unknown. */
export function pidCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    return statTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'), false) / 100;
  } catch {
    return null;
  }
}

const TEXTS = [
  'Đèn đường trước số 12 Lê Lợi bị hỏng ba ngày nay, buổi tối rất tối và nguy hiểm cho người đi đường.',
  'Hẻm 45 Võ Văn Ngân ngập nước sau mưa, xe máy không đi được, nhờ phường cho khơi thông cống.',
  'Cho em hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì và nộp ở đâu ạ?',
  'Rác tồn đọng ở góc chợ Linh Xuân từ hôm qua chưa ai thu gom, bốc mùi rất khó chịu.',
];

let seq = 0;
/** A Zalo user_send_text body for a new sender and its signature header. */
export function zaloTextWebhook(userId = `8${String(seq).padStart(18, '0')}`): { userId: string; body: string; signature: string } {
  seq += 1;
  const timestamp = String(Date.now());
  const body = JSON.stringify({
    app_id: ZALO.appId,
    user_id_by_app: `9${randomBytes(9).readBigUInt64BE().toString().padStart(18, '0')}`,
    sender: { id: userId },
    recipient: { id: ZALO.oaId },
    event_name: 'user_send_text',
    message: { msg_id: randomBytes(16).toString('hex'), text: TEXTS[seq % TEXTS.length] },
    timestamp,
  });
  return { userId, body, signature: signZaloWebhook({ appId: ZALO.appId, rawBody: body, timestamp, oaSecretKey: ZALO.oaSecretKey }) };
}

export function zaloChannelEnv(zaloUrl: string, tokens: { accessToken: string; refreshToken: string }): Record<string, string> {
  return {
    BENCH_ZALO_URL: zaloUrl,
    BENCH_CHANNEL: JSON.stringify({
      channel: 'zalo',
      unit: '26800',
      config: { oaId: ZALO.oaId, appId: ZALO.appId, oaSecretKey: ZALO.oaSecretKey, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, appSecret: ZALO.appSecretKey },
    }),
  };
}

/** autocannon with a freshly built and signed body per request, for `seconds`. */
export async function signedLoad(url: string, seconds: number, connections = 16) {
  const r = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const w = zaloTextWebhook();
          return { ...req, body: w.body, headers: { ...req.headers, 'content-type': 'application/json', 'x-zevent-signature': w.signature } };
        },
      },
    ],
  });
  return { requests: r.requests.total, seconds: r.duration, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

type LoadResult = Awaited<ReturnType<typeof signedLoad>>;

/**
 * Webhook intake per second through the real route vs the one-INSERT baseline, same bodies, same run.
 *
 * This virtual machine's core changes speed from one minute to the next (back-to-back runs of the old
 * baseline-then-product sequence gave ratios from 53 % to 93 %), so both servers run side by side and the load
 * alternates between them in `rounds` slices of `seconds / rounds` each (baseline first in odd rounds, product
 * first in even ones): each round's ratio compares two slices a few seconds apart, and the median round is
 * reported with the others in the notes.
 */
export async function benchWebhookIntake(start: ServerStarter, seconds: number, rounds = 4) {
  // The api role only: the worker turning these into cases is measured by the latency benchmark.
  const zalo = await startZaloEmulator({ host: '127.0.0.1', ...ZALO });
  const base = start('baseline');
  const prod = start('product', { BENCH_ROLE: 'api', ...zaloChannelEnv(zalo.url, zalo.currentTokens()) });
  const urls = { baseline: `http://127.0.0.1:${await base.port}/rows`, product: `http://127.0.0.1:${await prod.port}/webhooks/zalo` };
  try {
    // Warm-up of each (compiled code, pooled connections, prepared statements).
    await signedLoad(urls.baseline, 2);
    await signedLoad(urls.product, 2);
    const slice = Math.max(1, Math.round(seconds / rounds));
    const slices: { baseline: LoadResult; product: LoadResult; ratio: number }[] = [];
    for (let k = 0; k < rounds; k++) {
      const first = k % 2 === 0 ? 'baseline' : 'product';
      const a = await signedLoad(urls[first], slice);
      const b = await signedLoad(urls[first === 'baseline' ? 'product' : 'baseline'], slice);
      const [baseline, product] = first === 'baseline' ? [a, b] : [b, a];
      slices.push({ baseline, product, ratio: product.rps / baseline.rps });
    }
    const merged = (which: 'baseline' | 'product') => {
      const xs = slices.map((s) => s[which]);
      const requests = xs.reduce((n, x) => n + x.requests, 0);
      const secs = xs.reduce((n, x) => n + x.seconds, 0);
      return {
        rps: requests / secs,
        // The slowest slice's percentiles (autocannon gives no merged histogram).
        p50: Math.max(...xs.map((x) => x.p50)),
        p99: Math.max(...xs.map((x) => x.p99)),
        non2xx: xs.reduce((n, x) => n + x.non2xx, 0),
        errors: xs.reduce((n, x) => n + x.errors, 0),
      };
    };
    const ratios = slices.map((s) => s.ratio).sort((x, y) => x - y);
    const medianRatio = ratios.length % 2 === 1 ? ratios[(ratios.length - 1) / 2]! : (ratios[ratios.length / 2 - 1]! + ratios[ratios.length / 2]!) / 2;
    return {
      product: merged('product'),
      baseline: merged('baseline'),
      ratio: medianRatio,
      rounds: slices.map((s) => ({ baseline: Math.round(s.baseline.rps), product: Math.round(s.product.rps), ratio: s.ratio })),
      sliceSeconds: slice,
    };
  } finally {
    await Promise.all([base.stop(), prod.stop()]);
    await zalo.close();
  }
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * `rate` webhooks per second for `seconds` (after a warm-up) into the whole product; the time from sending each webhook to the
 * emulator receiving its acknowledgement. Zalo's echoes and delivery receipts of the acknowledgements go back to
 * the server as they would in production. `topology`: one process doing everything (the embedded database
 * allows no other), or an api process and a worker process on the same PostgreSQL database.
 */
export async function benchAckLatency(start: ServerStarter, rate: number, seconds: number, topology: 'one-process' | 'api+worker' = 'one-process') {
  const zalo = await startZaloEmulator({ host: '127.0.0.1', ...ZALO, rateLimitPerMinute: 1_000_000, retry: { delaysMs: [1_000, 5_000], timeoutMs: 10_000 } });
  const channelEnv = zaloChannelEnv(zalo.url, zalo.currentTokens());
  const server = start('product', { BENCH_ROLE: topology === 'one-process' ? 'all' : 'api', ...channelEnv });
  const url = `http://127.0.0.1:${await server.port}/webhooks/zalo`;
  // The worker process connects to the account the api process added (no BENCH_CHANNEL: added once).
  const worker = topology === 'api+worker' ? start('product', { BENCH_ROLE: 'worker', BENCH_ZALO_URL: zalo.url }) : undefined;
  await worker?.port;
  zalo.setWebhookUrl(url);
  // The load generator posts through the same pooled client as the emulators (a fetch per webhook would cost the
  // shared 2 cores about 0.5 ms of CPU more per event).
  const http = createHttpClient({ timeoutMs: 30_000 });
  let failed = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  /** Open loop: event i goes out at start + i / rate, whatever the server's speed (capped in flight). */
  const stream = async (count: number, perSecond: number, sentAt: Map<string, number>) => {
    const from = Date.now();
    for (let i = 0; i < count; i++) {
      const wait = from + (i * 1000) / perSecond - Date.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (inFlight >= 1_000) {
        failed += 1;
        continue;
      }
      const w = zaloTextWebhook();
      const user = zalo.citizen({ userId: w.userId, name: w.userId });
      user.lastInteractionAtMs = Date.now();
      sentAt.set(w.userId, Date.now());
      inFlight += 1;
      const p = http(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': w.signature }, body: w.body })
        .then((res) => {
          if (res.status !== 200) failed += 1;
        })
        .catch(() => void (failed += 1))
        .finally(() => {
          inFlight -= 1;
          pending.delete(p);
        });
      pending.add(p);
    }
    await Promise.all([...pending]);
  };
  /** When each of these citizens first received a message from the OA (their acknowledgement). */
  const firstAcks = (sentAt: Map<string, number>) => {
    const first = new Map<string, number>();
    for (const m of zalo.state.messages) if (m.direction === 'outbound' && sentAt.has(m.userId) && !first.has(m.userId)) first.set(m.userId, m.atMs);
    return first;
  };
  // Warm-up, as the intake benchmarks have: 3 s of events at up to 50/s, not counted, and their acknowledgements
  // awaited (at most 15 s), so the figures are the steady state rather than the first seconds of a new process
  // (compiling, opening pooled connections, preparing statements: the first events of a run waited up to 0.7 s).
  const warmup = new Map<string, number>();
  await stream(3 * Math.min(rate, 50), Math.min(rate, 50), warmup);
  for (const until = Date.now() + 15_000; firstAcks(warmup).size < warmup.size && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
  failed = 0;
  // CPU per event of each part sharing the machine: counted from here to the end of the drain below.
  const cpuFrom = { server: server.cpuSeconds(), worker: worker?.cpuSeconds() ?? null, postgres: processCpuSeconds('postgres'), bench: process.cpuUsage() };
  const sentAt = new Map<string, number>();
  const startedAt = Date.now();
  await stream(rate * seconds, rate, sentAt);
  await http.close();
  const sendSeconds = (Date.now() - startedAt) / 1000;
  // Let the outbox drain (bounded).
  let firstAck = new Map<string, number>();
  const deadline = Date.now() + 60_000;
  for (;;) {
    firstAck = firstAcks(sentAt);
    if (firstAck.size >= sentAt.size - failed || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const drainedAt = Date.now();
  const perEvent = (to: number | null, from: number | null) => (to === null || from === null ? null : ((to - from) * 1000) / sentAt.size);
  const benchCpu = process.cpuUsage(cpuFrom.bench);
  const cpuMsPerEvent = {
    server: perEvent(server.cpuSeconds(), cpuFrom.server),
    worker: worker ? perEvent(worker.cpuSeconds(), cpuFrom.worker) : null,
    postgres: perEvent(processCpuSeconds('postgres'), cpuFrom.postgres),
    // The load generator and the Zalo emulator (its CS API, echoes and delivery receipts).
    loadAndEmulator: ((benchCpu.user + benchCpu.system) / 1000) / sentAt.size,
  };
  await Promise.all([server.stop(), worker?.stop()]);
  await zalo.close();
  const latencies = [...sentAt].flatMap(([u, t]) => (firstAck.has(u) ? [firstAck.get(u)! - t] : [])).sort((a, b) => a - b);
  return {
    sent: sentAt.size,
    sendSeconds,
    acknowledged: latencies.length,
    failed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? NaN,
    drainSeconds: (drainedAt - startedAt) / 1000 - sendSeconds,
    cpuMsPerEvent,
  };
}
