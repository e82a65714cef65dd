import path from 'node:path';
import { z } from 'zod';

/** The process environment, read once and validated (CONTRACTS.md §1). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  GANDAN_DATA_DIR: z.string().default('./data'),
  GANDAN_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  GANDAN_PUBLIC_URL: z.string().url().optional(),
  GANDAN_SECRET_KEY: z.string().min(16).optional(),
  GANDAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FACEBOOK_GRAPH_URL: z.string().url().default('https://graph.facebook.com'),
  ZALO_OPENAPI_URL: z.string().url().default('https://openapi.zalo.me'),
  ZALO_OAUTH_URL: z.string().url().default('https://oauth.zaloapp.com'),
  // Optional raster tiles under the portal's ward map ({z}/{x}/{y}); off by default: the map needs no tile server.
  GANDAN_MAP_TILE_URL: z.string().regex(/^https:\/\/.*\{z\}.*\{x\}.*\{y\}/u, 'an https URL template with {z}, {x} and {y}').optional(),
  GANDAN_MAP_TILE_ATTRIBUTION: z.string().max(200).optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  role: 'all' | 'api' | 'worker';
  publicUrl: string;
  secretKey: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['GANDAN_LOG_LEVEL'];
  providers: { facebookGraphUrl: string; zaloOpenApiUrl: string; zaloOAuthUrl: string };
  map: { tileUrl: string | null; tileAttribution: string | null };
};

/** Parses the environment; throws a readable error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.GANDAN_DATA_DIR),
    role: e.GANDAN_ROLE,
    publicUrl: (e.GANDAN_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    secretKey: e.GANDAN_SECRET_KEY,
    logLevel: e.GANDAN_LOG_LEVEL,
    providers: {
      facebookGraphUrl: e.FACEBOOK_GRAPH_URL.replace(/\/$/, ''),
      zaloOpenApiUrl: e.ZALO_OPENAPI_URL.replace(/\/$/, ''),
      zaloOAuthUrl: e.ZALO_OAUTH_URL.replace(/\/$/, ''),
    },
    map: { tileUrl: e.GANDAN_MAP_TILE_URL ?? null, tileAttribution: e.GANDAN_MAP_TILE_ATTRIBUTION ?? null },
  };
}
