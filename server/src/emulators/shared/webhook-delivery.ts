import { createHttpClient, type PooledHttpClient } from '../../lib/http-client.ts';
import type { EmulatorClock } from './clock.ts';

/**
 * Delivers webhook bodies to a callback URL, retrying on failure with a provider's schedule.
 * The body is sent byte-for-byte as given (the caller signs exactly those bytes).
 */
export type RetryPolicy = {
  /** Delay before each retry, in order, counted from the previous attempt; after the last one the update is dropped. */
  delaysMs: number[];
  /** How long one attempt may take before it counts as failed. */
  timeoutMs: number;
  /** 'any-failure': non-2xx, timeouts and connection errors are retried; 'connection-only': only unreachable URLs. */
  retryOn: 'any-failure' | 'connection-only';
};

export type WebhookAttempt = { attempt: number; atMs: number; status: number | null; error?: string };

export type WebhookDelivery = {
  id: number;
  body: string;
  /** Headers of the first attempt (retries may add e.g. `num_retry`). */
  headers: Record<string, string>;
  attempts: WebhookAttempt[];
  state: 'pending' | 'delivered' | 'dropped';
};

export type WebhookDeliverer = {
  deliver(body: string): WebhookDelivery;
  readonly deliveries: readonly WebhookDelivery[];
  /** Resolves once no attempt is in flight (scheduled retries may remain). */
  settled(): Promise<void>;
  /** Runs every scheduled retry now instead of waiting (tests and the page's "retry now" button). */
  retryNow(): Promise<void>;
  close(): void;
};

type Options = {
  url: () => string | null;
  policy: RetryPolicy;
  clock: EmulatorClock;
  /** Headers for attempt n (0 = first). Signatures go here. */
  headers: (body: string, attempt: number) => Record<string, string>;
  onGiveUp?: (delivery: WebhookDelivery) => void;
};

export function createWebhookDeliverer(options: Options): WebhookDeliverer {
  const deliveries: WebhookDelivery[] = [];
  const timers = new Map<number, { timer: NodeJS.Timeout; run: () => Promise<void> }>();
  const inFlight = new Set<Promise<void>>();
  // Kept-alive connections to the callback, as a provider's delivery fleet would; the policy's timeout bounds
  // each attempt (the client rejects with a TimeoutError).
  const http: PooledHttpClient = createHttpClient({ timeoutMs: options.policy.timeoutMs });
  let nextId = 1;
  let closed = false;

  function track(p: Promise<void>): Promise<void> {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  }

  async function attempt(delivery: WebhookDelivery): Promise<void> {
    const url = options.url();
    const n = delivery.attempts.length;
    const record: WebhookAttempt = { attempt: n, atMs: options.clock.now(), status: null };
    delivery.attempts.push(record);
    let isConnectionFailure = false;
    if (!url) {
      record.error = 'no webhook URL configured';
      isConnectionFailure = true;
    } else {
      try {
        const res = await http(url, { method: 'POST', headers: options.headers(delivery.body, n), body: delivery.body });
        record.status = res.status;
        if (res.ok) {
          delivery.state = 'delivered';
          return;
        }
      } catch (err) {
        const name = err instanceof Error ? err.name : '';
        record.error = name === 'TimeoutError' ? 'timeout' : err instanceof Error ? err.message : String(err);
        isConnectionFailure = name !== 'TimeoutError';
      }
    }
    if (options.policy.retryOn === 'connection-only' && !isConnectionFailure) {
      delivery.state = 'dropped';
      options.onGiveUp?.(delivery);
      return;
    }
    schedule(delivery);
  }

  function schedule(delivery: WebhookDelivery): void {
    const delay = options.policy.delaysMs[delivery.attempts.length - 1];
    if (delay === undefined || closed) {
      delivery.state = 'dropped';
      options.onGiveUp?.(delivery);
      return;
    }
    const run = () => {
      timers.delete(delivery.id);
      return track(attempt(delivery));
    };
    const timer = setTimeout(() => void run(), delay);
    timer.unref();
    timers.set(delivery.id, { timer, run });
  }

  return {
    deliver(body) {
      const delivery: WebhookDelivery = { id: nextId++, body, headers: options.headers(body, 0), attempts: [], state: 'pending' };
      deliveries.push(delivery);
      void track(attempt(delivery));
      return delivery;
    },
    deliveries,
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async retryNow() {
      const due = [...timers.values()];
      for (const { timer } of due) clearTimeout(timer);
      await Promise.all(due.map(({ run }) => run()));
    },
    close() {
      closed = true;
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
      void http.close().catch(() => undefined);
    },
  };
}
