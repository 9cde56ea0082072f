import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('the Redis configuration', () => {
  it('REDIS_CLUSTER_NODES names a cluster and hash-tags QUEUE_PREFIX', () => {
    const config = loadConfig({
      REDIS_CLUSTER_NODES: 'redis-a:7000,redis-b:7001',
      REDIS_URL: 'redis://x:6379',
    });
    expect(config.REDIS_CLUSTER_NODES).toEqual([
      { host: 'redis-a', port: 7000 },
      { host: 'redis-b', port: 7001 },
    ]);
    expect(config.QUEUE_PREFIX).toBe('{urbangrid}');
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'a:7000', QUEUE_PREFIX: '{city}-prod' }).QUEUE_PREFIX).toBe(
      '{city}-prod',
    );
  });

  it('one server keeps QUEUE_PREFIX as given', () => {
    expect(loadConfig({ REDIS_URL: 'redis://x:6379' }).QUEUE_PREFIX).toBe('urbangrid');
  });

  it('a REDIS_URL whose path is not a database number is one line naming the variable', () => {
    expect(loadConfig({ REDIS_URL: 'redis://x:6379/3' }).REDIS_URL).toBe('redis://x:6379/3');
    expect(() => loadConfig({ REDIS_URL: 'redis://x:6379/cache' })).toThrow(
      /^Invalid environment variable REDIS_URL: the path is the database number, e\.g\. redis:\/\/127\.0\.0\.1:6379\/0 \(got "redis:\/\/x:6379\/cache"\)$/,
    );
  });

  it('a bad node list is one line naming the variable', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-a' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-a' })).toThrow(
      /^Invalid environment variable REDIS_CLUSTER_NODES: expected host:port \(got "redis-a"\)$/,
    );
  });
});

describe('production configuration', () => {
  const strong = {
    NODE_ENV: 'production',
    JWT_SECRET: 'k6Xq0v3W9bT2mN8rY5pL1sD4fG7hJ0aZ',
    PHONE_ENCRYPTION_KEY: Buffer.alloc(32, 42).toString('base64'),
    WEBHOOK_SECRET: 'w-9f8e7d6c5b4a3928-17',
    AUDIT_SIGNING_KEY_FILE: '/run/secrets/audit-signing-key.pem',
  } as const;

  it('starts with secrets of its own and no demo data', () => {
    const config = loadConfig(strong);
    expect(config.SEED_DEMO).toBe(false);
    expect(config.jwtSecret).toBe(strong.JWT_SECRET);
  });

  it('outside production the demo region loads unless SEED_DEMO=false', () => {
    expect(loadConfig({}).SEED_DEMO).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
  });

  it.each([
    ['JWT_SECRET', 'change-me-jwt-secret-please'],
    ['JWT_SECRET', 'urbangrid-demo-jwt-secret-not-for-production'],
    ['PHONE_ENCRYPTION_KEY', 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc='],
    ['WEBHOOK_SECRET', 'change-me-webhook-secret'],
    ['WEBHOOK_SECRET', 'urbangrid-demo-webhook-secret'],
    ['METRICS_TOKEN', 'replace-with-a-metrics-token'],
    ['DATABASE_URL', 'postgres://urbangrid:urbangrid@postgres:5432/urbangrid'],
  ])('refuses the publicly known %s "%s" with one line naming it', (name, value) => {
    const attempt = () => loadConfig({ ...strong, [name]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      new RegExp(`^Invalid environment variable ${name}: a publicly known value[^\\n]*$`),
    );
  });

  it.each(['JWT_SECRET', 'PHONE_ENCRYPTION_KEY', 'WEBHOOK_SECRET'])('requires %s', (name) => {
    const env: Record<string, string> = { ...strong };
    delete env[name];
    expect(() => loadConfig(env)).toThrow(`Invalid environment variable ${name}: required in production`);
  });

  it("requires the key that signs each day's chain heads where the workers run, its public half elsewhere", () => {
    const { AUDIT_SIGNING_KEY_FILE: _file, ...withoutKey } = strong;
    expect(() => loadConfig(withoutKey)).toThrow(
      /^Invalid environment variable AUDIT_SIGNING_KEY: required in production where the workers run/,
    );
    expect(() => loadConfig({ ...withoutKey, WORKERS: 'false' })).toThrow(
      /^Invalid environment variable AUDIT_VERIFY_KEY: required in production/,
    );
    expect(
      loadConfig({ ...withoutKey, WORKERS: 'false', AUDIT_VERIFY_KEY: 'MCowBQYDK2VwAyEA' }).WORKERS,
    ).toBe(false);
    expect(loadConfig({ ...withoutKey, AUDIT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEI' }).anchorDir).toBe(
      '.data/anchors',
    );
  });

  it('wants a token key of at least 32 characters', () => {
    expect(() => loadConfig({ ...strong, JWT_SECRET: 'sixteen-chars-ok-elsewhere' })).toThrow(
      /^Invalid environment variable JWT_SECRET: at least 32 characters/,
    );
  });

  it('loads demo data only when SEED_DEMO=true names it, and then not with the public demo password', () => {
    expect(
      loadConfig({ ...strong, SEED_DEMO: 'true', DEMO_PASSWORD: 'a-demo-password-of-its-own' }).SEED_DEMO,
    ).toBe(true);
    expect(() => loadConfig({ ...strong, SEED_DEMO: 'true' })).toThrow(
      /^Invalid environment variable DEMO_PASSWORD: a publicly known value/,
    );
    expect(() => loadConfig({ ...strong, SEED_DEMO: 'true', DEMO_PASSWORD: 'urbangrid' })).toThrow(
      /^Invalid environment variable DEMO_PASSWORD/,
    );
  });

  it('never shows a secret in the error line', () => {
    try {
      loadConfig({ ...strong, JWT_SECRET: 'change-me-jwt-secret-please' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('change-me');
    }
  });
});

describe('the access token lifetime and the proxies', () => {
  it('keeps access tokens at 30 minutes at most', () => {
    expect(loadConfig({}).ACCESS_TOKEN_TTL_MINUTES).toBeLessThanOrEqual(30);
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_MINUTES: '600' })).toThrow(
      /^Invalid environment variable ACCESS_TOKEN_TTL_MINUTES: at most 30/,
    );
  });

  it('TRUST_PROXY is off by default or names the proxies, never `true` or a hop count', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '172.30.10.10' }).TRUST_PROXY).toEqual(['172.30.10.10']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      'loopback',
    ]);
    for (const value of ['true', '1']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        /^Invalid environment variable TRUST_PROXY: name the proxies' addresses/,
      );
    }
    expect(() => loadConfig({ TRUST_PROXY: 'gateway' })).toThrow(/^Invalid environment variable TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(
      /^Invalid environment variable TRUST_PROXY/,
    );
  });
});

describe('the shutdown bound', () => {
  it('SHUTDOWN_TIMEOUT_MS is 20 s by default, and a bad value is one line naming it', () => {
    expect(loadConfig({}).SHUTDOWN_TIMEOUT_MS).toBe(20_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '45000' }).SHUTDOWN_TIMEOUT_MS).toBe(45_000);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '20s' })).toThrow(
      /^Invalid environment variable SHUTDOWN_TIMEOUT_MS: expected a number of milliseconds \(got "20s"\)$/,
    );
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '20' })).toThrow(
      /^Invalid environment variable SHUTDOWN_TIMEOUT_MS: at least 1000 \(milliseconds\)/,
    );
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '1500.5' })).toThrow(
      /^Invalid environment variable SHUTDOWN_TIMEOUT_MS: expected a whole number/,
    );
  });
});
