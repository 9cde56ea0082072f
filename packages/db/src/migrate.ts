import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { ensureAppLogin } from './app-role.js';

/** migrations/ at the repository root, written by drizzle-kit generate. */
export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

/**
 * Applies every pending migration; safe to run concurrently from several processes (advisory lock).
 * `url` is the database's owner. With `appUrl`, the app's login is then made ready too (its role,
 * membership of urbangrid_app and password: app-role.ts).
 */
export async function runMigrations(url: string, options: { appUrl?: string } = {}): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(7710001)');
    await migrate(drizzle(client), { migrationsFolder });
    if (options.appUrl !== undefined) await ensureAppLogin(client, url, options.appUrl);
  } finally {
    await client.query('select pg_advisory_unlock(7710001)').catch(() => undefined);
    await client.end();
  }
}

/**
 * How many migrations the database at `url` has not had, read as any role may (the app's role
 * may not create drizzle's bookkeeping table, so it cannot run the migrator to find out). A
 * database whose bookkeeping this role may not read has not had migration 0011, which grants it.
 */
export async function pendingMigrations(url: string): Promise<number> {
  const all = readMigrationFiles({ migrationsFolder });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ last: string | null }>(
      'select max(created_at) as last from drizzle.__drizzle_migrations',
    );
    const last = Number(rows[0]?.last ?? -1);
    return all.filter((migration) => migration.folderMillis > last).length;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // undefined table or schema (nothing migrated yet), permission denied (before 0011).
    if (code === '42P01' || code === '3F000' || code === '42501') return all.length;
    throw error;
  } finally {
    await client.end();
  }
}
