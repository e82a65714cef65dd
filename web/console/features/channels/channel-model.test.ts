import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHANNEL_HEALTHS } from '../../../../contracts/enums.ts';
import type { ChannelAccountView, ChannelFormField, Unit } from '../../../ui/api-types.ts';
import { vi } from '../../../ui/i18n/vi.ts';
import {
  canManageChannels,
  channelAlerts,
  checkField,
  checkFields,
  configToSend,
  fieldKeys,
  reasonKey,
  serverFieldProblems,
  tokenState,
  unitsInScope,
} from './channel-model.ts';

const NOW = new Date('2026-11-02T02:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();
const field = (over: Partial<ChannelFormField>): ChannelFormField => ({
  name: 'f',
  type: 'string',
  required: true,
  secret: false,
  pattern: null,
  minLength: null,
  maxLength: null,
  default: null,
  ...over,
});
const account = (over: Partial<ChannelAccountView>): ChannelAccountView => ({
  channel: 'zalo',
  accountId: '1',
  name: null,
  unit: { code: '26740', name: 'Phường Sài Gòn' },
  health: 'healthy',
  healthReason: null,
  lastEventAt: null,
  accessTokenExpiresAt: hours(48),
  tokenExpiresSoon: false,
  held: 0,
  dead: 0,
  queued: 0,
  sent24h: 0,
  failed24h: 0,
  followers: 0,
  ...over,
});

void test('token state: ok, soon within 24 h, expired, unknown', () => {
  assert.equal(tokenState({ accessTokenExpiresAt: hours(25) }, NOW), 'ok');
  assert.equal(tokenState({ accessTokenExpiresAt: hours(23.9) }, NOW), 'soon');
  assert.equal(tokenState({ accessTokenExpiresAt: hours(-1) }, NOW), 'expired');
  assert.equal(tokenState({ accessTokenExpiresAt: null }, NOW), 'unknown');
});

void test('the banner counts re-authorisations and tokens expiring within 24 h, not unknown expiries', () => {
  assert.deepEqual(channelAlerts([account({}), account({ accessTokenExpiresAt: null })], NOW), { reauth: 0, expiring: 0 });
  assert.deepEqual(
    channelAlerts(
      [
        account({ health: 'needs_reauth', accessTokenExpiresAt: hours(-2), tokenExpiresSoon: true }),
        account({ accessTokenExpiresAt: hours(3) }),
        account({ tokenExpiresSoon: true }),
      ],
      NOW,
    ),
    { reauth: 1, expiring: 2 },
  );
});

void test('client checks: required, pattern, lengths; optional empty fields pass', () => {
  assert.equal(checkField(field({}), '  '), 'required');
  assert.equal(checkField(field({ required: false }), ''), null);
  assert.equal(checkField(field({ pattern: '^\\d+$' }), '12a'), 'pattern');
  assert.equal(checkField(field({ pattern: '^\\d+$' }), ' 123 '), null, 'values are trimmed as the server does');
  assert.equal(checkField(field({ minLength: 3 }), 'ab'), 'tooShort');
  assert.equal(checkField(field({ maxLength: 3 }), 'abcd'), 'tooLong');
  assert.equal(checkField(field({ pattern: '(' }), 'x'), null, 'a pattern JavaScript cannot read is left to the server');
  assert.deepEqual(checkFields([field({ name: 'a' }), field({ name: 'b', pattern: '^v\\d+$' })], { b: 'x' }), {
    a: 'required',
    b: 'pattern',
  });
});

void test('server field errors map to the same problems', () => {
  const details = [
    { field: 'oaId', code: 'invalid_format', message: '…' },
    { field: 'accessToken', code: 'invalid_type', message: '…' },
    { field: 'appSecret', code: 'too_small', message: '…' },
    { field: 'other', code: 'custom', message: '…' },
    { nope: true },
  ];
  assert.deepEqual(serverFieldProblems(details, { oaId: 'x' }), {
    oaId: 'pattern',
    accessToken: 'required',
    appSecret: 'required',
    other: 'invalid',
  });
  assert.deepEqual(serverFieldProblems({ channel: 'x' }, {}), {});
});

void test('only non-empty trimmed values are sent', () => {
  assert.deepEqual(configToSend([field({ name: 'a' }), field({ name: 'b', required: false })], { a: ' 1 \n', b: '' }), {
    a: '1',
  });
});

void test('units in scope: the unit and everything below it', () => {
  const unit = (code: string, parentCode: string | null): Unit => ({
    code,
    parentCode,
    name: code,
    fullName: code,
    nameEn: null,
    type: 'ward',
  });
  const units = [unit('79', null), unit('SXD', '79'), unit('26740', '79'), unit('X1', '26740'), unit('X2', 'X1')];
  assert.deepEqual(
    unitsInScope(units, '79').map((u) => u.code),
    ['79', 'SXD', '26740', 'X1', 'X2'],
  );
  assert.deepEqual(
    unitsInScope(units, '26740').map((u) => u.code),
    ['26740', 'X1', 'X2'],
  );
});

void test('roles that manage channels mirror the server grant', () => {
  assert.deepEqual((['city_admin', 'unit_admin', 'officer', 'triage_operator', 'viewer'] as const).filter(canManageChannels), [
    'city_admin',
    'unit_admin',
  ]);
});

void test('labels exist for every health and known reason; unknown fields and reasons fall back', () => {
  for (const health of CHANNEL_HEALTHS) assert.ok(`channels.health.${health}` in vi, health);
  assert.equal(reasonKey('CHANNEL_AUTH_INVALID'), 'channels.reason.CHANNEL_AUTH_INVALID');
  assert.equal(reasonKey('SOMETHING_NEW'), null);
  assert.deepEqual(fieldKeys('zalo', 'oaId'), { label: 'channelField.zalo.oaId', hint: 'channelField.zalo.oaId.hint' });
  assert.deepEqual(fieldKeys('zalo', 'newField'), { label: null, hint: null });
});
