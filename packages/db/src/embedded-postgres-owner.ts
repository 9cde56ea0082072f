/**
 * Whose PostgreSQL answers on a port: the embedded launcher attaches only to the server running
 * its own data directory. Two checkouts on one machine share the default port (54329) and the
 * embedded server's credentials, so "something answers and accepts our password" would otherwise
 * hand the second checkout the first one's database.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import pg from 'pg';

export type PortHolder =
  | { readonly kind: 'nobody' }
  | { readonly kind: 'ours' }
  | { readonly kind: 'other'; readonly what: string };

/** Whether anything accepts TCP connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/**
 * The system identifier initdb wrote for this data directory: the first field of
 * `global/pg_control` (a uint64 in the machine's byte order), what `pg_control_system()` reports.
 */
export function systemIdentifier(databaseDir: string): bigint | undefined {
  try {
    return readFileSync(path.join(databaseDir, 'global', 'pg_control')).readBigUInt64LE(0);
  } catch {
    return undefined;
  }
}

/**
 * The port a server running this data directory listens on, from its `postmaster.pid` (line 4),
 * so a server that had to move off the default port is found again. Undefined when none runs.
 */
export function postmasterPort(databaseDir: string): number | undefined {
  try {
    const port = Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

function resolvedPath(dir: string): string | undefined {
  try {
    return realpathSync(dir);
  } catch {
    return undefined;
  }
}

/**
 * Whether the server on `port` runs `databaseDir`. Decided by its `data_directory`: a server whose
 * directory exists here under another path is another server — a copied checkout's `.data` keeps
 * the original's system identifier, so the identifier alone would mistake the copy for us. Only
 * when its directory is not visible from here (a server in a container with a mounted volume) does
 * the system identifier in our `pg_control` decide.
 */
export async function whoHoldsPort(
  port: number,
  databaseDir: string,
  credentials: { user: string; password: string },
): Promise<PortHolder> {
  if (!(await listening(port))) return { kind: 'nobody' };
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    database: 'postgres',
    ...credentials,
    connectionTimeoutMillis: 2_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch {
    return { kind: 'other', what: "a process that refuses the embedded PostgreSQL's login" };
  }
  try {
    const { rows } = await client.query<{ dir: string; id: string }>(
      "select current_setting('data_directory') as dir, system_identifier::text as id from pg_control_system()",
    );
    const theirs = rows[0];
    if (theirs === undefined) return { kind: 'other', what: 'a server that did not say its data directory' };
    const ours = resolvedPath(databaseDir);
    const theirDir = resolvedPath(theirs.dir);
    if (theirDir !== undefined) {
      return ours !== undefined && theirDir === ours
        ? { kind: 'ours' }
        : { kind: 'other', what: `the PostgreSQL of ${theirs.dir}` };
    }
    const ourId = existsSync(databaseDir) ? systemIdentifier(databaseDir) : undefined;
    return ourId !== undefined && String(ourId) === theirs.id
      ? { kind: 'ours' }
      : { kind: 'other', what: `the PostgreSQL of ${theirs.dir} (system ${theirs.id})` };
  } catch {
    return { kind: 'other', what: 'a server that did not say its data directory' };
  } finally {
    await client.end().catch(() => undefined);
  }
}
