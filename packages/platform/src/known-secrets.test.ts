import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { isKnownSecret } from './known-secrets.js';

const repoFile = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../${name}`, import.meta.url)), 'utf8');

const secretVariables = [
  'JWT_SECRET',
  'PHONE_ENCRYPTION_KEY',
  'WEBHOOK_SECRET',
  'METRICS_TOKEN',
  'POSTGRES_PASSWORD',
  'APP_DATABASE_PASSWORD',
  'DEMO_PASSWORD',
];

describe('the one list of publicly known secrets', () => {
  it('holds every secret value .env.example shows', () => {
    const values = [...repoFile('.env.example').matchAll(/^#?\s*([A-Z_]+)=(.*)$/gm)]
      .filter(([, name]) => secretVariables.includes(name ?? ''))
      .map(([, name, value]) => ({ name, value: value?.trim() ?? '' }));
    expect(values.map((v) => v.name)).toEqual(
      expect.arrayContaining([
        'JWT_SECRET',
        'PHONE_ENCRYPTION_KEY',
        'WEBHOOK_SECRET',
        'POSTGRES_PASSWORD',
        'APP_DATABASE_PASSWORD',
      ]),
    );
    for (const { name, value } of values) expect(isKnownSecret(value), `${name}=${value}`).toBe(true);
  });

  it('docker-compose gives no secret a fallback or a value of its own, and its database passwords are known', () => {
    const compose = repoFile('docker-compose.yml');
    for (const name of secretVariables) {
      // `${NAME:-x}` / `${NAME-x}` would start production with a value written here.
      const fallback = new RegExp(`\\$\\{${name}:?-([^}]*)\\}`).exec(compose);
      if (name === 'DEMO_PASSWORD') expect(fallback?.[1] ?? '').toBe('');
      else expect(fallback, `${name} has a fallback in docker-compose.yml`).toBeNull();
      const literal = new RegExp(`^\\s*${name}:\\s*(?!\\$\\{)(\\S+)`, 'm').exec(compose);
      expect(literal, `${name} is written into docker-compose.yml`).toBeNull();
    }
    // The services sign in as the app's role; only the migrate service has the owner's password.
    const databaseUrl = /\sDATABASE_URL:\s*(\S+)/.exec(compose)?.[1] ?? '';
    expect(databaseUrl).toContain('urbangrid_app:${APP_DATABASE_PASSWORD:?');
    const ownerUrls = [...compose.matchAll(/DATABASE_OWNER_URL:\s*(\S+)/g)].map((m) => m[1]);
    expect(ownerUrls).toEqual([expect.stringContaining('urbangrid:${POSTGRES_PASSWORD:?')]);
  });

  it('each is refused in production wherever a secret goes', () => {
    const strong = {
      NODE_ENV: 'production',
      JWT_SECRET: 'k6Xq0v3W9bT2mN8rY5pL1sD4fG7hJ0aZ',
      PHONE_ENCRYPTION_KEY: Buffer.alloc(32, 42).toString('base64'),
      WEBHOOK_SECRET: 'w-9f8e7d6c5b4a3928-17',
      AUDIT_SIGNING_KEY_FILE: '/run/secrets/audit-signing-key.pem',
    };
    for (const value of ['change-me-jwt-secret-please', 'replace-with-at-least-32-random-characters']) {
      expect(() => loadConfig({ ...strong, JWT_SECRET: value })).toThrow(
        /JWT_SECRET: a publicly known value/,
      );
      expect(() => loadConfig({ ...strong, WEBHOOK_SECRET: value })).toThrow(/WEBHOOK_SECRET/);
    }
    const compose = `postgres://urbangrid:replace-with-a-database-password@postgres:5432/urbangrid`;
    expect(() => loadConfig({ ...strong, DATABASE_URL: compose })).toThrow(
      /DATABASE_URL: a publicly known value/,
    );
    const app = `postgres://urbangrid_app:replace-with-another-database-password@postgres:5432/urbangrid`;
    expect(() => loadConfig({ ...strong, DATABASE_URL: app })).toThrow(
      /DATABASE_URL: a publicly known value/,
    );
    const strongApp = 'postgres://urbangrid_app:8c1f2e9a7b3d@postgres:5432/urbangrid';
    expect(() => loadConfig({ ...strong, DATABASE_URL: strongApp, DATABASE_OWNER_URL: compose })).toThrow(
      /DATABASE_OWNER_URL: a publicly known value/,
    );
  });
});
