import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { OutboundMessage, SendResult } from '../domain/message/message.ts';
import type { ChannelAdapter, HttpClient, RawWebhook, SendContext } from './channel.ts';

export type ProviderErrorCase = {
  name: string;
  /** The provider's answer to the send call. */
  respond: () => Response;
  expect: Pick<SendResult, 'kind'> & { code?: string; afterMs?: number };
};

export type ChannelContractOptions<Config> = {
  adapter: ChannelAdapter<Config>;
  config: Config;
  /** Folder of `*.json` fixtures. Files named `ignored-*.json` must yield no events; every other one at least one. */
  fixturesDir: string;
  /** Builds a correctly signed webhook request for these raw bytes. */
  sign: (rawBody: Buffer, config: Config) => RawWebhook;
  /** A message the provider accepts (used for the error table). */
  message: OutboundMessage;
  /** The provider's success answer to `message`. */
  respondSent: () => Response;
  errorCases: ProviderErrorCase[];
};

const baseUrls = { facebookGraphUrl: 'https://graph.test', zaloOpenApiUrl: 'https://openapi.test', zaloOAuthUrl: 'https://oauth.test' };

/** An HttpClient that answers with `respond` and fails the test on any call it did not expect. */
export function fakeHttp(respond: ((url: string, init: RequestInit) => Response | undefined) | undefined): HttpClient & { calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  const http = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const res = respond?.(url, init);
    if (!res) throw new Error(`unexpected HTTP call in a channel test: ${init.method ?? 'GET'} ${url}`);
    return res;
  };
  return Object.assign(http, { calls });
}

export const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/**
 * The behaviour every channel adapter must show (STYLE §11): parses every fixture, rejects bad signatures,
 * maps provider errors to retry / failed / held, and never calls the network unmocked.
 */
export function runChannelContract<Config>(opts: ChannelContractOptions<Config>): void {
  const { adapter, config } = opts;
  const fixtures = readdirSync(opts.fixturesDir).filter((f) => f.endsWith('.json')).sort();
  const ctx = (http: HttpClient): SendContext<Config> => ({ config, http, baseUrls, now: () => new Date() });

  void describe(`channel contract: ${adapter.id}`, () => {
    void it('has a config schema that accepts the test config', () => {
      assert.ok(adapter.configSchema.safeParse(config).success);
      assert.equal(adapter.configSchema.safeParse({}).success, false);
    });

    for (const file of fixtures) {
      void it(`parses fixture ${file}`, () => {
        const raw = readFileSync(path.join(opts.fixturesDir, file));
        const events = adapter.parseWebhook(JSON.parse(raw.toString('utf8')));
        if (file.startsWith('ignored-')) assert.deepEqual(events, []);
        else assert.ok(events.length > 0, 'at least one event');
        for (const e of events) assert.ok(e.occurredAt instanceof Date && !Number.isNaN(e.occurredAt.getTime()), 'occurredAt is a valid date');
        // The account the webhook route looks up before storing must be the one each event belongs to; otherwise
        // the delivery is dropped as "unknown account" and its events never reach the worker.
        const accounts = adapter.webhookAccountIds(JSON.parse(raw.toString('utf8')));
        for (const e of events) assert.ok(accounts.includes(e.channelAccount), `webhookAccountIds ${JSON.stringify(accounts)} names the event's account ${e.channelAccount}`);
        assert.equal(adapter.verifyWebhook(opts.sign(raw, config), config), true, 'signed fixture verifies');
      });
    }

    void it('ignores unknown payloads without throwing', () => {
      for (const body of [null, 42, 'x', {}, { object: 'user' }, { entry: 'x' }, { event_name: 'unknown_event' }]) assert.deepEqual(adapter.parseWebhook(body), []);
    });

    void it('rejects bad signatures', () => {
      const raw = readFileSync(path.join(opts.fixturesDir, fixtures[0]!));
      const good = opts.sign(raw, config);
      const tampered = { ...good, rawBody: Buffer.concat([raw, Buffer.from(' ')]) };
      assert.equal(adapter.verifyWebhook(tampered, config), false, 'tampered body');
      assert.equal(adapter.verifyWebhook({ ...good, headers: {} }, config), false, 'missing header');
      const wrong = Object.fromEntries(Object.entries(good.headers).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[0-9a-f]$/, (c) => (c === '0' ? '1' : '0')) : v]));
      assert.equal(adapter.verifyWebhook({ ...good, headers: wrong }, config), false, 'wrong signature');
      assert.equal(adapter.verifyWebhook({ ...good, headers: { ...good.headers, ...Object.fromEntries(Object.keys(good.headers).map((k) => [k, 'short'])) } }, config), false, 'malformed header');
    });

    void it('sends through the injected client only', async () => {
      const http = fakeHttp(() => opts.respondSent());
      const result = await adapter.send(opts.message, ctx(http));
      assert.equal(result.kind, 'sent');
      assert.ok(http.calls.length >= 1);
      for (const call of http.calls) assert.ok(Object.values(baseUrls).some((u) => call.url.startsWith(u)), `base URL from SendContext: ${call.url}`);
    });

    void it('turns a network failure into a retry', async () => {
      const http: HttpClient = async () => {
        throw new TypeError('fetch failed');
      };
      assert.equal((await adapter.send(opts.message, ctx(http))).kind, 'retry');
    });

    for (const c of opts.errorCases) {
      void it(`maps provider error: ${c.name}`, async () => {
        const result = await adapter.send(opts.message, ctx(fakeHttp(() => c.respond())));
        assert.equal(result.kind, c.expect.kind);
        if (c.expect.code) assert.equal('code' in result ? result.code : undefined, c.expect.code);
        if (c.expect.afterMs !== undefined) assert.equal(result.kind === 'retry' ? result.afterMs : undefined, c.expect.afterMs);
      });
    }
  });
}
