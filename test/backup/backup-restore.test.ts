/**
 * `npm run db:backup` taken while reports arrive over HTTP, `npm run db:restore` into a fresh
 * database, and the system started on what came back: every report acknowledged before the
 * backup began is there, every event chain verifies, the restored outbox drains into the queues
 * and the restored system takes new reports.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cases, createDatabase, databaseUrl, dropDatabase, outbox } from '@urbangrid/db';
import { stages } from '@urbangrid/domain';
import { deadlineJobId, verifyChains } from '@urbangrid/engine';
import { startTestEngine } from '@urbangrid/engine/test-support';
import { intakeService } from '@urbangrid/intake';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { testEnvironment } from '@urbangrid/test-support/environment';
import { count, isNull } from 'drizzle-orm';
import { describe, expect } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run <script> -- <args>` as an operator runs it: the app's DATABASE_URL and the owner's
 * DATABASE_OWNER_URL, which the command works as.
 */
function npmRun(script: string, args: string[], ownerUrl: string) {
  return run('npm', ['run', '--silent', script, '--', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: testEnvironment.appUrl(ownerUrl), DATABASE_OWNER_URL: ownerUrl },
  });
}

const hotlineReport = (n: number) => ({
  source: 'hotline',
  categoryCode: 'E0101',
  description: `garbage piled by the road, call ${n}`,
  location: { lat: 40.83, lng: 111.67 },
});

async function startIntake(infra: Parameters<typeof startTestEngine>[0]) {
  const engine = await startTestEngine(infra);
  const app: App = await buildTestApp(infra, {
    live: false,
    services: [intakeService({ engine: engine.context })],
  });
  await app.ready();
  const { token } = await loginAs(app, 'operator1');
  const report = async (n: number): Promise<string> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/intake/reports',
      headers: bearer(token),
      payload: hotlineReport(n),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const close = async () => {
    await app.close();
    await engine.stop();
  };
  return { engine, app, report, close };
}

describe('backup and restore', () => {
  redisTest(
    'a backup taken under intake load restores into a database the system runs on, nothing acknowledged before it lost',
    { timeout: 180_000 },
    async ({ database, redis }) => {
      const directory = await mkdtemp(path.join(tmpdir(), 'urbangrid-backup-'));
      const file = path.join(directory, 'urbangrid.dump');
      const restoredName = `${database.name}_restored`;
      const restoredUrl = databaseUrl(testEnvironment.adminUrl, restoredName);
      let beforeBackup: string[] = [];
      const source = await startIntake({ database, redis });
      try {
        // Four clients report until the backup has finished (a call every 50 ms or so each: enough
        // to be writing throughout, not so much that the restored system has hours of work).
        const acknowledged: string[] = [];
        let reporting = true;
        let n = 0;
        const clients = Array.from({ length: 4 }, async () => {
          while (reporting) {
            acknowledged.push(await source.report(n++));
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        });
        while (acknowledged.length < 12) await new Promise((resolve) => setTimeout(resolve, 20));

        beforeBackup = [...acknowledged];
        const backup = await npmRun('db:backup', [file], database.ownerUrl);
        const duringBackup = acknowledged.length - beforeBackup.length;
        reporting = false;
        await Promise.all(clients);
        expect(backup.stdout).toMatch(
          /^Backed up postgres:\/\/.* to .*urbangrid\.dump \([\d.]+ MB\) in [\d.]+ s\n$/,
        );
        // The load really ran across the backup, so it proves something about a busy database.
        expect(duringBackup).toBeGreaterThan(0);

        const restore = await npmRun('db:restore', [file], restoredUrl);
        expect(restore.stdout).toContain(`into the new database ${restoredUrl}`);
      } finally {
        await source.close();
      }

      // The system runs on it as the app's role: the grants came back with the tables.
      const restored = createDatabase(testEnvironment.appUrl(restoredUrl), { max: 5 });
      try {
        // Every report acknowledged before the backup began came back (ids are the primary key: once).
        const ids = new Set((await restored.db.select({ id: cases.id }).from(cases)).map((row) => row.id));
        expect(beforeBackup.filter((id) => !ids.has(id))).toEqual([]);

        // The system starts on it: the outbox rows the backup caught unrelayed go to the queues.
        const system = await startIntake({ database: restored, redis });
        try {
          await system.engine.settle();
          const [pending] = await restored.db
            .select({ n: count() })
            .from(outbox)
            .where(isNull(outbox.relayedAt));
          expect(pending?.n).toBe(0);
          // The cases caught between report and assignment moved on, and every stage clock ticks
          // again: the timer of its next light is armed in the new queues.
          const restoredCases = await restored.db
            .select({
              id: cases.id,
              state: cases.state,
              stage: cases.deadlineStage,
              armedVersion: cases.deadlineArmedVersion,
              light: cases.light,
            })
            .from(cases);
          expect(restoredCases.filter((row) => row.state === 'reported')).toEqual([]);
          const unarmed: string[] = [];
          for (const row of restoredCases) {
            const stage = stages.find((s) => s === row.stage);
            if (stage === undefined || row.armedVersion === null || row.light === 'red') continue;
            const light = row.light === 'green' ? 'yellow' : 'red';
            const jobId = deadlineJobId(row.id, { stage, armedVersion: row.armedVersion, light });
            const state = await system.engine.queues.get('deadline').getJobState(jobId);
            if (state !== 'delayed') unarmed.push(`${row.id} ${row.stage} ${light}: ${state}`);
          }
          expect(unarmed).toEqual([]);

          const chains = await verifyChains(restored.db);
          expect(chains.problems).toEqual([]);
          expect(chains.ok).toBe(true);
          expect(chains.casesChecked).toBe(ids.size);

          // It takes new reports: its counters (case numbers) came back with the rows.
          const fresh = await system.report(1_000_000);
          expect(ids.has(fresh)).toBe(false);
          await system.engine.settle();
        } finally {
          await system.close();
        }
      } finally {
        await restored.close();
        await dropDatabase(testEnvironment.adminUrl, restoredName);
        await rm(directory, { recursive: true, force: true });
      }
    },
  );
});
