import { isIP } from 'node:net';
import { baseMapCoordinates, tileUrlTemplate } from '@urbangrid/domain';
import { clusterNodesSchema, hashTaggedPrefix } from '@urbangrid/redis';
import { z } from 'zod';
import { developmentSecrets, isKnownSecret } from './known-secrets.js';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const serviceNames = ['intake', 'dispatch', 'handling', 'supervision'] as const;
export type ServiceName = (typeof serviceNames)[number];

/**
 * A comma list of Content-Security-Policy sources: origins (`https://tiles.example.com`, a
 * `https://*.example.com` wildcard) or a scheme (`https:`). Nothing that could end the directive.
 */
const cspSources = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^(https?|wss?):(\/\/(\*\.)?[a-z0-9.-]+(:\d+)?(\/[^\s;,']*)?)?$/i,
          'expected an origin such as https://tiles.example.com (or https://*.example.com, or a scheme such as https:)',
        ),
    ),
  );

/** Every environment variable the system reads, in one place. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** What the app connects as: a role without UPDATE or DELETE on case_events (urbangrid_app). */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * The database's owner, for migrations and the operator's db:* commands; the migrate step also
   * gives DATABASE_URL's role its password. Unset: DATABASE_URL is taken to own the schema (one
   * role, which production refuses), or the processes leave migrating to `npm run db:migrate`.
   */
  DATABASE_OWNER_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * A streaming replica (hot standby) of the database: the supervision reports, the ledger exports
   * and the region platform read from it, so a month's report does not compete with the commands
   * on the primary. Unset: they read from DATABASE_URL.
   */
  DATABASE_REPLICA_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/ })
    .refine(
      (url) => /^\/?(\d+)?$/.test(new URL(url).pathname),
      'the path is the database number, e.g. redis://127.0.0.1:6379/0',
    )
    .optional(),
  /**
   * A Redis Cluster instead of one server: a comma list of host:port (any of its nodes; the rest
   * is discovered). When set, REDIS_URL is ignored and QUEUE_PREFIX gets a hash tag.
   */
  REDIS_CLUSTER_NODES: clusterNodesSchema.optional(),
  DEMO_PASSWORD: z.string().min(1).default('urbangrid'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Where `npm run db:backup` / `db:restore` find pg_dump and pg_restore; else PATH. */
  PG_BIN_DIR: z.string().min(1).optional(),
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
  /**
   * On SIGTERM or SIGINT, how long the requests and jobs in flight may take to finish before the
   * process closes its connections anyway (milliseconds). Keep it below the orchestrator's grace
   * period (docker-compose's stop_grace_period, Kubernetes' terminationGracePeriodSeconds).
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: 'expected a number of milliseconds' })
    .int('expected a whole number of milliseconds')
    .min(1_000, 'at least 1000 (milliseconds): requests in flight need time to finish')
    .max(600_000, 'at most 600000 (milliseconds, ten minutes)')
    .default(20_000),
  /** Prefix of every Redis key and the live channel; on a cluster wrapped as `{urbangrid}` (a hash tag). */
  QUEUE_PREFIX: z.string().min(1).default('urbangrid'),
  /** Signs access and refresh tokens; a development default outside production. */
  JWT_SECRET: z.string().min(16).optional(),
  /** 32 bytes, base64: encrypts reporters' phone numbers; a demo default outside production. */
  PHONE_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded as base64')
    .optional(),
  /**
   * How many days after a case has ended (closed, rejected, cancelled) its reporter's personal data
   * is kept: then a daily job erases it (name, phone, call id, phone numbers in the description,
   * callback notes), keeping the case, its history and its statistics (个人信息保存期限).
   */
  REPORTER_DATA_RETENTION_DAYS: z.coerce
    .number({ error: 'expected a number of days' })
    .int('expected a whole number of days')
    .min(1, 'at least 1 (day)')
    .max(3650, 'at most 3650 (days, ten years)')
    .default(180),
  /**
   * How long an access token lasts. Short, because a stolen one works until it expires; the console
   * refreshes it silently, so nobody is signed out mid-shift.
   */
  ACCESS_TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(30, 'at most 30 (minutes): a stolen access token works until it expires')
    .default(15),
  /** How long a session lasts unused: each refresh extends it by this much (a day by default). */
  REFRESH_TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 60),
  /**
   * The proxies in front of the process whose X-Forwarded-For to believe about the client's
   * address: unset or `false` none, else a comma list of their addresses, CIDR ranges or
   * `loopback`/`linklocal`/`uniquelocal` (the shipped gateway has a fixed address in
   * docker-compose). Only the entries these proxies appended count, so a client cannot pass off
   * an address of its choosing.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): false | string[] => {
      const value = v.trim();
      if (value === 'false') return false;
      if (value === 'true' || /^\d+$/.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message:
            "name the proxies' addresses (e.g. 172.30.10.10 or 10.0.0.0/8): `true` or a hop count would also believe a client that connects directly and writes its own X-Forwarded-For",
        });
        return z.NEVER;
      }
      const entries = value
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      if (entries.length === 0 || !entries.every(isProxyAddress)) {
        ctx.addIssue({
          code: 'custom',
          message:
            'expected false or a comma list of proxy addresses, CIDR ranges or loopback/linklocal/uniquelocal',
        });
        return z.NEVER;
      }
      return entries;
    }),
  /**
   * Sources the console may load images from beyond its own (comma list), e.g. the tile server of a
   * city's base map: `https://tiles.example.gov.cn`. Added to the Content-Security-Policy's img-src.
   */
  CSP_IMG_SOURCES: cspSources,
  /** Sources the console may fetch from beyond its own (comma list): CSP connect-src. */
  CSP_CONNECT_SOURCES: cspSources,
  /**
   * The console's base map from a tile server: a `{z}/{x}/{y}` URL template (`{s}` for its
   * subdomains), e.g. a city's 天地图 or AMap service. Its origin must be in CSP_IMG_SOURCES. Unset:
   * the base map the system draws from its own gazetteer (roads and places), for demo and offline
   * installs.
   */
  BASE_MAP_TILES: tileUrlTemplate.optional(),
  /** The base map's attribution, shown on every map (e.g. "© 天地图"). */
  BASE_MAP_ATTRIBUTION: z.string().max(300).default(''),
  /** The tiles' coordinate system: wgs84, or gcj02 (the Chinese services' shifted one). */
  BASE_MAP_COORDINATES: z.enum(baseMapCoordinates).default('wgs84'),
  /** Most open `/api/live` connections one user may hold in this process (tabs, the big screen). */
  LIVE_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(1000).default(8),
  /** When set, `/metrics` on the public port answers only `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** When set, `/metrics` is served on this port (of METRICS_HOST) and not on the public one. */
  METRICS_PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Largest JSON (or other non-multipart) request body; uploads have their own limits. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Secret for HMAC-signed webhooks. */
  WEBHOOK_SECRET: z.string().min(16).optional(),
  /**
   * Reporter updates (进度告知): the mail server emails go through (smtp:// or smtps://, with
   * credentials in the URL) and their sender; without SMTP_URL no email is sent.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).default('urbangrid <noreply@localhost>'),
  /** The SMS provider's adapter: a signed JSON POST per text message; without it none is sent. */
  SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Signs the SMS adapter's requests (X-Urbangrid-Signature); default WEBHOOK_SECRET. */
  SMS_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Where citizens reach the console's public pages: the links in reporter updates (`/r/<token>`). */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  MEDIA_DIR: z.string().min(1).optional(),
  /**
   * Signs each day's chain heads (Ed25519, PKCS#8 as PEM or base64 DER): a key the database does not
   * hold. Or AUDIT_SIGNING_KEY_FILE, a PEM file. A process that only verifies may be given the
   * public key alone (AUDIT_VERIFY_KEY). Outside production a key is made under DATA_DIR.
   */
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  AUDIT_VERIFY_KEY: z.string().min(1).optional(),
  /** Where the signed anchors are kept, one JSON file per city and day (default DATA_DIR/anchors). */
  ANCHOR_DIR: z.string().min(1).optional(),
  /** Read notices older than this many days are deleted by the nightly pruning (unread ones are kept). */
  NOTICE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * Load the demo region (its staff share DEMO_PASSWORD, its API keys are public) into an empty
   * database at start-up. Default: yes in development and tests, no in production, where it must
   * be asked for explicitly.
   */
  SEED_DEMO: flag.optional(),
  /**
   * Days of past cases the demo gives every city once its region is loaded (in the background
   * after start-up, logged city by city); 0 for none (the suites that count cases).
   */
  DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(366).default(90),
});

type Env = z.infer<typeof envSchema>;

export type Config = Omit<Env, 'SEED_DEMO' | 'TRUST_PROXY'> & {
  /** Whether an empty database gets the demo region (SEED_DEMO, resolved per NODE_ENV). */
  SEED_DEMO: boolean;
  /** fastify's `trustProxy`, parsed from TRUST_PROXY. */
  TRUST_PROXY: false | string[];
  jwtSecret: string;
  phoneEncryptionKey: Buffer;
  webhookSecret: string;
  mediaDir: string;
  anchorDir: string;
};

const proxyKeywords = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (proxyKeywords.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  if (address === undefined || rest.length > 0 || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}

export class ConfigError extends Error {}

const secretNames = new Set([
  'JWT_SECRET',
  'PHONE_ENCRYPTION_KEY',
  'WEBHOOK_SECRET',
  'DEMO_PASSWORD',
  'METRICS_TOKEN',
  'AUDIT_SIGNING_KEY',
  'SMS_WEBHOOK_SECRET',
]);

/** The value as it may appear in an error line: secrets hidden, URL passwords masked. */
function shownValue(name: string, value: string | undefined): string | undefined {
  if (value === undefined || secretNames.has(name)) return undefined;
  return value.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

const required = (name: string) => `Invalid environment variable ${name}: required in production`;
const publiclyKnown = (name: string, hint: string) =>
  `Invalid environment variable ${name}: a publicly known value (it is written in the repository, docker-compose or the development defaults); ${hint}`;
const randomHint = 'generate one, e.g. `openssl rand -base64 48`';

/**
 * What production refuses, as the one line naming the variable: a missing or publicly known
 * secret, a short token key, demo data not asked for by name, a database password from the
 * repository.
 */
function productionProblem(c: Env, env: Record<string, string>): string | undefined {
  for (const name of ['JWT_SECRET', 'PHONE_ENCRYPTION_KEY', 'WEBHOOK_SECRET'] as const) {
    const value = c[name];
    if (value === undefined) return required(name);
    if (isKnownSecret(value)) return publiclyKnown(name, randomHint);
  }
  if (Buffer.from(c.PHONE_ENCRYPTION_KEY ?? '', 'base64').equals(developmentPhoneKey)) {
    return publiclyKnown('PHONE_ENCRYPTION_KEY', randomHint);
  }
  if ((c.JWT_SECRET ?? '').length < 32) {
    return 'Invalid environment variable JWT_SECRET: at least 32 characters in production (it signs every session)';
  }
  if (c.METRICS_TOKEN !== undefined && isKnownSecret(c.METRICS_TOKEN)) {
    return publiclyKnown('METRICS_TOKEN', randomHint);
  }
  for (const name of ['DATABASE_URL', 'DATABASE_OWNER_URL', 'DATABASE_REPLICA_URL'] as const) {
    const databasePassword = passwordOf(c[name]);
    if (databasePassword !== undefined && isKnownSecret(databasePassword)) {
      return publiclyKnown(name, "give the database's role a password of its own");
    }
  }
  const signingKey = c.AUDIT_SIGNING_KEY ?? c.AUDIT_SIGNING_KEY_FILE;
  if (c.WORKERS && signingKey === undefined) {
    return "Invalid environment variable AUDIT_SIGNING_KEY: required in production where the workers run (it signs each day's chain heads; or AUDIT_SIGNING_KEY_FILE): e.g. `openssl genpkey -algorithm ed25519`";
  }
  if (signingKey === undefined && c.AUDIT_VERIFY_KEY === undefined) {
    return 'Invalid environment variable AUDIT_VERIFY_KEY: required in production (the public key that checks the signed anchors), unless AUDIT_SIGNING_KEY is given';
  }
  if (c.SEED_DEMO === true) {
    if (env.DEMO_PASSWORD === undefined || isKnownSecret(c.DEMO_PASSWORD)) {
      return publiclyKnown('DEMO_PASSWORD', 'SEED_DEMO=true in production needs a demo password of its own');
    }
  }
  return undefined;
}

const developmentPhoneKey = Buffer.from(developmentSecrets.phoneKey, 'base64');

function passwordOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const password = new URL(url).password;
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}

/** The origin of a tile URL template, its `{s}` subdomain as a wildcard. */
export function tileOrigin(template: string): string {
  const url = new URL(template.replace('{s}', 'subdomain').replace(/\{[a-z]+\}/gi, '0'));
  return `${url.protocol}//${url.host.replace(/^subdomain\./, '*.')}`;
}

/** Whether a CSP source list lets a page load images from the tile URL template. */
export function cspAllows(sources: readonly string[], template: string): boolean {
  const origin = tileOrigin(template);
  const { protocol } = new URL(origin.replace('*.', 'subdomain.'));
  return sources.some((source) => {
    const s = source.replace(/\/$/, '').toLowerCase();
    if (s === protocol) return true;
    if (s === origin.toLowerCase()) return true;
    const wildcard = /^(https?:)\/\/\*\.(.+)$/.exec(s);
    return wildcard !== null && wildcard[1] === protocol && origin.toLowerCase().endsWith(`.${wildcard[2]}`);
  });
}

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
  if (c.DATABASE_OWNER_URL !== undefined && c.DATABASE_URL === undefined) {
    throw new ConfigError(
      "Invalid environment variable DATABASE_OWNER_URL: set DATABASE_URL too (the app's own role on the same database)",
    );
  }
  if (c.BASE_MAP_TILES !== undefined && !cspAllows(c.CSP_IMG_SOURCES, c.BASE_MAP_TILES)) {
    throw new ConfigError(
      `Invalid environment variable BASE_MAP_TILES: its origin is not in CSP_IMG_SOURCES, so browsers would refuse the tiles; add ${tileOrigin(c.BASE_MAP_TILES)} there (and to img-src in docker/nginx.conf)`,
    );
  }
  const production = c.NODE_ENV === 'production';
  if (production) {
    const problem = productionProblem(c, present as Record<string, string>);
    if (problem !== undefined) throw new ConfigError(problem);
  }
  return {
    ...c,
    SEED_DEMO: c.SEED_DEMO ?? !production,
    // On a cluster every key of a prefix shares one slot, so BullMQ's multi-key scripts run.
    QUEUE_PREFIX: c.REDIS_CLUSTER_NODES ? hashTaggedPrefix(c.QUEUE_PREFIX) : c.QUEUE_PREFIX,
    jwtSecret: c.JWT_SECRET ?? developmentSecrets.jwt,
    phoneEncryptionKey: Buffer.from(c.PHONE_ENCRYPTION_KEY ?? developmentSecrets.phoneKey, 'base64'),
    webhookSecret: c.WEBHOOK_SECRET ?? developmentSecrets.webhook,
    mediaDir: c.MEDIA_DIR ?? `${c.DATA_DIR}/media`,
    anchorDir: c.ANCHOR_DIR ?? `${c.DATA_DIR}/anchors`,
  };
}
