import { clusterNodesSchema, hashTaggedPrefix } from '@urbangrid/redis';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const serviceNames = ['intake', 'dispatch', 'handling', 'supervision'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** Every environment variable the system reads, in one place. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /**
   * A Redis Cluster instead of one server: a comma list of host:port (any of its nodes; the rest
   * is discovered). When set, REDIS_URL is ignored and QUEUE_PREFIX gets a hash tag.
   */
  REDIS_CLUSTER_NODES: clusterNodesSchema.optional(),
  DEMO_PASSWORD: z.string().min(1).default('urbangrid'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Which services this process mounts (comma list); all by default, one in docker-compose. */
  SERVICES: z
    .string()
    .default(serviceNames.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(serviceNames)).min(1)),
  /** Whether this process also runs the engine's workers and relay. */
  WORKERS: flag.default(true),
  /** Whether this process serves HTTP at all (a pure worker process sets false). */
  HTTP: flag.default(true),
  /** Prefix of every Redis key and the live channel; on a cluster wrapped as `{urbangrid}` (a hash tag). */
  QUEUE_PREFIX: z.string().min(1).default('urbangrid'),
  /** Signs access tokens; a demo default outside production. */
  JWT_SECRET: z.string().min(16).optional(),
  /** 32 bytes, base64: encrypts reporters' phone numbers; a demo default outside production. */
  PHONE_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded as base64')
    .optional(),
  /** How long an access token lasts: a working shift, so nobody is signed out mid-shift. */
  ACCESS_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).default(600),
  /** How long a refresh token lasts (a week by default). */
  REFRESH_TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(7 * 24 * 60),
  /** Largest JSON (or other non-multipart) request body; uploads have their own limits. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Secret for HMAC-signed webhooks. */
  WEBHOOK_SECRET: z.string().min(16).optional(),
  MEDIA_DIR: z.string().min(1).optional(),
  /** Load the demo region into an empty database at start-up. */
  SEED_DEMO: flag.default(true),
});

export type Config = z.infer<typeof envSchema> & {
  jwtSecret: string;
  phoneEncryptionKey: Buffer;
  webhookSecret: string;
  mediaDir: string;
};

export class ConfigError extends Error {}

const secretNames = new Set(['JWT_SECRET', 'PHONE_ENCRYPTION_KEY', 'WEBHOOK_SECRET', 'DEMO_PASSWORD']);

/** The value as it may appear in an error line: secrets hidden, URL passwords masked. */
function shownValue(name: string, value: string | undefined): string | undefined {
  if (value === undefined || secretNames.has(name)) return undefined;
  return value.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

const demoSecrets = {
  jwt: 'urbangrid-demo-jwt-secret-not-for-production',
  phoneKey: Buffer.alloc(32, 7).toString('base64'),
  webhook: 'urbangrid-demo-webhook-secret',
};

/** Parses the environment; a bad value throws a ConfigError whose message is one line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const value = shownValue(name, present[name]);
    throw new ConfigError(
      `Invalid environment variable ${name}: ${issue?.message ?? 'invalid'}${value === undefined ? '' : ` (got "${value}")`}`,
    );
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production') {
    for (const name of ['JWT_SECRET', 'PHONE_ENCRYPTION_KEY', 'WEBHOOK_SECRET'] as const) {
      if (!c[name]) throw new ConfigError(`Invalid environment variable ${name}: required in production`);
    }
  }
  return {
    ...c,
    // On a cluster every key of a prefix shares one slot, so BullMQ's multi-key scripts run.
    QUEUE_PREFIX: c.REDIS_CLUSTER_NODES ? hashTaggedPrefix(c.QUEUE_PREFIX) : c.QUEUE_PREFIX,
    jwtSecret: c.JWT_SECRET ?? demoSecrets.jwt,
    phoneEncryptionKey: Buffer.from(c.PHONE_ENCRYPTION_KEY ?? demoSecrets.phoneKey, 'base64'),
    webhookSecret: c.WEBHOOK_SECRET ?? demoSecrets.webhook,
    mediaDir: c.MEDIA_DIR ?? `${c.DATA_DIR}/media`,
  };
}
