import { findCaseById, listTasksOfCase, officerGrids } from '@urbangrid/db';
import { reportTestCase, startTestEngine, type TestEngine } from '@urbangrid/engine/test-support';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { dispatchService } from './index.js';

const reportedAt = new Date('2026-03-02T09:00:00+08:00');
let clock = reportedAt;
const minutesLater = (minutes: number) => new Date(reportedAt.getTime() + minutes * 60_000);

describe('a report that no officer can take (no officer covers its grid or street)', () => {
  let app: App;
  let engine: TestEngine;
  let lead: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    engine = await startTestEngine({ database, redis, now: () => clock });
    app = await buildTestApp(
      { database, redis },
      { services: [dispatchService({ engine: engine.context })] },
    );
    lead = (await loginAs(app, 'shiftlead1')).token;
  });
  redisTest.afterAll(async () => {
    await app.close();
    await engine.stop();
  });

  const awaitingOfficer = async () => {
    const answer = await app.inject({
      method: 'GET',
      url: '/api/dispatch/queues/shift-lead',
      headers: bearer(lead),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    return (answer.json().awaitingOfficer.items as { id: string }[]).map((item) => item.id);
  };
  const verifyQueue = () => engine.queues.get('task');
  /** The case's verification job once it waits, failed, for its next try. */
  const waitingRetries = async (caseId: string) => {
    const retries = async () =>
      (await verifyQueue().getJobs(['delayed'])).filter((job) => job.data.caseId === caseId);
    await expect.poll(async () => (await retries()).length, { timeout: 10_000 }).toBe(1);
    return retries();
  };
  const noOfficerNotices = () => engine.notices.filter((notice) => notice.event === 'verification.noOfficer');

  redisTest(
    'waits, retried, in the shift lead queue; the shift lead hears once; an officer covering the grid then gets it',
    async ({ database }) => {
      // Nobody covers any grid: no officer of the grid, none of its street.
      const coverage = await database.db.delete(officerGrids).returning();
      expect(coverage.length).toBeGreaterThan(0);

      const { case: reported } = await reportTestCase(engine.context);
      // The verification job fails (to be tried again) and the shift lead is told.
      await expect.poll(() => noOfficerNotices().length, { timeout: 10_000 }).toBe(1);
      expect(noOfficerNotices()[0]).toMatchObject({
        caseId: reported.id,
        audience: 'shift_lead',
        recipients: expect.arrayContaining(['shiftlead1']),
      });
      // The notice goes out just before the failed try is put back to wait for its retry.
      const [retry] = await waitingRetries(reported.id);
      expect(retry?.data).toMatchObject({ caseId: reported.id, task: 'verification' });
      expect(retry?.attemptsMade).toBe(1);
      expect((await findCaseById(database.db, reported.id))?.state).toBe('reported');

      // Shown once it has waited two minutes, not while the workers are still trying.
      expect(await awaitingOfficer()).not.toContain(reported.id);
      clock = minutesLater(3);
      expect(await awaitingOfficer()).toContain(reported.id);

      // The next try fails again, with no second notice.
      await retry?.promote();
      await expect
        .poll(async () => [
          (await verifyQueue().getJob(retry?.id ?? ''))?.attemptsMade,
          await verifyQueue().getJobState(retry?.id ?? ''),
        ])
        .toEqual([2, 'delayed']);
      expect(noOfficerNotices()).toHaveLength(1);

      // An officer covers the grid again: the following try hands them the verification.
      await database.db.insert(officerGrids).values(coverage);
      await retry?.promote();
      await expect
        .poll(async () => (await findCaseById(database.db, reported.id))?.state, { timeout: 10_000 })
        .toBe('verifying');
      expect(await listTasksOfCase(database.db, reported.id)).toHaveLength(1);
      expect(await awaitingOfficer()).not.toContain(reported.id);
    },
  );

  redisTest(
    'the shift lead may send an officer meanwhile; the waiting job then finds it done',
    async ({ database }) => {
      clock = reportedAt;
      const coverage = await database.db.delete(officerGrids).returning();
      try {
        const { case: reported } = await reportTestCase(engine.context);
        await expect
          .poll(() => noOfficerNotices().some((n) => n.caseId === reported.id), { timeout: 10_000 })
          .toBe(true);
        const sent = await app.inject({
          method: 'POST',
          url: `/api/dispatch/cases/${reported.id}/reassign`,
          headers: bearer(lead),
          payload: { officer: 'officer3' },
        });
        expect(sent.statusCode, sent.body).toBe(200);
        expect(sent.json()).toMatchObject({ state: 'verifying', assignee: 'officer3' });

        const [retry] = await waitingRetries(reported.id);
        await retry?.promote();
        await expect
          .poll(async () => verifyQueue().getJobState(retry?.id ?? ''), { timeout: 10_000 })
          .toBe('completed');
        const tasks = await listTasksOfCase(database.db, reported.id);
        expect(tasks.map((task) => [task.assignee, task.status, task.fallback])).toEqual([
          ['officer3', 'open', true],
        ]);
      } finally {
        await database.db.insert(officerGrids).values(coverage);
      }
    },
  );
});
