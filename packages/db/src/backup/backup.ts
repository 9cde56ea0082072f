/**
 * Logical backup and restore of the whole database with PostgreSQL's own programs: pg_dump in its
 * custom format (compressed; one consistent snapshot, so every transaction committed before it
 * began is in it and none is half in it) and pg_restore. What they cannot give — point-in-time
 * recovery — is WAL archiving with pg_basebackup (README, "Backup and restore").
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { openStates } from '@urbangrid/domain';
import pg from 'pg';
import { appRole } from '../app-role.js';
import { createDatabase } from '../client.js';
import { reopenOutboxAfterRestore } from '../repositories/outbox.js';
import { BackupError } from './backup-error.js';
import { type FoundTool, findPgTool } from './pg-tools.js';

const run = promisify(execFile);

export interface PgToolOptions {
  /** PG_BIN_DIR: where pg_dump and pg_restore are; else PATH and Debian's directories. */
  binDir?: string;
  /** Where to look instead of PATH (tests). */
  searchDirs?: readonly string[];
}

/** The URL as it may appear in a message: its password masked. */
export function shownDatabaseUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

/**
 * A libpq connection for a child program: the URL without its password (which would show in `ps`)
 * and the password in PGPASSWORD.
 */
function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, PGCONNECT_TIMEOUT: '5', ...(password && { PGPASSWORD: password }) },
  };
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new BackupError(
      `Cannot reach PostgreSQL at ${shownDatabaseUrl(url)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The most telling line of a failed program's stderr. */
function failureLine(tool: FoundTool, error: unknown): string {
  const stderr = String((error as { stderr?: unknown }).stderr ?? '');
  const lines = stderr.split('\n').filter(Boolean);
  const line = lines.find((l) => l.includes('error:')) ?? lines.at(-1);
  const reason = line ?? (error instanceof Error ? error.message : String(error));
  return `${path.basename(tool.path)} failed: ${reason.replace(/^\S+: error: /, '').trim()}`;
}

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Dumps the database of `url` into `file` (custom format). Written beside it as `<file>.partial`
 * and renamed when complete, so an interrupted backup never leaves a file that looks whole.
 */
export async function backupDatabase(
  options: { url: string; file: string } & PgToolOptions,
): Promise<BackupResult> {
  const tool = await findPgTool('pg_dump', options);
  const server = await withClient(options.url, async (client) => {
    const { rows } = await client.query<{ num: string; version: string }>(
      "select current_setting('server_version_num') as num, current_setting('server_version') as version",
    );
    return { major: Math.floor(Number(rows[0]?.num) / 10_000), version: rows[0]?.version ?? '?' };
  });
  if (server.major > tool.major) {
    throw new BackupError(
      `pg_dump ${tool.version} cannot dump PostgreSQL ${server.version} (it must be of the server's major version or newer): install postgresql-client-${server.major} or set PG_BIN_DIR to its bin directory.`,
    );
  }
  const file = path.resolve(options.file);
  const partial = `${file}.partial`;
  await mkdir(path.dirname(file), { recursive: true });
  const connection = libpqConnection(options.url);
  try {
    await run(
      tool.path,
      ['--format=custom', `--file=${partial}`, '--no-password', `--dbname=${connection.dbname}`],
      {
        env: connection.env,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (error) {
    await rm(partial, { force: true });
    throw new BackupError(failureLine(tool, error));
  }
  await rename(partial, file);
  return { file, bytes: (await stat(file)).size };
}

export interface RestoreResult {
  database: string;
  /** Whether the database was created for the restore. */
  created: boolean;
  /** Outbox rows handed to the relay again (the queues' work at the time of the backup). */
  requeued: number;
}

/** Rows written this long before the backup's newest one are handed again whatever their case's state. */
const inFlightSeconds = 3600;

/**
 * Restores `file` into the database of `url`, created when it does not exist. Into a database that
 * already has tables only with `clean` (its objects are dropped first). One transaction: a restore
 * that fails leaves the database as it was. Owners and grants come back as dumped, so the roles
 * they name must exist on the target server (roles are global: `pg_dumpall --roles-only`).
 * The queues' work of the backup's moment is handed to the relay again (`reopenOutboxAfterRestore`):
 * the system must then start on queues that do not hold the old deployment's finished jobs (an
 * empty Redis or a new QUEUE_PREFIX), whose kept job ids would turn the replay into nothing.
 */
export async function restoreDatabase(
  options: { url: string; file: string; clean?: boolean } & PgToolOptions,
): Promise<RestoreResult> {
  const file = path.resolve(options.file);
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  const tool = await findPgTool('pg_restore', options);
  const database = databaseName(options.url);
  const adminUrl = new URL(options.url);
  adminUrl.pathname = '/postgres';
  const created = await withClient(adminUrl.toString(), async (client) => {
    await ensureAppRoleExists(client);
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount !== 0) return false;
    await client.query(`create database "${database.replace(/"/g, '""')}"`);
    return true;
  });
  const tables = await withClient(options.url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
    );
    return rows[0]?.n ?? 0;
  });
  if (tables > 0 && !options.clean) {
    throw new BackupError(
      `The database ${database} at ${shownDatabaseUrl(options.url)} already has ${tables} tables: restore into an empty database, or pass --clean to replace what it holds.`,
    );
  }
  const connection = libpqConnection(options.url);
  try {
    await run(
      tool.path,
      [
        '--single-transaction',
        '--exit-on-error',
        '--no-password',
        ...(options.clean ? ['--clean', '--if-exists'] : []),
        `--dbname=${connection.dbname}`,
        file,
      ],
      { env: connection.env, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    throw new BackupError(failureLine(tool, error));
  }
  return { database, created, requeued: await requeueWorkInFlight(options.url) };
}

/**
 * The backup grants the app's role (urbangrid_app, migration 0011) its privileges, and a restore
 * naming a role the server lacks fails: on a new server it is made first (without a login;
 * `npm run db:migrate` gives DATABASE_URL's login its password).
 */
async function ensureAppRoleExists(client: pg.Client): Promise<void> {
  const found = await client.query('select 1 from pg_roles where rolname = $1', [appRole]);
  if (found.rowCount !== 0) return;
  await client.query(`DO $$ BEGIN
    CREATE ROLE ${appRole} NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`);
}

/**
 * Hands the queues' work of a restored or recovered database's moment to the relay again (the
 * outbox rows of open cases and the last hour's rows); returns how many. `restoreDatabase` does it;
 * after a point-in-time recovery run it alone (`npm run db:requeue`).
 */
export async function requeueWorkInFlight(url: string): Promise<number> {
  const restored = createDatabase(url, { max: 1, applicationName: 'urbangrid-restore' });
  try {
    return await reopenOutboxAfterRestore(restored.db, {
      caseStates: openStates,
      recentSeconds: inFlightSeconds,
    });
  } finally {
    await restored.close();
  }
}
