import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';

type View = {
  channel: string;
  accountId: string;
  name: string | null;
  unit: { code: string };
  health: string;
  tokenExpiresSoon: boolean;
  accessTokenExpiresAt: string | null;
  held: number;
};
type Form = { channel: string; fields: { name: string; required: boolean; secret: boolean; pattern: string | null }[] };
type ErrorBody = { error: { code: string; details?: { field: string; code: string }[] } };

/** Fake but well-formed credentials; no provider is called when an account is connected. */
const zalo = (oaId: string) => ({
  oaId,
  appId: '4318834917716423000',
  oaSecretKey: `oa-secret-${oaId}-Xq8`,
  accessToken: `zalo-access-${oaId}-Jd9`,
  refreshToken: `zalo-refresh-${oaId}-Pk2`,
  appSecret: `zalo-app-secret-${oaId}-Wm4`,
});
const SECRET_FIELDS = ['oaSecretKey', 'accessToken', 'refreshToken', 'appSecret'] as const;

describeEachEngine('staff channel administration', (db) => {
  let t: TestApp;
  /** Every response body, checked at the end for credentials. */
  const bodies: string[] = [];
  const secretsSent: string[] = [];
  type Session = Awaited<ReturnType<TestApp['login']>>;
  const call = async (s: Session | null, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) => {
    const config = payload?.config as Record<string, string> | undefined;
    if (config) for (const f of SECRET_FIELDS) if (config[f]) secretsSent.push(config[f]);
    const r = await t.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });
    bodies.push(r.body);
    return r;
  };
  const accounts = async () => (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM channel_accounts'))[0]!.n;

  before(async () => {
    t = await buildTestApp(db());
  });

  after(() => {
    assert.ok(secretsSent.length > 0);
    for (const body of bodies)
      for (const secret of secretsSent) assert.ok(!body.includes(secret), 'a response carried a credential');
  });

  test('a city admin connects a Zalo OA and sees it healthy; reconnecting updates it', async () => {
    const admin = await t.login('admin@gandan.local');
    const before = t.channelChanges();
    const r = await call(admin, 'POST', '/api/staff/channels', {
      channel: 'zalo',
      unitCode: '26740',
      name: 'Zalo OA Phường Sài Gòn',
      config: zalo('1234567890123456789'),
    });
    assert.equal(r.statusCode, 201, r.body);
    assert.deepEqual(r.json(), { channel: 'zalo', accountId: '1234567890123456789', created: true });
    assert.equal(t.channelChanges(), before + 1, 'the running process reloads its channels');

    const list = (await call(admin, 'GET', '/api/staff/channels')).json() as View[];
    const oa = list.find((v) => v.accountId === '1234567890123456789');
    assert.ok(oa);
    assert.equal(oa.channel, 'zalo');
    assert.equal(oa.name, 'Zalo OA Phường Sài Gòn');
    assert.equal(oa.unit.code, '26740');
    assert.equal(oa.health, 'healthy');
    assert.equal(oa.accessTokenExpiresAt, null);
    assert.equal(oa.tokenExpiresSoon, false);
    assert.equal(oa.held, 0);

    // Pasted values are trimmed; reconnecting keeps one row.
    const config = Object.fromEntries(Object.entries(zalo('1234567890123456789')).map(([k, v]) => [k, ` ${v}\n`]));
    const again = await call(admin, 'POST', '/api/staff/channels', { channel: 'zalo', unitCode: '26740', config });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal((again.json() as { created: boolean }).created, false);
    const stored = await t.ctx.db.query<{ secrets: string; name: string }>(
      "SELECT secrets, name FROM channel_accounts WHERE account_id = '1234567890123456789'",
    );
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.name, 'Zalo OA Phường Sài Gòn', 'an omitted name keeps the stored one');
    assert.deepEqual(JSON.parse(t.box.open(stored[0]!.secrets)), zalo('1234567890123456789'));
    assert.ok(!stored[0]!.secrets.includes('zalo-access'), 'stored encrypted');
  });

  test('an officer sees the health of the accounts of the unit subtree but cannot connect one', async () => {
    const officer = await t.login('canbo.saigon@gandan.local');
    const r = await call(officer, 'POST', '/api/staff/channels', {
      channel: 'zalo',
      unitCode: '26740',
      config: zalo('2222222222'),
    });
    assert.equal(r.statusCode, 403);
    assert.equal((r.json() as ErrorBody).error.code, 'FORBIDDEN');
    const list = (await call(officer, 'GET', '/api/staff/channels')).json() as View[];
    assert.deepEqual(
      list.map((v) => v.accountId),
      ['1234567890123456789'],
    );

    const otherWard = await t.login('canbo.linhxuan@gandan.local');
    assert.deepEqual((await call(otherWard, 'GET', '/api/staff/channels')).json(), [], 'another ward sees none of them');
  });

  test('a unit admin connects accounts in the own ward only and cannot take over another unit’s account', async () => {
    const admin = await t.login('admin@gandan.local');
    assert.equal(
      (await call(admin, 'POST', '/api/staff/channels', { channel: 'zalo', unitCode: '26800', config: zalo('3333333333') }))
        .statusCode,
      201,
    );

    const unitAdmin = await t.login('truongphong.saigon@gandan.local');
    const n = await accounts();
    const elsewhere = await call(unitAdmin, 'POST', '/api/staff/channels', {
      channel: 'zalo',
      unitCode: '26800',
      config: zalo('4444444444'),
    });
    assert.equal(elsewhere.statusCode, 422);
    assert.equal((elsewhere.json() as ErrorBody).error.code, 'UNIT_NOT_FOUND');
    const city = await call(unitAdmin, 'POST', '/api/staff/channels', {
      channel: 'zalo',
      unitCode: '79',
      config: zalo('4444444444'),
    });
    assert.equal((city.json() as ErrorBody).error.code, 'UNIT_NOT_FOUND', 'the parent unit is out of scope too');
    const takeOver = await call(unitAdmin, 'POST', '/api/staff/channels', {
      channel: 'zalo',
      unitCode: '26740',
      config: zalo('3333333333'),
    });
    assert.equal(takeOver.statusCode, 403);
    assert.equal(await accounts(), n, 'nothing stored');
    const unknownUnit = await call(unitAdmin, 'POST', '/api/staff/channels', {
      channel: 'zalo',
      unitCode: 'NOPE',
      config: zalo('4444444444'),
    });
    assert.equal((unknownUnit.json() as ErrorBody).error.code, 'UNIT_NOT_FOUND');

    const own = await call(unitAdmin, 'POST', '/api/staff/channels', {
      channel: 'zalo',
      unitCode: '26740',
      config: zalo('5555555555'),
    });
    assert.equal(own.statusCode, 201, own.body);
    const list = (await call(unitAdmin, 'GET', '/api/staff/channels')).json() as View[];
    assert.deepEqual(list.map((v) => v.accountId).sort(), ['1234567890123456789', '5555555555']);
  });

  test('an invalid configuration answers field errors and stores nothing', async () => {
    const admin = await t.login('admin@gandan.local');
    const n = await accounts();
    const { accessToken: _omitted, ...partial } = zalo('123');
    const r = await call(admin, 'POST', '/api/staff/channels', {
      channel: 'zalo',
      unitCode: '26740',
      config: { ...partial, oaId: 'oa-abc', appSecret: '   ' },
    });
    assert.equal(r.statusCode, 422);
    const body = r.json() as ErrorBody;
    assert.equal(body.error.code, 'CHANNEL_CONFIG_INVALID');
    const byField = Object.fromEntries((body.error.details ?? []).map((d) => [d.field, d.code]));
    assert.deepEqual(byField, { oaId: 'invalid_format', accessToken: 'invalid_type', appSecret: 'invalid_type' });
    assert.equal(await accounts(), n);

    const portal = await call(admin, 'POST', '/api/staff/channels', { channel: 'portal', unitCode: '26740', config: {} });
    assert.equal((portal.json() as ErrorBody).error.code, 'CHANNEL_CONFIG_INVALID', 'the portal has no accounts');
    const malformed = await call(admin, 'POST', '/api/staff/channels', {
      channel: 'zalo',
      unitCode: '26740',
      config: { oaId: 12 },
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(await accounts(), n);
  });

  test('the forms list the fields of Facebook and Zalo with secrets marked', async () => {
    const officer = await t.login('canbo.saigon@gandan.local');
    const forms = (await call(officer, 'GET', '/api/staff/channels/forms')).json() as Form[];
    assert.deepEqual(forms.map((f) => f.channel).sort(), ['facebook', 'zalo']);
    const fields = (channel: string) =>
      Object.fromEntries(forms.find((f) => f.channel === channel)!.fields.map((f) => [f.name, f]));
    const fb = fields('facebook');
    assert.deepEqual(Object.keys(fb), ['pageId', 'pageToken', 'appSecret', 'verifyToken', 'graphVersion']);
    assert.deepEqual(
      Object.values(fb)
        .filter((f) => f.secret)
        .map((f) => f.name),
      ['pageToken', 'appSecret', 'verifyToken'],
    );
    assert.equal(fb.pageId?.pattern, '^\\d+$');
    assert.equal(fb.graphVersion?.required, false);
    const za = fields('zalo');
    assert.deepEqual(Object.keys(za), ['oaId', 'appId', 'oaSecretKey', 'accessToken', 'refreshToken', 'appSecret']);
    assert.deepEqual(
      Object.values(za)
        .filter((f) => f.secret)
        .map((f) => f.name),
      ['oaSecretKey', 'accessToken', 'refreshToken', 'appSecret'],
    );
    assert.ok(Object.values(za).every((f) => f.required));
  });

  test('channel endpoints need a session, and writes the CSRF token', async () => {
    assert.equal((await call(null, 'GET', '/api/staff/channels')).statusCode, 401);
    assert.equal((await call(null, 'GET', '/api/staff/channels/forms')).statusCode, 401);
    const admin = await t.login('admin@gandan.local');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/staff/channels',
      headers: { cookie: admin.cookie },
      payload: { channel: 'zalo', unitCode: '26740', config: zalo('6666666666') },
    });
    assert.equal(r.statusCode, 403);
    assert.equal((r.json() as ErrorBody).error.code, 'CSRF_TOKEN_INVALID');
  });
});
