import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { configFormOf } from './config-form.ts';
import { facebookChannel } from './facebook/index.ts';
import { zaloChannel } from './zalo/index.ts';

const formOf = (schema: z.ZodType) => configFormOf({ configSchema: schema as z.ZodType<never> });

test('fields come from the schema: type, required, pattern, lengths, defaults', () => {
  const fields = formOf(
    z.object({
      id: z.string().regex(/^\d+$/),
      label: z.string().min(2).max(40).optional(),
      version: z.string().default('v1'),
      retries: z.number().int(),
      on: z.boolean(),
    }),
  );
  assert.deepEqual(fields, [
    {
      name: 'id',
      type: 'string',
      required: true,
      secret: false,
      pattern: '^\\d+$',
      minLength: null,
      maxLength: null,
      default: null,
    },
    { name: 'label', type: 'string', required: false, secret: false, pattern: null, minLength: 2, maxLength: 40, default: null },
    {
      name: 'version',
      type: 'string',
      required: false,
      secret: false,
      pattern: null,
      minLength: null,
      maxLength: null,
      default: 'v1',
    },
    {
      name: 'retries',
      type: 'number',
      required: true,
      secret: false,
      pattern: null,
      minLength: null,
      maxLength: null,
      default: null,
    },
    {
      name: 'on',
      type: 'boolean',
      required: true,
      secret: false,
      pattern: null,
      minLength: null,
      maxLength: null,
      default: null,
    },
  ]);
});

test('a field named like a token, secret or key is a secret', () => {
  const secrets = (schema: z.ZodType) =>
    formOf(schema)
      .filter((f) => f.secret)
      .map((f) => f.name);
  assert.deepEqual(secrets(facebookChannel.configSchema), ['pageToken', 'appSecret', 'verifyToken']);
  assert.deepEqual(secrets(zaloChannel.configSchema), ['oaSecretKey', 'accessToken', 'refreshToken', 'appSecret']);
  assert.deepEqual(secrets(z.object({ apiKey: z.string(), pageId: z.string() })), ['apiKey']);
});

test('the Facebook form: graphVersion is optional with its default', () => {
  const graph = formOf(facebookChannel.configSchema).find((f) => f.name === 'graphVersion');
  assert.equal(graph?.required, false);
  assert.equal(graph?.default, 'v25.0');
});

test('every field of every channel form has a label and a help text in both console catalogues', async () => {
  // The console labels fields by `channelField.<channel>.<field>`: a new config field needs its words too.
  const { vi } = await import('../../../web/ui/i18n/vi.ts');
  const { en } = await import('../../../web/ui/i18n/en.ts');
  const { allChannels } = await import('./registry.ts');
  for (const adapter of allChannels().filter((a) => a.capabilities.usesAccounts)) {
    for (const f of configFormOf(adapter)) {
      for (const key of [`channelField.${adapter.id}.${f.name}`, `channelField.${adapter.id}.${f.name}.hint`]) {
        assert.ok(key in vi && key in en, `${key} is missing from web/ui/i18n`);
      }
    }
  }
});
