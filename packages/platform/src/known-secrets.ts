/**
 * Every secret value that is public because it is written down somewhere: the development defaults
 * of config.ts, the fallbacks docker-compose once had, the placeholders of `.env.example`, the demo
 * password and the local database passwords. Production refuses each of them (config.ts); a test
 * (known-secrets.test.ts) reads docker-compose.yml and `.env.example` and fails when a value there
 * is missing from this list, so the list stays the one place.
 */

/** What config.ts uses outside production when a secret is not set. */
export const developmentSecrets = {
  jwt: 'urbangrid-demo-jwt-secret-not-for-production',
  /** 32 bytes of 0x07, base64. */
  phoneKey: 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=',
  webhook: 'urbangrid-demo-webhook-secret',
} as const;

export const knownSecrets: ReadonlySet<string> = new Set([
  ...Object.values(developmentSecrets),
  // docker-compose.yml's fallbacks before secrets came from .env.
  'change-me-jwt-secret-please',
  'change-me-webhook-secret',
  // .env.example's placeholders (copied without editing).
  'replace-with-at-least-32-random-characters',
  'replace-with-32-random-bytes-in-base64',
  'replace-with-a-database-password',
  'replace-with-another-database-password',
  'replace-with-a-metrics-token',
  'a-password-of-its-own',
  // The demo password (api.md) and the databases' passwords of docker-compose, the embedded
  // PostgreSQL and the PostgreSQL image's habit.
  'urbangrid',
  'urbangrid-local',
  'postgres',
]);

/** Whether `value` is one of the publicly known secrets. */
export function isKnownSecret(value: string): boolean {
  return knownSecrets.has(value.trim());
}
