import { dutyShifts, listCaseEvents, listOutboxOfCase, listTasksOfCase, users } from '@urbangrid/db';
import { dbTest as test } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { createEngineContext } from '../engine-context.js';
import { reportTestCase } from '../test-support/index.js';
import type { Notice } from './notices.js';
import { runStageJob, stageHandlers } from './stage-workers.js';

const now = new Date('2026-03-02T01:00:00Z');

describe('stage jobs run twice do no harm', () => {
  test('a verification task job replayed assigns once and leaves one task', async ({ database }) => {
    const context = createEngineContext({ db: database.db, now: () => now });
    const notices: Notice[] = [];
    const handlers = stageHandlers(context, (notice) => void notices.push(notice));
    const { case: reported } = await reportTestCase(context);
    const rows = await listOutboxOfCase(database.db, reported.id);
    const verifyRow = rows.find((row) => row.queue === 'task');
    const noticeRow = rows.find((row) => row.queue === 'notice');
    if (verifyRow === undefined || noticeRow === undefined) throw new Error('no follow-ups written');

    expect(await runStageJob(handlers, 'task', verifyRow.payload, verifyRow.jobId)).toMatchObject({
      kind: 'assigned',
      assignee: 'officer1',
    });
    expect(await runStageJob(handlers, 'task', verifyRow.payload, verifyRow.jobId)).toEqual({
      kind: 'done already',
    });
    expect((await listCaseEvents(database.db, reported.id)).map((e) => e.command)).toEqual([
      'report',
      'assignVerification',
    ]);
    expect(await listTasksOfCase(database.db, reported.id)).toHaveLength(1);

    await runStageJob(handlers, 'notice', noticeRow.payload, noticeRow.jobId);
    await runStageJob(handlers, 'notice', noticeRow.payload, noticeRow.jobId);
    // The same notice twice, under one id: a sink keeps it once.
    expect(new Set(notices.map((notice) => notice.id))).toEqual(new Set([noticeRow.jobId]));
    expect(notices[0]).toMatchObject({
      audience: 'intake_operator',
      recipients: expect.arrayContaining(['operator1']),
    });
  });

  test('with the grid officer off duty the task goes to an officer of the same street, flagged fallback', async ({
    database,
  }) => {
    const context = createEngineContext({ db: database.db, now: () => now });
    const handlers = stageHandlers(context, () => undefined);
    const officer = (await database.db.select().from(users).where(eq(users.username, 'officer1')))[0];
    if (officer === undefined) throw new Error('officer1 missing');
    // officer1 keeps a roster, and their only shift is tomorrow.
    await database.db.insert(dutyShifts).values({
      id: 'shift-officer1-tomorrow',
      city: '1501',
      officerId: officer.id,
      startsAt: new Date('2026-03-03T00:00:00Z'),
      endsAt: new Date('2026-03-03T08:00:00Z'),
    });
    const { case: reported } = await reportTestCase(context);
    const verifyRow = (await listOutboxOfCase(database.db, reported.id)).find((row) => row.queue === 'task');
    const outcome = await runStageJob(handlers, 'task', verifyRow?.payload, verifyRow?.jobId ?? '');
    expect(outcome).toMatchObject({ kind: 'assigned', fallback: true });
    const [task] = await listTasksOfCase(database.db, reported.id);
    expect(task).toMatchObject({ fallback: true, kind: 'verification' });
    expect(task?.assignee).not.toBe('officer1');
  });
});
