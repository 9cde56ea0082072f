import { randomBytes } from 'node:crypto';
import {
  appRole,
  createDatabase,
  type Database,
  databaseUrl,
  dropDatabase,
  historyRewriteRight,
} from '@urbangrid/db';
import { dbTest as test } from '@urbangrid/test-support';
import { testEnvironment } from '@urbangrid/test-support/environment';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { InfrastructureError, prepareDatabase } from './local-infrastructure.js';

const production = { NODE_ENV: 'production' } as const;

async function asAdmin<T>(fn: (admin: Database['pool']) => Promise<T>): Promise<T> {
  const admin = createDatabase(testEnvironment.adminUrl, { max: 1 });
  try {
    return await fn(admin.pool);
  } finally {
    await admin.close();
  }
}

const unique = () => randomBytes(4).toString('hex');

describe('the database roles a process starts with', () => {
  test('the migrate step gives a login of its own the password from DATABASE_URL and the app role, not more', async ({
    database,
  }) => {
    const login = `ug_login_${unique()}`;
    const url = new URL(database.ownerUrl);
    url.username = login;
    url.password = randomBytes(12).toString('hex');
    try {
      const warnings: string[] = [];
      await prepareDatabase({ url: url.toString(), ownerUrl: database.ownerUrl }, production, (line) =>
        warnings.push(line),
      );
      expect(warnings).toEqual([]);
      const { rows } = await asAdmin((admin) =>
        admin.query<{ login: boolean; member: boolean; superuser: boolean }>(
          `select rolcanlogin as login, pg_has_role(oid, $2, 'MEMBER') as member, rolsuper as superuser
             from pg_roles where rolname = $1`,
          [login, appRole],
        ),
      );
      expect(rows).toEqual([{ login: true, member: true, superuser: false }]);
      // It works as the app does, and may not change the history.
      const app = createDatabase(url.toString(), { max: 1 });
      try {
        const read = await app.db.execute<{ n: number }>(sql`select count(*)::int as n from case_events`);
        expect(read.rows[0]?.n).toBeGreaterThanOrEqual(0);
        await expect(app.pool.query('delete from case_events')).rejects.toMatchObject({ code: '42501' });
      } finally {
        await app.close();
      }
      expect(await historyRewriteRight(url.toString())).toBeUndefined();
      // Twice is harmless (every process of a deployment may run the step).
      await prepareDatabase(
        { url: url.toString(), ownerUrl: database.ownerUrl },
        production,
        () => undefined,
      );
    } finally {
      await asAdmin((admin) => admin.query(`drop role if exists ${login}`));
    }
  });

  test('production refuses to run as a role that could rewrite the history; elsewhere it is a warning', async ({
    database,
  }) => {
    const owner = { url: database.ownerUrl };
    await expect(prepareDatabase(owner, production, () => undefined)).rejects.toThrow(
      new InfrastructureError(
        `DATABASE_URL's role could rewrite case history unseen (postgres is a superuser): connect as urbangrid_app and give the owner's URL as DATABASE_OWNER_URL (README, "Security").`,
      ),
    );
    const warnings: string[] = [];
    await prepareDatabase(owner, { NODE_ENV: 'development' }, (line) => warnings.push(line));
    expect(warnings).toEqual([expect.stringContaining('could rewrite case history unseen')]);
    // The app's own role passes.
    await prepareDatabase({ url: database.url }, production, () => undefined);
  });

  test('without the owner, the app role does not migrate a database: one line says how', async () => {
    const name = `urbangrid_test_roles_${unique()}`;
    await asAdmin((admin) => admin.query(`create database ${name}`));
    try {
      const ownerUrl = databaseUrl(testEnvironment.adminUrl, name);
      await expect(
        prepareDatabase({ url: testEnvironment.appUrl(ownerUrl) }, production, () => undefined),
      ).rejects.toThrow(
        /has migrations pending that its role may not apply: run `npm run db:migrate` with DATABASE_OWNER_URL/,
      );
      await prepareDatabase({ url: testEnvironment.appUrl(ownerUrl), ownerUrl }, production, () => undefined);
      // Migrated, the app's role starts without the owner.
      await prepareDatabase({ url: testEnvironment.appUrl(ownerUrl) }, production, () => undefined);
    } finally {
      await dropDatabase(testEnvironment.adminUrl, name);
    }
  });
});
