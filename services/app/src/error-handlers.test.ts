/**
 * Issue 13: an 'error' listener that throws takes the process down (a Redis restart once did,
 * through a listener that logged `{ err: err.message }` of a string). Here the all-in-one and a
 * worker-only process are started as `npm start` starts them (startProcess with all-in-one.ts),
 * every 'error' listener our code puts on a Redis connection, a BullMQ queue or worker, a pg pool
 * or a socket is recorded as it is added, and each is fed a string, an Error and an Error without
 * a stack: none may throw, and the process answers /health afterwards. A listener found in the
 * sources (`.on('error'`) that the processes never added, and that is not a plain
 * `() => undefined`, fails the test: it would be a handler nobody fed.
 */
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { queueKinds } from '@urbangrid/engine';
import { type RunningProcess, startProcess } from '@urbangrid/platform';
import { captureLogLines } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { testEnvironment } from '@urbangrid/test-support/environment';
import { Queue, Worker } from 'bullmq';
import { Cluster, Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect } from 'vitest';
import { allInOne } from './all-in-one.js';

const root = path.resolve(import.meta.dirname, '../../..');

type Listener = (...args: unknown[]) => unknown;

interface Added {
  emitter: EventEmitter;
  listener: Listener;
  /** `path/from/root.ts:line` of our code that added it. */
  site: string;
}

/**
 * Where a listener was added, when our code added it itself: the caller's frame (the one below the
 * recording `on`) as `path/from/root.ts:line`, or undefined when a library added it (BullMQ's and
 * pg's own listeners are theirs to keep).
 */
function siteOf(stack: string): string | undefined {
  // BullMQ's queues and workers override `on` (typed events): look past such a method to its caller.
  const caller =
    stack
      .split('\n')
      .slice(2)
      .map((line) => line.trim())
      .find((line) => !/^at \S+\.(on|once|addListener) \(.*\/node_modules\//.test(line)) ?? '';
  const match = /\(?(?:file:\/\/)?(\/[^():]+\.ts):(\d+):\d+\)?$/.exec(caller);
  if (match === null) return undefined;
  const [, file, line] = match as unknown as [string, string, string];
  if (!file.startsWith(root) || file.includes('/node_modules/')) return undefined;
  return `${path.relative(root, file)}:${line}`;
}

/**
 * Records every 'error' listener our code adds to any EventEmitter until `restore()`. ioredis copies
 * EventEmitter's methods onto its classes' prototypes (a mixin), so those are patched too.
 */
function recordErrorListeners(): { added: Added[]; restore(): void } {
  const added: Added[] = [];
  const restores: Array<() => void> = [];
  for (const proto of [EventEmitter.prototype, Redis.prototype, Cluster.prototype] as EventEmitter[]) {
    const originals = { on: proto.on, addListener: proto.addListener, once: proto.once };
    for (const name of ['on', 'addListener', 'once'] as const) {
      const original = originals[name];
      proto[name] = function (this: EventEmitter, event: string | symbol, listener: Listener) {
        if (event === 'error') {
          const site = siteOf(new Error().stack ?? '');
          if (site !== undefined) added.push({ emitter: this, listener, site });
        }
        return original.call(this, event, listener);
      } as typeof original;
    }
    restores.push(() => Object.assign(proto, originals));
  }
  return {
    added,
    restore() {
      for (const restore of restores) restore();
    },
  };
}

/**
 * Listeners these processes do not add, each with why it cannot throw. Everything else in the
 * sources must be added (and so fed) here, or be a plain `() => undefined`.
 */
const notReached: Record<string, string> = {
  'packages/db/src/embedded-postgres-owner.ts':
    "the embedded PostgreSQL's port probe (DATABASE_URL is set here) only resolves its promise",
};

/** Every `.on('error'` in the sources the processes run (tests and test support left out). */
function errorListenersInSources(): { site: string; text: string }[] {
  const found: { site: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'test-support'].includes(entry.name)) walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        readFileSync(full, 'utf8')
          .split('\n')
          .forEach((text, i) => {
            if (/\.(on|once|addListener)\(\s*'error'/.test(text)) {
              found.push({ site: `${path.relative(root, full)}:${i + 1}`, text: text.trim() });
            }
          });
      }
    }
  };
  for (const top of ['packages', 'services']) {
    for (const part of readdirSync(path.join(root, top))) {
      // The console runs in the browser; its errors never reach a Node process.
      if (part !== 'console') walk(path.join(root, top, part, 'src'));
    }
  }
  return found;
}

function withoutStack(): Error {
  const error = new Error('connect ECONNREFUSED 127.0.0.1:6379');
  error.stack = undefined;
  return error;
}

describe("every 'error' listener survives what it may be handed", () => {
  redisTest(
    'fed a string, an Error and an Error without a stack, none throws and the process answers',
    { timeout: 120_000 },
    async ({ database, redis }) => {
      if (testEnvironment.redis.kind !== 'server') return; // the cluster suite has its own processes
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'urbangrid-error-handlers-'));
      const log = captureLogLines();
      const env = {
        NODE_ENV: 'test',
        LOG_LEVEL: 'debug',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        REDIS_URL: testEnvironment.redis.url,
        QUEUE_PREFIX: redis.prefix,
      };
      const recording = recordErrorListeners();
      const started: RunningProcess[] = [];
      try {
        started.push(await startProcess(allInOne(), { env, logDestination: log.stream }));
        started.push(
          await startProcess(allInOne(), { env: { ...env, HTTP: 'false' }, logDestination: log.stream }),
        );
        recording.restore();
        const { added } = recording;

        // Every listener in the sources was added by these processes, or cannot throw.
        const sites = new Set(added.map((a) => a.site));
        const unfed = errorListenersInSources().filter(
          (l) =>
            !sites.has(l.site) &&
            !/'error', \(\) => undefined\)/.test(l.text) &&
            notReached[l.site.split(':')[0] ?? ''] === undefined,
        );
        expect(unfed).toEqual([]);
        // Redis connections, queues, workers and the pg pool are among them.
        const of = (kind: abstract new (...args: never[]) => unknown) =>
          added.filter((a) => a.emitter instanceof kind).length;
        expect(of(Redis)).toBeGreaterThanOrEqual(4);
        expect(of(Queue)).toBeGreaterThanOrEqual(queueKinds.length);
        expect(of(Worker)).toBeGreaterThanOrEqual(queueKinds.length);
        expect(of(pg.Pool)).toBeGreaterThanOrEqual(1);

        const thrown: string[] = [];
        for (const { emitter, listener, site } of added) {
          for (const value of [
            'READONLY You cannot write against a read only replica.',
            new Error('boom'),
            withoutStack(),
          ]) {
            try {
              await listener.call(emitter, value);
            } catch (error) {
              thrown.push(
                `${site} (${emitter.constructor.name}) threw ${String(error)} when fed ${String(value)}`,
              );
            }
          }
        }
        expect(thrown).toEqual([]);
        // The listeners logged what they were fed, and the process still answers.
        expect(log.lines.join('')).toContain('live hub: Redis does not answer');
        const address = started[0]?.http?.server.address() as AddressInfo;
        const health = await fetch(`http://127.0.0.1:${address.port}/health`);
        expect(health.status).toBe(200);
      } finally {
        recording.restore();
        for (const running of started.reverse()) await running.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
