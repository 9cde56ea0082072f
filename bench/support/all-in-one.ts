/**
 * The all-in-one process (`services/app/src/main.ts`, what `npm start` runs) started as a child,
 * so a benchmark or the fault suite measures the real thing: its own HTTP server, workers, relay
 * and live hub, on the database and Redis it is given. Started with node itself (tsx as a loader)
 * so the child's pid is the server's: its peak memory can be read and it can be killed with -9.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import getPort from 'get-port';
import { processCpu } from './cpu-by-program.js';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

/** A TCP port nothing listens on now (get-port). */
export const freePort = (): Promise<number> => getPort({ host: '127.0.0.1' });

export interface AllInOneOptions {
  databaseUrl: string;
  redisUrl: string;
  port: number;
  queuePrefix: string;
  /** Defaults to warn: request logs at info would cost the benchmark as much as a report. */
  logLevel?: string;
  /** Extra environment. */
  env?: Record<string, string>;
  /** Where the child's output goes besides the last lines kept in memory (default: nowhere). */
  logFile?: NodeJS.WritableStream;
}

export interface AllInOne extends SystemProcess {
  readonly baseUrl: string;
  /** Resolves when /health answers 200 (PostgreSQL and Redis both up). */
  healthy(timeoutMs?: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitForHealth(
  baseUrl: string,
  timeoutMs: number,
  exited?: () => boolean,
): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < giveUpAt) {
    if (exited?.()) throw new Error(`the process exited before ${baseUrl}/health answered`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${baseUrl}/health did not answer 200 within ${timeoutMs} ms (${last})`);
}

/** A process of the system started as a child: the all-in-one, an API-only or a worker-only one. */
export interface SystemProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Whether the process has exited (crashed at start-up, or stopped). */
  exited(): boolean;
  /** The last lines the process wrote (stdout and stderr), oldest first. */
  lastLines(): string[];
  /** Peak and current resident memory of the process, in bytes (Linux /proc). */
  memory(): Promise<{ peakBytes: number; currentBytes: number }>;
  /** CPU time the process has used so far (user + system), in seconds (Linux /proc). */
  cpuSeconds(): Promise<number>;
  /** SIGKILL, no goodbye. */
  kill9(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

export type SystemProcessOptions = Omit<AllInOneOptions, 'port'>;

/** How many of a process's last lines are kept for a failure's message. */
const KEPT_LINES = 200;

/**
 * Reads the child's stdout and stderr as they come, always: a pipe nobody reads fills up and then
 * blocks the child's next write, which would look like a hung process. Every chunk is copied to
 * `logFile` (without waiting on it) and the last lines are kept in memory.
 */
function keepLastLines(child: ChildProcess, logFile: NodeJS.WritableStream | undefined): () => string[] {
  const lines: string[] = [];
  const partial = { stdout: '', stderr: '' };
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = child[name];
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      logFile?.write(chunk);
      const parts = (partial[name] + chunk).split('\n');
      partial[name] = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
    });
  }
  return () => [...lines, ...[partial.stdout, partial.stderr].filter(Boolean)];
}

/** Spawns `services/app/src/main.ts` with the options' environment plus `env`. */
function spawnSystemProcess(options: SystemProcessOptions, env: Record<string, string>): SystemProcess {
  const child = spawn(
    process.execPath,
    // The heap budget `npm start` and the Docker image give the process (package.json, Dockerfile).
    [
      '--max-old-space-size=256',
      // BENCH_NODE_ARGS: extra node flags for the system's processes, e.g. `--cpu-prof` to profile.
      ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--conditions=source',
      '--import',
      'tsx',
      path.join(repositoryRoot, 'services/app/src/main.ts'),
    ],
    {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        QUEUE_PREFIX: options.queuePrefix,
        LOG_LEVEL: options.logLevel ?? 'warn',
        // The suites count the cases they made: no demo history beside them.
        DEMO_HISTORY_DAYS: '0',
        ...env,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const tail = keepLastLines(child, options.logFile);
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start a process of the system');
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  return {
    pid,
    child,
    exited: () => exited,
    lastLines: tail,
    async memory() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kib = (field: string) =>
        Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      return { peakBytes: kib('VmHWM') * 1024, currentBytes: kib('VmRSS') * 1024 };
    },
    async cpuSeconds() {
      const cpu = await processCpu(pid);
      if (cpu === null) throw new Error(`process ${pid} is gone`);
      return cpu.seconds;
    },
    async kill9() {
      if (!exited) child.kill('SIGKILL');
      await exit;
    },
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** The all-in-one process (or, with `env: { WORKERS: 'false' }`, an API-only one) on `options.port`. */
export function startAllInOne(options: AllInOneOptions): AllInOne {
  const started = spawnSystemProcess(options, { PORT: String(options.port) });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  return {
    ...started,
    baseUrl,
    healthy: (timeoutMs = 180_000) => waitForHealth(baseUrl, timeoutMs, started.exited),
  };
}

/**
 * A worker-only process (HTTP=false): the engine's outbox relay and stage workers and the
 * publication scheduler, no HTTP server and so no port. It has no /health: readiness is its
 * workers showing up on the queues (see `support/bench-system.ts`).
 */
export function startWorkerProcess(options: SystemProcessOptions): SystemProcess {
  return spawnSystemProcess(options, { HTTP: 'false', WORKERS: 'true' });
}
