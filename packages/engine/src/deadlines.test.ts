import { type CaseRow, findCaseById, listCaseEvents } from '@urbangrid/db';
import { redisTest as test } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { applyCommand } from './apply-command.js';
import {
  reportTestCase,
  staff,
  caseInHandling as startHandling,
  startTestEngine,
  type TestEngine,
} from './test-support/index.js';
import { runStageJob } from './workers/stage-workers.js';

// Business clock in Hohhot (UTC+8). Monday 2 March 2026 is a normal working day.
let clock = new Date();
const at = (local: string) => {
  clock = new Date(`${local}+08:00`);
};
let engine: TestEngine;

async function current(id: string): Promise<CaseRow> {
  const row = await findCaseById(engine.context.db, id);
  if (row === null) throw new Error(`case ${id} vanished`);
  return row;
}

/** A case whose handling clock starts at the current clock, its jobs settled. */
async function caseInHandling() {
  const handling = await startHandling(engine.context);
  await engine.settle();
  return handling;
}

const overdueMarks = async (id: string) =>
  (await listCaseEvents(engine.context.db, id)).filter((e) => e.command === 'markOverdue').map((e) => e.data);

describe('stage deadlines on the working-time calendar', () => {
  test.beforeAll(async ({ database, redis }) => {
    engine = await startTestEngine({ database, redis, now: () => clock });
  });
  test.afterAll(async () => {
    await engine.stop();
  });

  test('the verification clock turns yellow at 80 % and red at 100 %', async () => {
    at('2026-03-02T09:00:00');
    const { case: reported } = await reportTestCase(engine.context);
    // 30 patrol minutes: yellow at 09:24, due at 09:30.
    expect(reported.deadlineDue?.toISOString()).toBe('2026-03-02T01:30:00.000Z');
    await engine.settle();

    at('2026-03-02T09:20:00');
    await engine.fireDueDeadlines();
    expect((await current(reported.id)).light).toBe('green');

    at('2026-03-02T09:25:00');
    await engine.fireDueDeadlines();
    expect((await current(reported.id)).light).toBe('yellow');
    expect(engine.published.at(-1)).toMatchObject({ caseId: reported.id, state: 'verifying' });

    at('2026-03-02T09:31:00');
    await engine.fireDueDeadlines();
    const red = await current(reported.id);
    expect(red).toMatchObject({ light: 'red', overdueCount: 1, state: 'verifying' });
    expect(await overdueMarks(reported.id)).toEqual([
      { stage: 'verify', light: 'yellow' },
      { stage: 'verify', light: 'red' },
    ]);
    expect(engine.notices).toContainEqual(
      expect.objectContaining({ caseId: reported.id, event: 'deadline.overdue', audience: 'supervisor' }),
    );
  });

  test('a timer of a stage the case has left does nothing', async () => {
    at('2026-03-02T09:00:00');
    const { case: reported } = await reportTestCase(engine.context);
    await engine.settle();
    at('2026-03-02T09:10:00');
    const assignee = (await current(reported.id)).assignee ?? '';
    await applyCommand(engine.context, {
      caseId: reported.id,
      command: { type: 'verify', found: true },
      actor: staff.officer(assignee),
    });
    // The verification timers (09:24, 09:30) are due; the filing clock (30 office minutes from 09:10) is not.
    at('2026-03-02T09:31:00');
    await engine.fireDueDeadlines();
    expect(await current(reported.id)).toMatchObject({ state: 'verified', light: 'green', overdueCount: 0 });
    expect(await overdueMarks(reported.id)).toEqual([]);
  });

  test('a deadline job that runs twice raises the light once', async () => {
    at('2026-03-02T09:00:00');
    const { case: reported } = await reportTestCase(engine.context);
    await engine.settle();
    at('2026-03-02T09:31:00');
    const job = {
      caseId: reported.id,
      city: reported.city,
      stage: 'verify',
      armedVersion: 1,
      light: 'red',
      at: '2026-03-02T01:30:00.000Z',
    };
    const handlers = engine.workers.handlers;
    expect(await runStageJob(handlers, 'deadline', job, 'replayed-red')).toBe('raised');
    expect(await runStageJob(handlers, 'deadline', job, 'replayed-red')).toBe('unchanged');
    expect(await runStageJob(handlers, 'deadline', { ...job, armedVersion: 7 }, 'stale-red')).toBe('stale');
    expect(await current(reported.id)).toMatchObject({ light: 'red', overdueCount: 1 });
    expect(await overdueMarks(reported.id)).toHaveLength(1);
  });

  test('suspension stops the handling clock; resuming re-arms it with the time left', async () => {
    at('2026-03-02T10:00:00');
    const { id, handler } = await caseInHandling();
    // 240 office minutes from Monday 10:00: 10–12 and 14–16.
    expect((await current(id)).deadlineDue?.toISOString()).toBe('2026-03-02T08:00:00.000Z');

    at('2026-03-02T11:00:00');
    await applyCommand(engine.context, {
      caseId: id,
      command: { type: 'requestSuspension', reason: 'pipe works first' },
      actor: handler,
    });
    await applyCommand(engine.context, {
      caseId: id,
      command: { type: 'decideSuspension', approve: true },
      actor: staff.dispatcher,
    });
    expect(await current(id)).toMatchObject({
      state: 'suspended',
      deadlineDue: null,
      deadlineUsedMinutes: 60,
    });

    // A day later every old timer is due, but the clock was stopped.
    at('2026-03-03T10:00:00');
    await engine.fireDueDeadlines();
    expect(await current(id)).toMatchObject({ state: 'suspended', light: 'green' });

    await applyCommand(engine.context, { caseId: id, command: { type: 'resume' }, actor: handler });
    // 180 minutes left from Tuesday 10:00: 10–12 and 14–15.
    expect((await current(id)).deadlineDue?.toISOString()).toBe('2026-03-03T07:00:00.000Z');
    await engine.settle();
    at('2026-03-03T14:30:00');
    await engine.fireDueDeadlines();
    expect((await current(id)).light).toBe('yellow');
    at('2026-03-03T15:01:00');
    await engine.fireDueDeadlines();
    expect(await current(id)).toMatchObject({ state: 'handling', light: 'red' });
  });

  test('a stage suspended after its yellow light resumes straight to the red timer', async () => {
    at('2026-03-02T10:00:00');
    const { id, handler } = await caseInHandling();
    // 240 office minutes from Monday 10:00: yellow at 192 minutes (15:12), due 16:00.
    await engine.settle();
    at('2026-03-02T15:20:00');
    await engine.fireDueDeadlines();
    expect(await current(id)).toMatchObject({ light: 'yellow', overdueCount: 0 });
    await applyCommand(engine.context, {
      caseId: id,
      command: { type: 'requestSuspension', reason: 'waiting for the power company' },
      actor: handler,
    });
    await applyCommand(engine.context, {
      caseId: id,
      command: { type: 'decideSuspension', approve: true },
      actor: staff.dispatcher,
    });
    at('2026-03-03T10:00:00');
    await applyCommand(engine.context, { caseId: id, command: { type: 'resume' }, actor: handler });
    // 40 minutes were left: due Tuesday 10:40, and the light it resumes with is yellow already.
    expect((await current(id)).deadlineDue?.toISOString()).toBe('2026-03-03T02:40:00.000Z');
    await engine.settle();
    const pending = (await engine.queues.get('deadline').getDelayed()).filter(
      (job) => (job.data as { caseId?: string }).caseId === id,
    );
    expect(pending.filter((job) => job.name === 'deadline.red').length).toBeGreaterThan(0);
    at('2026-03-03T10:41:00');
    await engine.fireDueDeadlines();
    expect(await current(id)).toMatchObject({ state: 'handling', light: 'red', overdueCount: 1 });
  });

  test('an approved extension moves the due time and makes the old timers stale', async () => {
    at('2026-03-02T10:00:00');
    const { id, handler } = await caseInHandling();
    await applyCommand(engine.context, {
      caseId: id,
      command: { type: 'requestExtension', workMinutes: 60, reason: 'truck broke down' },
      actor: handler,
    });
    await applyCommand(engine.context, {
      caseId: id,
      command: { type: 'decideExtension', approve: true },
      actor: staff.dispatcher,
    });
    // 300 office minutes from Monday 10:00: due 17:00, yellow at 240 minutes = 16:00.
    expect(await current(id)).toMatchObject({ extensionCount: 1, light: 'green' });
    expect((await current(id)).deadlineDue?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    await engine.settle();

    // The old red timer (16:00) is due as well as the new yellow one; only the new one counts.
    at('2026-03-02T16:30:00');
    await engine.fireDueDeadlines();
    expect(await current(id)).toMatchObject({ light: 'yellow', overdueCount: 0 });
    at('2026-03-02T17:01:00');
    await engine.fireDueDeadlines();
    expect(await current(id)).toMatchObject({ light: 'red', overdueCount: 1 });
  });
});
