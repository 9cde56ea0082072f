/**
 * Starts the all-in-one process (`services/app/src/main.ts`, console included) on a fresh
 * database for the browser walk, or uses the one at CONSOLE_E2E_URL when given. The server's log
 * goes to test-artifacts/console-e2e/server.log.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { testEnvironment } from '@urbangrid/test-support/environment';
import getPort from 'get-port';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const appUrl = testEnvironment.appUrl;

const root = fileURLToPath(new URL('../..', import.meta.url));
export const artifacts = `${root}test-artifacts/console-e2e/`;
const adminUrl = process.env.E2E_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    consoleUrl: string;
    /**
     * The database as its owner, for a test that must do what only time does (a stage deadline
     * running out) through the engine; empty against CONSOLE_E2E_URL without CONSOLE_E2E_DATABASE_URL.
     */
    databaseUrl: string;
    /**
     * A free port for a test's own tile server (city-basemap.e2e.ts): the console's CSP lets images
     * come from http://127.0.0.1 on it, and from nowhere else outside.
     */
    tilePort: number;
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with ${child.exitCode}; see ${artifacts}server.log`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the server did not answer /health within ${timeoutMs} ms`);
}

/** SIGTERM (the server drains and stops its workers), SIGKILL when it is still there after 30 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(artifacts, { recursive: true });
  // Screenshots of an earlier run would mix with this one's (they are numbered by order).
  for (const name of readdirSync(artifacts)) if (name.endsWith('.png')) rmSync(`${artifacts}${name}`);
  const given = process.env.CONSOLE_E2E_URL;
  if (given) {
    project.provide('consoleUrl', given.replace(/\/$/, ''));
    project.provide('databaseUrl', process.env.CONSOLE_E2E_DATABASE_URL ?? '');
    // That server's CSP_IMG_SOURCES must name http://127.0.0.1:<CONSOLE_E2E_TILE_PORT>.
    project.provide('tilePort', Number(process.env.CONSOLE_E2E_TILE_PORT ?? 0));
    return async () => undefined;
  }
  const database = `urbangrid_console_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const port = await getPort({ host: '127.0.0.1' });
  const tilePort = await getPort({ host: '127.0.0.1', exclude: [port] });
  const url = `http://127.0.0.1:${port}`;
  const ownerUrl = adminUrl.replace(/\/[^/]*$/, `/${database}`);
  const log = createWriteStream(`${artifacts}server.log`);
  // node itself, not npx: a signal to npx does not reach the server it starts, which then outlived
  // the run (holding the log pipe open, so vitest never exited).
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'services/app/src/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        // As a deployment runs: migrations as the owner, the app as urbangrid_app (its login and
        // password made by the migrate step from this URL).
        DATABASE_OWNER_URL: ownerUrl,
        DATABASE_URL: appUrl(ownerUrl),
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: `console-e2e-${process.pid}`,
        LOG_LEVEL: 'info',
        // The walk finds the cases it reported: no demo history beside them.
        DEMO_HISTORY_DAYS: '0',
        // A city's tile server, as a test serves it (city-basemap.e2e.ts).
        CSP_IMG_SOURCES: `http://127.0.0.1:${tilePort}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const teardown = async () => {
    await stop(child);
    log.end();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${database} with (force)`);
    await cleanup.end();
  };
  try {
    await waitForHealth(url, child, 180_000);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('consoleUrl', url);
  project.provide('databaseUrl', ownerUrl);
  project.provide('tilePort', tilePort);
  return teardown;
}
