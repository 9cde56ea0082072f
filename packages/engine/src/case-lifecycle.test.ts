import { categories, listCaseEvents, listOutboxOfCase, listTasksOfCase } from '@urbangrid/db';
import { systemActor } from '@urbangrid/domain';
import { redisTest as test } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { applyCommand } from './apply-command.js';
import { createEngineContext } from './engine-context.js';
import { verifyCaseChain } from './event-chain.js';
import {
  caseInHandling,
  handlerOf,
  reportTestCase,
  staff,
  startTestEngine,
  type TestEngine,
} from './test-support/index.js';

// Monday 2 March 2026, 09:00 in Hohhot: inside both the office and the patrol calendar.
let clock = new Date('2026-03-02T01:00:00Z');
const minutes = (n: number) => {
  clock = new Date(clock.getTime() + n * 60_000);
};
let engine: TestEngine;

describe('a case through the closed loop', () => {
  test.beforeAll(async ({ database, redis }) => {
    engine = await startTestEngine({ database, redis, now: () => clock });
  });
  test.afterAll(async () => {
    await engine.stop();
  });

  test('report → verify → file → dispatch → accept → complete → check → close', async ({ database }) => {
    const { context } = engine;
    const reported = await reportTestCase(context);
    expect(reported.case.state).toBe('reported');
    expect(reported.case.caseNo).toMatch(/^20260302\d{5}$/);

    await engine.settle();
    let events = await listCaseEvents(database.db, reported.case.id);
    const assigned = events.at(-1);
    expect(assigned).toMatchObject({ command: 'assignVerification', toState: 'verifying' });
    const afterAssign = await context.db.query.cases.findFirst({
      where: (c, { eq }) => eq(c.id, reported.case.id),
    });
    expect(afterAssign?.assignee).toBe('officer1');
    const [verificationTask] = await listTasksOfCase(database.db, reported.case.id);
    expect(verificationTask).toMatchObject({
      kind: 'verification',
      assignee: 'officer1',
      status: 'open',
      fallback: false,
    });

    minutes(10);
    const verified = await applyCommand(context, {
      caseId: reported.case.id,
      command: { type: 'verify', found: true },
      actor: staff.officer('officer1'),
      data: { note: 'seen it' },
    });
    expect(verified.case).toMatchObject({ state: 'verified', assignee: null });
    expect((await listTasksOfCase(database.db, reported.case.id))[0]?.status).toBe('done');

    minutes(5);
    const filed = await applyCommand(context, {
      caseId: reported.case.id,
      command: { type: 'file' },
      actor: staff.shiftLead,
      expectedVersion: verified.case.version,
    });
    expect(filed.case.state).toBe('filed');
    const departmentId = filed.case.suggestedDepartmentId;
    expect(departmentId).toEqual(expect.stringContaining('sanitation'));
    if (departmentId === null) throw new Error('no suggested department');
    await engine.settle();
    expect(engine.notices).toContainEqual(
      expect.objectContaining({
        caseId: reported.case.id,
        audience: 'dispatcher',
        event: 'dispatch.suggested',
        departmentId,
      }),
    );
    expect(engine.notices.find((n) => n.event === 'dispatch.suggested')?.recipients).toContain('dispatcher1');

    minutes(5);
    const dispatched = await applyCommand(context, {
      caseId: reported.case.id,
      command: { type: 'dispatch', departmentId },
      actor: staff.dispatcher,
    });
    expect(dispatched.case).toMatchObject({ state: 'dispatched', departmentId, deadlineStage: 'handle' });
    await engine.settle();
    const handler = await handlerOf(database.db, departmentId);
    expect(engine.notices).toContainEqual(
      expect.objectContaining({
        event: 'case.dispatched',
        audience: 'department',
        recipients: expect.arrayContaining([handler.username]),
      }),
    );

    minutes(10);
    await applyCommand(context, { caseId: reported.case.id, command: { type: 'accept' }, actor: handler });
    minutes(60);
    const completed = await applyCommand(context, {
      caseId: reported.case.id,
      command: { type: 'complete' },
      actor: handler,
      data: { note: 'cleaned' },
    });
    expect(completed.case.state).toBe('handled');

    await engine.settle();
    const reviewing = await context.db.query.cases.findFirst({
      where: (c, { eq }) => eq(c.id, reported.case.id),
    });
    expect(reviewing).toMatchObject({ state: 'reviewing', assignee: expect.any(String) });
    const checker = reviewing?.assignee ?? '';
    expect((await listTasksOfCase(database.db, reported.case.id)).map((t) => [t.kind, t.status])).toEqual([
      ['verification', 'done'],
      ['check', 'open'],
    ]);

    minutes(10);
    await applyCommand(context, {
      caseId: reported.case.id,
      command: { type: 'check', fixed: true },
      actor: staff.officer(checker),
    });
    minutes(5);
    const closed = await applyCommand(context, {
      caseId: reported.case.id,
      command: { type: 'close' },
      actor: staff.shiftLead,
    });
    expect(closed.case).toMatchObject({ state: 'closed', closureType: 'on_time', deadlineDue: null });
    await engine.settle();

    events = await listCaseEvents(database.db, reported.case.id);
    expect(events.map((e) => e.command)).toEqual([
      'report',
      'assignVerification',
      'verify',
      'file',
      'dispatch',
      'accept',
      'complete',
      'startReview',
      'check',
      'close',
    ]);
    expect((await verifyCaseChain(database.db, reported.case.id)).ok).toBe(true);
    expect(
      engine.published
        .filter((m) => m.caseId === reported.case.id)
        .map((m) => m.state)
        .at(-1),
    ).toBe('closed');
  });

  test('a check goes to an officer who did not report the case', async ({ database }) => {
    const { context } = engine;
    const { id, handler } = await caseInHandling(context);
    await applyCommand(context, { caseId: id, command: { type: 'complete' }, actor: handler });
    await engine.settle();
    const [task] = await listTasksOfCase(database.db, id);
    expect(task).toMatchObject({ kind: 'check', fallback: true });
    expect(task?.assignee).not.toBe('officer1');
  });
});

describe('refusals', () => {
  test.beforeAll(async ({ database, redis }) => {
    engine = await startTestEngine({ database, redis, now: () => clock });
  });
  test.afterAll(async () => {
    await engine.stop();
  });

  test('a stale expectedVersion answers VERSION_CONFLICT and changes nothing', async ({ database }) => {
    const reported = await reportTestCase(engine.context);
    await engine.settle();
    const attempt = applyCommand(engine.context, {
      caseId: reported.case.id,
      command: { type: 'reject', reason: 'not in scope' },
      actor: staff.shiftLead,
      expectedVersion: reported.case.version,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await listCaseEvents(database.db, reported.case.id)).map((e) => e.command)).toEqual([
      'report',
      'assignVerification',
    ]);
  });

  test('of two concurrent commands on one case, one wins and the other gets VERSION_CONFLICT', async ({
    database,
  }) => {
    const reported = await reportTestCase(engine.context);
    await engine.settle();
    // Both commands start from the same read of the case, as two operators' requests do when they
    // arrive together; which one reaches the database first is left to the race.
    const read = await engine.context.db.query.cases.findFirst({
      where: (c, { eq }) => eq(c.id, reported.case.id),
    });
    if (read === undefined) throw new Error('the reported case is missing');
    const verify = applyCommand(engine.context, {
      caseId: read.id,
      loaded: read,
      command: { type: 'verify', found: true },
      actor: staff.officer(read.assignee ?? ''),
    });
    const reject = applyCommand(engine.context, {
      caseId: read.id,
      loaded: read,
      command: { type: 'reject', reason: 'duplicate' },
      actor: staff.shiftLead,
    });
    const outcomes = await Promise.allSettled([verify, reject]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.status === 'rejected' ? lost[0].reason : null).toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    // The loser wrote nothing: one event, one version, the winner's follow-ups only.
    const winner = won[0]?.status === 'fulfilled' ? won[0].value : null;
    const events = await listCaseEvents(database.db, reported.case.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[2]?.command).toBe(winner?.event.command);
    expect(winner?.case.version).toBe(3);
    const outbox = await listOutboxOfCase(database.db, reported.case.id);
    expect(outbox.filter((row) => row.eventId === events[2]?.id).length).toBeGreaterThan(0);
    expect(new Set(outbox.map((row) => row.eventId))).toEqual(new Set(events.map((e) => e.id)));
  });

  test('a retry answers with the acknowledged report even after its category was withdrawn', async ({
    database,
  }) => {
    const first = await reportTestCase(engine.context, {
      idempotencyKey: 'call-withdrawn',
      categoryCode: 'E0102',
    });
    await database.db.update(categories).set({ active: false }).where(eq(categories.code, 'E0102'));
    // A process started since: its reference data knows the category is withdrawn.
    const later = createEngineContext({ db: database.db, now: () => clock });
    await expect(reportTestCase(later, { categoryCode: 'E0102' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const retry = await reportTestCase(later, { idempotencyKey: 'call-withdrawn', categoryCode: 'E0102' });
    expect(retry).toMatchObject({ replayed: true });
    expect(retry.case.id).toBe(first.case.id);
    await database.db.update(categories).set({ active: true }).where(eq(categories.code, 'E0102'));
  });

  test('concurrent reports with one Idempotency-Key make one case, and each caller gets it', async ({
    database,
  }) => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => reportTestCase(engine.context, { idempotencyKey: 'call-race-1' })),
    );
    const ids = new Set(results.map((result) => result.case.id));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    const [id] = [...ids];
    const events = await listCaseEvents(database.db, id ?? '');
    expect(events.filter((event) => event.command === 'report')).toHaveLength(1);
  });

  test('a command the state does not allow answers TRANSITION_NOT_ALLOWED', async () => {
    const reported = await reportTestCase(engine.context);
    await expect(
      applyCommand(engine.context, {
        caseId: reported.case.id,
        command: { type: 'close' },
        actor: staff.shiftLead,
      }),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    await expect(
      applyCommand(engine.context, {
        caseId: reported.case.id,
        command: { type: 'markOverdue', stage: 'handle', light: 'red' },
        actor: systemActor('test'),
      }),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  test('the same Idempotency-Key returns the same case; with another body it is refused', async () => {
    const first = await reportTestCase(engine.context, { idempotencyKey: 'call-4711' });
    const again = await reportTestCase(engine.context, { idempotencyKey: 'call-4711' });
    expect(again).toMatchObject({ replayed: true, event: null });
    expect(again.case.id).toBe(first.case.id);
    expect(again.case.caseNo).toBe(first.case.caseNo);
    await expect(
      reportTestCase(engine.context, { idempotencyKey: 'call-4711', description: 'something else' }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  test('case numbers of one city and day are unique and sort in order of reporting', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      numbers.push((await reportTestCase(engine.context, { idempotencyKey: `numbered-${i}` })).case.caseNo);
      // A retry answers with the same case and takes no number.
      await reportTestCase(engine.context, { idempotencyKey: `numbered-${i}` });
    }
    expect(new Set(numbers).size).toBe(3);
    expect([...numbers].sort()).toEqual(numbers);
    // One day, consecutive sequences: 13 digits, YYYYMMDD then 5.
    expect(numbers.every((no) => /^[0-9]{13}$/.test(no) && no.slice(0, 8) === numbers[0]?.slice(0, 8))).toBe(
      true,
    );
    const sequences = numbers.map((no) => Number(no.slice(8)));
    expect(sequences).toEqual([sequences[0], (sequences[0] ?? 0) + 1, (sequences[0] ?? 0) + 2]);
  });
});
