import { z } from 'zod';
import type { ChannelAdapter } from './channel.ts';

export type ConfigFormField = {
  name: string;
  type: 'string' | 'number' | 'boolean';
  required: boolean;
  /** Credentials: shown as a password input and never sent back. */
  secret: boolean;
  pattern: string | null;
  minLength: number | null;
  maxLength: number | null;
  default: string | null;
};

/** A field holds a credential when its name says so (pageToken, appSecret, oaSecretKey …). */
const SECRET_NAME = /token|secret|key/i;

type JsonProperty = { type?: unknown; pattern?: unknown; minLength?: unknown; maxLength?: unknown; default?: unknown };

/**
 * The settings form of a channel, read from its config schema (STYLE §4: the console renders it, nothing about a
 * provider is written twice). Uses the schema's input side, so fields with defaults are optional.
 */
export function configFormOf(adapter: Pick<ChannelAdapter<never>, 'configSchema'>): ConfigFormField[] {
  const json = z.toJSONSchema(adapter.configSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonProperty>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, p]) => ({
    name,
    type: p.type === 'number' || p.type === 'integer' ? 'number' : p.type === 'boolean' ? 'boolean' : 'string',
    required: required.has(name),
    secret: SECRET_NAME.test(name),
    pattern: typeof p.pattern === 'string' ? p.pattern : null,
    minLength: typeof p.minLength === 'number' ? p.minLength : null,
    maxLength: typeof p.maxLength === 'number' ? p.maxLength : null,
    default: p.default === undefined || p.default === null ? null : String(p.default),
  }));
}
