/**
 * The city simulator (`npm run simulate`) against the four services on a real port: its people
 * report, verify, file, dispatch, handle, return, ask for extensions and suspensions, send fixes
 * back for rework and close — and every report it was given an answer for ends in a final state,
 * once, with the side paths on record in the event log.
 */
import { caseEvents, cases } from '@urbangrid/db';
import { dispatchService } from '@urbangrid/dispatch';
import { startTestEngine, type TestEngine } from '@urbangrid/engine/test-support';
import { handlingService } from '@urbangrid/handling';
import { intakeService } from '@urbangrid/intake';
import type { App } from '@urbangrid/platform';
import { buildTestApp } from '@urbangrid/platform/test-support';
import { startSimulation, sum } from '@urbangrid/simulator';
import { supervisionService } from '@urbangrid/supervision';
import { redisTest } from '@urbangrid/test-support';
import { inArray } from 'drizzle-orm';
import { describe, expect } from 'vitest';

const reports = 40;

describe('the city simulator', () => {
  let app: App;
  let engine: TestEngine;
  let baseUrl: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    engine = await startTestEngine({ database, redis });
    const services = [intakeService, dispatchService, handlingService, supervisionService].map((service) =>
      service({ engine: engine.context }),
    );
    app = await buildTestApp({ database, redis }, { services });
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  redisTest.afterAll(async () => {
    await app.close();
    await engine.stop();
  });

  redisTest(
    'drives every report it made to a final state, through the side paths',
    async ({ database }) => {
      const simulation = await startSimulation({
        baseUrl,
        pace: 0,
        // Three times the usual side paths, so a short run takes each of them.
        sidePaths: 3,
        reports,
        rate: 200,
        duration: 60,
        concurrency: 16,
        drain: 90,
        stuckAfter: 45,
        retryFor: 20,
        seed: 20_261_125,
        runId: 'simulator-test',
      });
      const tally = await simulation.finished;

      expect(tally.reportsRefused).toBe(0);
      expect(Object.fromEntries(tally.abandoned)).toEqual({});
      expect(tally.acknowledged).toHaveLength(reports);
      expect(sum(tally.finished)).toBe(reports);
      expect(tally.finished.get('closed')).toBeGreaterThan(reports / 2);
      expect([...tally.sidePaths.keys()].length).toBeGreaterThanOrEqual(4);

      // What the system holds agrees: each acknowledged report is one case, in a final state.
      const ids = tally.acknowledged.map((report) => report.caseId);
      expect(new Set(ids).size).toBe(reports);
      const stored = await database.db.select().from(cases).where(inArray(cases.id, ids));
      expect(stored).toHaveLength(reports);
      for (const row of stored) expect(['closed', 'rejected', 'cancelled']).toContain(row.state);

      // The people's side paths are in the history, not only in the simulator's own counts.
      const events = await database.db.select().from(caseEvents).where(inArray(caseEvents.caseId, ids));
      const commands = new Set<string>(events.map((event) => event.command));
      for (const command of [
        'report',
        'verify',
        'file',
        'dispatch',
        'accept',
        'complete',
        'check',
        'close',
      ]) {
        expect(commands, command).toContain(command);
      }
      const sidePathCommands = ['return', 'requestExtension', 'requestSuspension', 'reject', 'cancel'];
      expect(sidePathCommands.filter((command) => commands.has(command)).length).toBeGreaterThanOrEqual(3);
      expect(
        events.some(
          (event) => event.command === 'check' && (event.data as { fixed?: unknown }).fixed === false,
        ),
      ).toBe(true);
    },
    180_000,
  );
});
