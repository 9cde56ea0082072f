/**
 * An upgrade from the release whose queues were named for stages (`verify`, `review`, `dispatch`,
 * `handle`, `close`, `notify`) strands no work: outbox rows written under the old names are relayed
 * to the queue that does the work now, and jobs waiting in the old queues are moved when the engine
 * starts, then run.
 */
import { findCaseById, listOutboxOfCase, markOutboxRelayed, type OutboxRow, outbox } from '@urbangrid/db';
import { redisTest as test } from '@urbangrid/test-support';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { createEngineContext } from './engine-context.js';
import { moveLegacyJobs } from './legacy-queues.js';
import { createOutboxRelay } from './outbox-relay.js';
import { queueConnection } from './queue-connection.js';
import { createStageQueues, queueHashTag, type TaskJob } from './queues.js';
import { startEngine } from './start-engine.js';
import { reportTestCase } from './test-support/index.js';
import type { Notice } from './workers/notices.js';

const now = new Date('2026-03-02T01:00:00Z');
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A staff notice as the earlier release wrote it: a webhook-shaped payload for the `notify` queue. */
function asLegacyStaffNotice(payload: unknown) {
  const { departmentId: _departmentId, ...rest } = payload as Record<string, unknown>;
  return { ...rest, target: { kind: 'staff' } };
}

/**
 * A report's rows as the earlier release wrote them: its task, and the intake desk's notice as a
 * job of its own (it rides in the task job now).
 */
function asEarlierRelease(rows: readonly OutboxRow[]) {
  const taskRow = rows.find((row) => row.queue === 'task');
  const { notices = [], ...task } = (taskRow?.payload ?? {}) as TaskJob;
  const [carried] = notices;
  if (taskRow === undefined || carried === undefined) throw new Error('no follow-ups written');
  const { id, ...notice } = carried;
  const { task: _task, ...base } = task;
  return {
    taskRow: { ...taskRow, payload: task },
    noticeRow: { jobName: 'staffNotice', jobId: id, payload: { ...base, ...notice } },
  };
}

describe('queues of the earlier release', () => {
  test('jobs waiting in them are moved on start, keep their ids and waits, and run', async ({
    database,
    redis,
  }) => {
    const context = createEngineContext({ db: database.db, now: () => now });
    const { case: reported } = await reportTestCase(context);
    const rows = await listOutboxOfCase(database.db, reported.id);
    const { taskRow, noticeRow } = asEarlierRelease(rows);
    // The earlier release relayed these rows into its own queues, and stopped before running them.
    await markOutboxRelayed(
      database.db,
      rows.map((row) => row.id),
    );
    const prefix = `${redis.prefix}:upgrade`;
    const legacy = (name: string) =>
      new Queue(`${queueHashTag}.${name}`, { connection: redis.client, prefix });
    const [verify, notify, handle, close] = ['verify', 'notify', 'handle', 'close'].map(legacy);
    if (verify === undefined || notify === undefined || handle === undefined || close === undefined) {
      throw new Error('no legacy queues');
    }
    await verify.add(taskRow.jobName, taskRow.payload, { jobId: taskRow.jobId });
    await notify.add(noticeRow.jobName, asLegacyStaffNotice(noticeRow.payload), { jobId: noticeRow.jobId });
    // A department notice still retrying in an hour, and a job no queue of the map would take.
    const later = {
      caseId: reported.id,
      city: reported.city,
      eventId: 'event-later',
      caseVersion: reported.version,
      audience: 'department',
      event: 'case.dispatched',
      departmentId: 'dept-later',
    };
    await handle.add('notifyDepartment', later, { jobId: 'later-notice', delay: 3_600_000 });
    await close.add('notifyReporter', { caseId: 42 }, { jobId: 'broken-notice' });

    const notices: Notice[] = [];
    const engine = await startEngine({
      db: database.db,
      redis: redis.target,
      prefix,
      logger: quiet,
      now: () => now,
      publish: () => undefined,
      deliverNotice: (notice) => void notices.push(notice),
      relay: { pollIntervalMs: 100 },
    });
    try {
      expect(await engine.legacyMoved).toEqual({ moved: 3, refused: 1 });
      // The verification task is handed to the grid's officer; the intake desk hears of the report.
      await expect.poll(async () => (await findCaseById(database.db, reported.id))?.state).toBe('verifying');
      await expect.poll(() => notices.map((notice) => notice.id)).toContain(noticeRow.jobId);
      expect(notices.find((notice) => notice.id === noticeRow.jobId)).toMatchObject({
        audience: 'intake_operator',
        departmentId: null,
        recipients: expect.arrayContaining(['operator1']),
      });
      // The retry keeps its id, its payload and most of its wait, in the notice queue.
      const moved = await engine.queues.get('notice').getJob('later-notice');
      expect(moved?.data).toEqual(later);
      expect(await moved?.getState()).toBe('delayed');
      expect((moved?.timestamp ?? 0) + (moved?.delay ?? 0) - Date.now()).toBeGreaterThan(3_500_000);
      // Nothing the map takes is left behind; what it refuses stays where it was, for an operator.
      expect(await verify.getJobCounts('wait', 'delayed')).toEqual({ wait: 0, delayed: 0 });
      expect(await notify.getJobCounts('wait', 'delayed')).toEqual({ wait: 0, delayed: 0 });
      expect(await handle.getJobCounts('wait', 'delayed')).toEqual({ wait: 0, delayed: 0 });
      expect(await close.getJob('broken-notice')).toBeDefined();
      // A second sweep (another process starting, or the periodic one) moves nothing twice.
      const connection = queueConnection(redis.target, 'queues');
      try {
        expect(
          await moveLegacyJobs({
            connection: connection.connection,
            prefix,
            queues: engine.queues,
            logger: quiet,
          }),
        ).toEqual({ moved: 0, refused: 1 });
      } finally {
        await connection.close();
      }
    } finally {
      await engine.stop();
      await Promise.all([verify, notify, handle, close].map((queue) => queue.close()));
    }
  });

  test('outbox rows written under the old names are relayed to the queue doing that work now', async ({
    database,
    redis,
  }) => {
    const context = createEngineContext({ db: database.db, now: () => now });
    const { case: reported } = await reportTestCase(context);
    const rows = await listOutboxOfCase(database.db, reported.id);
    const { taskRow: task, noticeRow: notice } = asEarlierRelease(rows);
    await database.db
      .update(outbox)
      .set({ queue: 'verify', payload: task.payload })
      .where(eq(outbox.id, task.id));
    await database.db.insert(outbox).values({
      city: reported.city,
      caseId: reported.id,
      eventId: task.eventId,
      queue: 'notify',
      jobName: notice.jobName,
      jobId: notice.jobId,
      payload: asLegacyStaffNotice(notice.payload),
    });
    const connection = queueConnection(redis.target, 'queues');
    const queues = createStageQueues({ connection: connection.connection, prefix: `${redis.prefix}:rows` });
    try {
      const relay = createOutboxRelay({ context, queues });
      expect(await relay.relayOnce()).toEqual({ relayed: rows.length + 1, failed: 0 });
      expect((await queues.get('task').getJob(task.jobId))?.data).toEqual(task.payload);
      // The webhook-shaped staff notice reads as a notice for no department.
      expect((await queues.get('notice').getJob(notice.jobId))?.data).toEqual(notice.payload);
    } finally {
      await queues.close();
      await connection.close();
    }
  });
});
