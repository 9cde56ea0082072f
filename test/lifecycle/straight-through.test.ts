/**
 * Whole cases walked through HTTP along the main path and the verification side path, checking
 * state, assignee, deadline and timeline after every step (the business clock is injected).
 */
import { reportTestCase, staff } from '@urbangrid/engine/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { at, commandsOf, lifecycleForFile, sanitation } from './lifecycle-harness.js';

describe('a case walked straight through', () => {
  const life = lifecycleForFile();

  redisTest('report → verify → file → dispatch → accept → complete → check → close', async () => {
    const { case: reported } = await reportTestCase(life.engine.context);
    await life.engine.settle();

    // The verify worker gave the task to the grid's officer; the patrol clock runs (30 minutes).
    let detail = await life.read(reported.id);
    expect(detail).toMatchObject({
      state: 'verifying',
      assignee: 'officer1',
      deadline: { stage: 'verify', due: at('2026-03-02T09:30:00'), light: 'green' },
    });

    // The officer's queue lists the task, with the distance from where they stand.
    const queue = await life.get('officer1', '/api/dispatch/queues/officer?lat=40.851&lng=111.7');
    expect(queue.status).toBe(200);
    const tasks = (queue.body as { verificationTasks: { items: { id: string; distanceMetres: number }[] } })
      .verificationTasks.items;
    const mine = tasks.find((task) => task.id === reported.id);
    expect(mine?.distanceMetres).toBeGreaterThan(100);
    expect(mine?.distanceMetres).toBeLessThan(120);

    life.clock.now = new Date('2026-03-02T09:20:00+08:00');
    let view = await life.command('officer1', `/api/dispatch/cases/${reported.id}/verify`, {
      found: true,
      note: 'garbage is there',
      expectedVersion: detail.version,
    });
    expect(view).toMatchObject({
      state: 'verified',
      assignee: null,
      deadline: { stage: 'file', due: at('2026-03-02T09:50:00'), light: 'green' },
    });

    // The shift lead's queue shows it awaiting filing.
    const leadQueue = await life.get('shiftlead1', '/api/dispatch/queues/shift-lead');
    const awaiting = (leadQueue.body as { awaitingFiling: { items: { id: string }[] } }).awaitingFiling.items;
    expect(awaiting.map((c) => c.id)).toContain(reported.id);

    view = await life.command('shiftlead1', `/api/dispatch/cases/${reported.id}/file`, { urgency: 'normal' });
    expect(view).toMatchObject({
      state: 'filed',
      suggestedDepartmentId: sanitation,
      departmentId: null,
      deadline: { stage: 'dispatch', due: at('2026-03-02T09:50:00'), light: 'green' },
    });

    const dispatcherQueue = await life.get('dispatcher1', '/api/dispatch/queues/dispatcher');
    const toDispatch = (
      dispatcherQueue.body as { awaitingDispatch: { items: { id: string; suggestedDepartmentId: string }[] } }
    ).awaitingDispatch.items;
    expect(toDispatch.find((c) => c.id === reported.id)?.suggestedDepartmentId).toBe(sanitation);

    // Handling: 240 working minutes on the office calendar from 09:20 → 09:20 + 160 to noon... 15:20.
    view = await life.command('dispatcher1', `/api/dispatch/cases/${reported.id}/dispatch`, {
      departmentId: sanitation,
    });
    expect(view).toMatchObject({
      state: 'dispatched',
      departmentId: sanitation,
      deadline: { stage: 'handle', due: at('2026-03-02T15:20:00'), light: 'green' },
    });

    const inbox = await life.get('handler-sanitation-150102', '/api/handling/queues/department');
    expect((inbox.body as { inbox: { items: { id: string }[] } }).inbox.items.map((c) => c.id)).toContain(
      reported.id,
    );

    view = await life.command('handler-sanitation-150102', `/api/handling/cases/${reported.id}/accept`);
    expect(view).toMatchObject({
      state: 'handling',
      deadline: { stage: 'handle', due: at('2026-03-02T15:20:00') },
    });

    life.clock.now = new Date('2026-03-02T11:00:00+08:00');
    view = await life.command('handler-sanitation-150102', `/api/handling/cases/${reported.id}/complete`, {
      note: 'cleared and swept',
    });
    expect(view).toMatchObject({
      state: 'handled',
      deadline: { stage: 'check', due: at('2026-03-02T11:30:00') },
    });

    await life.engine.settle();
    detail = await life.read(reported.id);
    expect(detail).toMatchObject({ state: 'reviewing', assignee: 'officer1' });

    await life.direct({
      caseId: reported.id,
      command: { type: 'check', fixed: true },
      actor: staff.officer('officer1'),
    });
    await life.direct({ caseId: reported.id, command: { type: 'close' }, actor: staff.shiftLead });

    detail = await life.read(reported.id);
    expect(detail).toMatchObject({
      state: 'closed',
      assignee: null,
      deadline: { stage: null, due: null },
      closureType: 'on_time',
      closedAt: at('2026-03-02T11:00:00'),
    });
    expect(commandsOf(detail)).toEqual([
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
    expect(detail.timeline.find((entry) => entry.command === 'verify')).toMatchObject({
      actor: 'officer1',
      fromState: 'verifying',
      toState: 'verified',
      data: { found: true, note: 'garbage is there' },
    });
    expect(detail.timeline.find((entry) => entry.command === 'complete')?.data).toMatchObject({
      note: 'cleared and swept',
    });
  });

  redisTest('rejected at verification: the officer does not find it', async () => {
    const { case: reported } = await reportTestCase(life.engine.context);
    await life.engine.settle();
    const view = await life.command('officer1', `/api/dispatch/cases/${reported.id}/verify`, {
      found: false,
      note: 'nothing there',
    });
    expect(view).toMatchObject({ state: 'rejected', assignee: null, deadline: { stage: null, due: null } });
    const detail = await life.read(reported.id);
    expect(commandsOf(detail)).toEqual(['report', 'assignVerification', 'verify']);
    // A final state takes no more commands.
    const again = await life.post('shiftlead1', `/api/dispatch/cases/${reported.id}/file`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  redisTest('rejected by the shift lead before filing', async () => {
    const { case: reported } = await reportTestCase(life.engine.context);
    await life.engine.settle();
    await life.command('officer1', `/api/dispatch/cases/${reported.id}/verify`, { found: true });
    const view = await life.command('shiftlead1', `/api/dispatch/cases/${reported.id}/reject`, {
      reason: 'duplicate of an open case',
    });
    expect(view).toMatchObject({ state: 'rejected', deadline: { stage: null } });
    const detail = await life.read(reported.id);
    expect(detail.timeline.at(-1)).toMatchObject({
      command: 'reject',
      actor: 'shiftlead1',
      data: { reason: 'duplicate of an open case' },
    });
  });
});
