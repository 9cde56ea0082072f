import { dutyShifts, listCaseEvents, listOutboxOfCase, listTasksOfCase, notices, users } from '@urbangrid/db';
import type { NoticeMessage } from '@urbangrid/live';
import { dbTest as test } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { createEngineContext } from '../engine-context.js';
import { reportTestCase } from '../test-support/index.js';
import { type Notice, storeNotices } from './notices.js';
import { runStageJob, stageHandlers } from './stage-workers.js';

const now = new Date('2026-03-02T01:00:00Z');

describe('stage jobs run twice do no harm', () => {
  test('a report is one job: its task job tells the intake desk and assigns; replayed, it does each once', async ({
    database,
  }) => {
    const context = createEngineContext({ db: database.db, now: () => now });
    const announced: NoticeMessage[] = [];
    const handlers = stageHandlers(
      context,
      storeNotices(database.db, (message) => void announced.push(message)),
    );
    const { case: reported } = await reportTestCase(context);
    const rows = await listOutboxOfCase(database.db, reported.id);
    // Beside the stage's deadline timer, the report's one job.
    expect(rows.filter((row) => row.queue !== 'deadline').map((row) => row.queue)).toEqual(['task']);
    const verifyRow = rows.find((row) => row.queue === 'task');
    if (verifyRow === undefined) throw new Error('no follow-ups written');

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

    // The intake desk's notice: in each operator's inbox once, announced live once.
    const inbox = await database.db.select().from(notices).where(eq(notices.caseId, reported.id));
    expect(inbox.length).toBeGreaterThan(0);
    const carried = (verifyRow.payload as { notices?: Array<{ id: string }> }).notices ?? [];
    expect(carried).toHaveLength(1);
    expect(new Set(inbox.map((row) => row.id))).toEqual(new Set(carried.map((notice) => notice.id)));
    expect(inbox.map((row) => row.recipient)).toContain('operator1');
    expect(new Set(inbox.map((row) => row.recipient)).size).toBe(inbox.length);
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ audience: 'intake_operator', event: 'case.reported' });
  });

  test('a notice job replayed delivers the same notice under one id', async ({ database }) => {
    const context = createEngineContext({ db: database.db, now: () => now });
    const delivered: Notice[] = [];
    const handlers = stageHandlers(context, (notice) => void delivered.push(notice));
    const { case: reported } = await reportTestCase(context);
    const payload = {
      caseId: reported.id,
      city: reported.city,
      eventId: 'event-overdue',
      caseVersion: reported.version,
      audience: 'shift_lead',
      event: 'deadline.overdue',
      departmentId: null,
      notices: [
        { id: 'event-overdue-1', audience: 'supervisor', event: 'deadline.overdue', departmentId: null },
      ],
    };
    await runStageJob(handlers, 'notice', payload, 'event-overdue-0');
    await runStageJob(handlers, 'notice', payload, 'event-overdue-0');
    expect(delivered.map((notice) => [notice.id, notice.audience])).toEqual([
      ['event-overdue-0', 'shift_lead'],
      ['event-overdue-1', 'supervisor'],
      ['event-overdue-0', 'shift_lead'],
      ['event-overdue-1', 'supervisor'],
    ]);
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
