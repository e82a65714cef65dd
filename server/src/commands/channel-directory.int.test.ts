import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { describeEachEngine } from '../../test/fresh-db.ts';
import type { Db } from '../db/client.ts';
import { createLogger } from '../lib/logger.ts';
import { addChannelAccount } from './add-channel-account.ts';
import { createChannelDirectory } from './channel-directory.ts';

const zaloConfig = (oaId: string) => ({
  oaId,
  appId: '4242424242',
  oaSecretKey: 'oa-secret',
  accessToken: 'at',
  refreshToken: 'rt',
  appSecret: 'app-secret',
});

describeEachEngine('channel directory: a newly connected account is never answered "ignored"', (db) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(db());
  });
  const directoryOn = (q: Db) =>
    createChannelDirectory({
      db: q,
      clock: t.clock,
      box: t.box,
      http: fetch,
      baseUrls: { facebookGraphUrl: '', zaloOpenApiUrl: '', zaloOAuthUrl: '' },
      log: createLogger('silent'),
    });
  const connect = (oaId: string) =>
    addChannelAccount({ ...t.ctx, box: t.box }, { channel: 'zalo', unitCode: '26800', config: zaloConfig(oaId) });

  test('an invalidation while a load is in flight is not undone by that load', async () => {
    // The load reads the accounts before the new one is committed, and finishes after the invalidation.
    let releaseLoad: () => void = () => undefined;
    const gate = new Promise<void>((r) => (releaseLoad = r));
    let gated = true;
    const slowDb: Db = {
      ...t.ctx.db,
      query: async (sql, params, options) => {
        const rows = await t.ctx.db.query(sql, params, options);
        if (gated && sql.includes('FROM channel_accounts')) {
          gated = false;
          await gate;
        }
        return rows as never;
      },
    };
    await connect('1000000000000000003');
    const directory = directoryOn(slowDb);
    const early = directory.find('zalo', '1000000000000000003');
    await new Promise((r) => setTimeout(r, 20));
    await connect('1000000000000000001');
    directory.invalidate(); // what `channel add` through this process does
    releaseLoad();
    assert.equal((await early)?.row.accountId, '1000000000000000003');
    // The clock has not moved: a cache filled by the early load would answer from its older rows.
    assert.equal((await directory.find('zalo', '1000000000000000001'))?.row.accountId, '1000000000000000001');
  });

  test('an account connected by another process is found on the first webhook a second later, not after the cache expires', async () => {
    const directory = directoryOn(t.ctx.db);
    assert.equal(await directory.find('zalo', '1000000000000000002'), undefined);
    await connect('1000000000000000002'); // another process: no invalidation reaches this directory
    assert.equal(
      await directory.find('zalo', '1000000000000000002'),
      undefined,
      'within a second of the last load: from the cache',
    );
    t.clock.advance(1_001);
    assert.equal((await directory.find('zalo', '1000000000000000002'))?.row.accountId, '1000000000000000002');
  });
});
