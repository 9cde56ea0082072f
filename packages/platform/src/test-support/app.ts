/**
 * Test helpers for every package that mounts routes on the platform (services' tests included):
 * an app over the file's own database and Redis prefix (from test/support/fixtures.ts), logins as
 * the demo staff, and problem+json assertions.
 */
import type { Db } from '@urbangrid/db';
import type { RedisClient } from '@urbangrid/redis';
import { expect } from 'vitest';
import { type App, type BuildAppOptions, buildApp } from '../app.js';
import type { Role } from '../auth/roles.js';
import { loadConfig } from '../config.js';
import type { ErrorCode } from '../errors.js';

/** One demo user per role (seeds/README.md). */
export const demoUserOf: Record<Role, string> = {
  grid_officer: 'officer1',
  intake_operator: 'operator1',
  shift_lead: 'shiftlead1',
  dispatcher: 'dispatcher1',
  department_handler: 'handler-sanitation-150102',
  supervisor: 'supervisor1',
  region_supervisor: 'region1',
  region_inspector: 'inspector1',
  admin: 'admin',
};

/** The password of every seeded user (api.md, DEMO_PASSWORD default). */
export const demoPassword = 'urbangrid';

export interface TestInfrastructure {
  database: { db: Db };
  redis: { client: RedisClient; prefix: string };
}

/**
 * `buildApp` for a test file: QUEUE_PREFIX is the file's Redis prefix (live channel and rate-limit
 * counters are its own), logs are silent unless a logger is given.
 */
export async function buildTestApp(
  infra: TestInfrastructure,
  options: Partial<BuildAppOptions> & { env?: Record<string, string> } = {},
): Promise<App> {
  const { env, ...rest } = options;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    QUEUE_PREFIX: infra.redis.prefix,
    ...env,
  });
  return buildApp({ config, db: infra.database.db, redis: infra.redis.client, ...rest });
}

interface LoginAnswer {
  token: string;
  refreshToken: string;
}

/** Signs in and returns the access and refresh tokens (fails the test when the login fails). */
export async function loginAs(app: App, username: string, password = demoPassword): Promise<LoginAnswer> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login as ${username} answered ${response.statusCode}: ${response.body}`);
  }
  return response.json<LoginAnswer>();
}

/**
 * The first login of an account an admin created (or whose password an admin reset): signs in with
 * the admin's password, replaces it with `newPassword` as the person must, and returns the session
 * that answers.
 */
export async function signInFirstTime(
  app: App,
  username: string,
  password: string,
  newPassword: string,
): Promise<LoginAnswer> {
  const forced = await loginAs(app, username, password);
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: bearer(forced.token),
    payload: { currentPassword: password, newPassword },
  });
  if (response.statusCode !== 200) {
    throw new Error(`the password change of ${username} answered ${response.statusCode}: ${response.body}`);
  }
  return response.json<LoginAnswer>();
}

/** `Authorization` header for a token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface InjectedResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** Asserts a problem+json answer of `status` and `code` and returns its body. */
export function expectProblem(
  response: InjectedResponse,
  status: number,
  code: ErrorCode,
): Record<string, unknown> {
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  return body;
}
