/**
 * The fault suite's own PostgreSQL and Redis, on free ports under a temporary directory, so
 * killing and restarting them harms no one else's tests. PostgreSQL comes from the distribution's
 * binaries (initdb, pg_ctl; as the `postgres` user when run as root, since PostgreSQL refuses
 * root); Redis from `redis-server` with an append-only file fsynced on every write, so a kill -9
 * loses nothing it acknowledged — as a production Redis holding BullMQ's queues would be set up.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../../bench/support/all-in-one.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)');
}

export interface OwnPostgres {
  readonly port: number;
  /** The `urbangrid` database on it. */
  readonly url: string;
  /** Stops at once, as a crash does (no checkpoint, sessions cut): away until `start()`. */
  crash(): Promise<void>;
  /** Stops as an operator does (`pg_ctl stop -m fast`: every session is terminated). */
  stop(): Promise<void>;
  /** Starts again after `stop()`, on the same port and data. */
  start(): Promise<void>;
}

/** Runs a PostgreSQL binary, as the `postgres` user when this process is root. */
async function postgresRunner(directory: string, data: string) {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses a data directory others may read.
  mkdirSync(data, { recursive: true, mode: 0o700 });
  if (asRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    chownSync(directory, uid, gid);
    chownSync(data, uid, gid);
  }
  return (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args])
      : run(path.join(bin, command), args);
}

type PostgresRunner = Awaited<ReturnType<typeof postgresRunner>>;

/** The server of `data` on `port` as an OwnPostgres (started already). */
function ownPostgres(as: PostgresRunner, directory: string, data: string, port: number): OwnPostgres {
  const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const start = async () => {
    await as('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(directory, 'postgres.log'),
      '-o',
      options,
      '-w',
      '-t',
      '120',
      'start',
    ]);
  };
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/urbangrid`,
    async crash() {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    },
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    },
    start,
  };
}

export async function startOwnPostgres(directory: string): Promise<OwnPostgres> {
  const data = path.join(directory, 'pgdata');
  const as = await postgresRunner(directory, data);
  await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  const server = ownPostgres(as, directory, data, await freePort());
  await server.start();
  await as('createdb', ['-h', '127.0.0.1', '-p', String(server.port), '-U', 'postgres', 'urbangrid']);
  return server;
}

/**
 * A hot standby of `primary` (pg_basebackup -R: a copy of its data that streams its WAL and
 * answers read-only queries), on a free port under `directory` — as a deployment's reporting
 * replica is made. initdb's trust lines admit the replication connection.
 */
export async function startOwnStandby(primary: OwnPostgres, directory: string): Promise<OwnPostgres> {
  const data = path.join(directory, 'pgdata');
  const as = await postgresRunner(directory, data);
  await as('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    data,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  const server = ownPostgres(as, directory, data, await freePort());
  await server.start();
  return server;
}

export interface OwnRedis {
  readonly port: number;
  readonly url: string;
  /** kill -9: Redis is away until `start()`. */
  stop(): Promise<void>;
  /** Starts again after `stop()`, on the same port and append-only file. */
  start(): Promise<void>;
}

export async function startOwnRedis(directory: string): Promise<OwnRedis> {
  const port = await freePort();
  mkdirSync(directory, { recursive: true });
  let server: ChildProcess | undefined;
  const start = async () => {
    server = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        directory,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i++) {
      try {
        const { stdout } = await run('redis-cli', ['-p', String(port), 'ping']);
        if (stdout.trim() === 'PONG') return;
      } catch {
        // not up yet
      }
      await sleep(100);
    }
    throw new Error(`redis-server on ${port} did not start`);
  };
  const kill = async () => {
    const current = server;
    // Killed already (a signal leaves exitCode null): waiting for another 'exit' would never end.
    if (current === undefined || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((resolve) => current.once('exit', resolve));
    current.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: kill,
    start,
  };
}
