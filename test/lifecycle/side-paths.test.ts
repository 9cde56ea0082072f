/**
 * The side paths of the closed loop walked through HTTP: return and re-dispatch, extension,
 * suspension and resume, rework twice, cancellation at every open stage; and the guards that refuse.
 */
import { findCaseById } from '@urbangrid/db';
import { staff } from '@urbangrid/engine/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import {
  at,
  commandsOf,
  enforcement,
  lifecycleForFile,
  sanitation,
  walkStates,
  walkTo,
} from './lifecycle-harness.js';

const ids = (section: unknown) => (section as { items: { id: string }[] }).items.map((c) => c.id);

describe('side paths of a case', () => {
  const life = lifecycleForFile();

  redisTest('returned by the wrong department and dispatched again (回退)', async ({ database }) => {
    const id = await walkTo(life, 'filed');
    let view = await life.command('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, {
      departmentId: enforcement,
    });
    expect(view).toMatchObject({ state: 'dispatched', departmentId: enforcement });

    // The sanitation handler cannot see a case dispatched elsewhere.
    const elsewhere = await life.post('handler-sanitation-150102', `/api/handling/cases/${id}/accept`);
    expect(elsewhere).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });

    life.clock.now = new Date('2026-03-02T09:30:00+08:00');
    const noReason = await life.post('handler-enforcement-150102', `/api/handling/cases/${id}/return`, {});
    expect(noReason).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    view = await life.command('handler-enforcement-150102', `/api/handling/cases/${id}/return`, {
      reason: 'garbage is sanitation, not enforcement',
    });
    expect(view).toMatchObject({
      state: 'filed',
      departmentId: null,
      suggestedDepartmentId: sanitation,
      returnCount: 1,
      returnedByDepartmentIds: [enforcement],
      lastReturnReason: 'garbage is sanitation, not enforcement',
      deadline: { stage: 'dispatch', due: at('2026-03-02T10:00:00') },
    });
    // The returning department no longer sees it; the dispatcher's queue lists it under returns.
    expect((await life.get('handler-enforcement-150102', `/api/cases/${id}`)).status).toBe(404);
    const queue = (await life.get('dispatcher1', '/api/dispatch/queues/dispatcher')).body as Record<
      string,
      unknown
    >;
    expect(ids(queue.returns)).toContain(id);
    expect(ids(queue.awaitingDispatch)).not.toContain(id);

    view = await life.command('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, {
      departmentId: sanitation,
    });
    expect(view).toMatchObject({ state: 'dispatched', departmentId: sanitation });
    view = await life.command('handler-sanitation-150102', `/api/handling/cases/${id}/accept`);
    expect(view.state).toBe('handling');

    // The first dispatch counts as a dispatch error against the first department.
    const row = await findCaseById(database.db, id);
    expect(row).toMatchObject({ dispatchCount: 2, dispatchErrorCount: 1, firstDepartmentId: enforcement });
    const detail = await life.read(id);
    expect(commandsOf(detail).slice(-4)).toEqual(['dispatch', 'return', 'dispatch', 'accept']);
    expect(detail.timeline.find((e) => e.command === 'return')).toMatchObject({
      actor: 'handler-enforcement-150102',
      fromState: 'dispatched',
      toState: 'filed',
      data: { reason: 'garbage is sanitation, not enforcement' },
    });
  });

  redisTest('the department that returned a case is not suggested again', async () => {
    const id = await walkTo(life, 'filed');
    expect((await life.read(id)).suggestedDepartmentId).toBe(sanitation);
    await life.command('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, { departmentId: sanitation });
    const view = await life.command('handler-sanitation-150102', `/api/handling/cases/${id}/return`, {
      reason: '井盖归市政',
    });
    expect(view).toMatchObject({
      state: 'filed',
      returnedByDepartmentIds: [sanitation],
      lastReturnReason: '井盖归市政',
    });
    // The matrix's department returned it: the dispatcher is offered none of it again.
    expect(view.suggestedDepartmentId).not.toBe(sanitation);
    // Every board sees the mark and the reason (the dispatcher's and the shift lead's views alike).
    for (const who of ['dispatcher1', 'shiftlead1'] as const) {
      const seen = (await life.get(who, `/api/cases/${id}`)).body as Record<string, unknown>;
      expect(seen).toMatchObject({ returnCount: 1, lastReturnReason: '井盖归市政' });
    }
  });

  redisTest('an approved extension moves the handling deadline by working minutes (延期)', async () => {
    const id = await walkTo(life, 'handling');
    expect((await life.read(id)).deadline.due).toBe(at('2026-03-02T15:00:00'));

    let view = await life.command('handler-sanitation-150102', `/api/handling/cases/${id}/extension`, {
      workMinutes: 120,
      reason: 'waiting for a truck',
    });
    expect(view).toMatchObject({
      state: 'handling',
      pendingRequest: { kind: 'extension', workMinutes: 120, reason: 'waiting for a truck' },
      deadline: { due: at('2026-03-02T15:00:00') },
    });
    // A second request while one is pending is refused.
    const twice = await life.post('handler-sanitation-150102', `/api/handling/cases/${id}/suspension`, {
      reason: 'x',
    });
    expect(twice).toMatchObject({ status: 409, body: { code: 'TRANSITION_NOT_ALLOWED' } });
    const queue = (await life.get('dispatcher1', '/api/dispatch/queues/dispatcher')).body as Record<
      string,
      unknown
    >;
    expect(ids(queue.pendingApprovals)).toContain(id);

    // Only the dispatcher decides.
    const byHandler = await life.post(
      'handler-sanitation-150102',
      `/api/dispatch/cases/${id}/extension/decide`,
      {
        approve: true,
      },
    );
    expect(byHandler).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });

    view = await life.command('dispatcher1', `/api/dispatch/cases/${id}/extension/decide`, { approve: true });
    // 15:00 + 120 working minutes on the office calendar (14:00–18:00) = 17:00.
    expect(view).toMatchObject({
      state: 'handling',
      pendingRequest: null,
      extensionCount: 1,
      deadline: { stage: 'handle', due: at('2026-03-02T17:00:00'), light: 'green' },
    });

    // A denied request leaves the deadline where it was.
    await life.command('handler-sanitation-150102', `/api/handling/cases/${id}/extension`, {
      workMinutes: 480,
      reason: 'more',
    });
    view = await life.command('dispatcher1', `/api/dispatch/cases/${id}/extension/decide`, {
      approve: false,
    });
    expect(view).toMatchObject({
      extensionCount: 1,
      pendingRequest: null,
      deadline: { due: at('2026-03-02T17:00:00') },
    });
    expect(commandsOf(await life.read(id)).slice(-4)).toEqual([
      'requestExtension',
      'decideExtension',
      'requestExtension',
      'decideExtension',
    ]);
  });

  redisTest('a suspension stops the clock until resumed (挂账)', async () => {
    const id = await walkTo(life, 'handling');
    life.clock.now = new Date('2026-03-02T10:00:00+08:00');
    await life.command('handler-sanitation-150102', `/api/handling/cases/${id}/suspension`, {
      reason: 'needs road works first',
    });
    let view = await life.command('dispatcher1', `/api/dispatch/cases/${id}/suspension/decide`, {
      approve: true,
    });
    expect(view).toMatchObject({
      state: 'suspended',
      suspensionCount: 1,
      deadline: { stage: 'handle', due: null },
    });

    // A day later the clock has not moved: 60 of 240 minutes were used, 180 remain.
    life.clock.now = new Date('2026-03-03T09:00:00+08:00');
    const early = await life.post('dispatcher1', `/api/handling/cases/${id}/resume`);
    expect(early).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    view = await life.command('handler-sanitation-150102', `/api/handling/cases/${id}/resume`);
    expect(view).toMatchObject({
      state: 'handling',
      deadline: { stage: 'handle', due: at('2026-03-03T12:00:00') },
    });
    const detail = await life.read(id);
    expect(commandsOf(detail).slice(-3)).toEqual(['requestSuspension', 'decideSuspension', 'resume']);
    expect(detail.timeline.at(-2)).toMatchObject({ fromState: 'handling', toState: 'suspended' });
  });

  redisTest('reworked twice, then fixed and closed (返工)', async () => {
    const id = await walkTo(life, 'reviewing');
    for (const round of [1, 2]) {
      life.clock.now = new Date(`2026-03-0${round + 2}T09:00:00+08:00`);
      await life.direct({
        caseId: id,
        command: { type: 'check', fixed: false },
        actor: staff.officer('officer1'),
      });
      const detail = await life.read(id);
      // Back to the same department; the handling clock starts over from the failed check.
      expect(detail).toMatchObject({
        state: 'handling',
        departmentId: sanitation,
        assignee: null,
        reworkCount: round,
        deadline: { stage: 'handle', due: at(`2026-03-0${round + 2}T15:00:00`) },
      });
      const queue = (await life.get('handler-sanitation-150102', '/api/handling/queues/department'))
        .body as Record<string, unknown>;
      expect(ids(queue.rework)).toContain(id);
      expect(ids(queue.inProgress)).not.toContain(id);
      await life.command('handler-sanitation-150102', `/api/handling/cases/${id}/complete`, {
        note: `round ${round}`,
      });
      await life.engine.settle();
      expect(await life.read(id)).toMatchObject({ state: 'reviewing', assignee: 'officer1' });
    }
    await life.direct({
      caseId: id,
      command: { type: 'check', fixed: true },
      actor: staff.officer('officer1'),
    });
    await life.direct({ caseId: id, command: { type: 'close' }, actor: staff.shiftLead });
    const detail = await life.read(id);
    expect(detail).toMatchObject({ state: 'closed', reworkCount: 2 });
    expect(commandsOf(detail).filter((c) => c === 'complete')).toHaveLength(3);
  });

  redisTest('cancelled at every open stage, always with a reason (作废)', async () => {
    for (const stage of walkStates) {
      const id = await walkTo(life, stage);
      const noReason = await life.post('shiftlead1', `/api/dispatch/cases/${id}/cancel`, { reason: '  ' });
      expect(noReason).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      const byDispatcher = await life.post('dispatcher1', `/api/dispatch/cases/${id}/cancel`, {
        reason: 'x',
      });
      expect(byDispatcher).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      const view = await life.command('shiftlead1', `/api/dispatch/cases/${id}/cancel`, {
        reason: `cancelled while ${stage}`,
      });
      expect(view, stage).toMatchObject({
        state: 'cancelled',
        assignee: null,
        pendingRequest: null,
        deadline: { stage: null, due: null },
      });
      expect((await life.read(id)).timeline.at(-1), stage).toMatchObject({
        command: 'cancel',
        fromState: stage,
        data: { reason: `cancelled while ${stage}` },
      });
    }
    // A suspended case too.
    const id = await walkTo(life, 'handling');
    await life.command('handler-sanitation-150102', `/api/handling/cases/${id}/suspension`, {
      reason: 'winter',
    });
    await life.command('dispatcher1', `/api/dispatch/cases/${id}/suspension/decide`, { approve: true });
    const view = await life.command('shiftlead1', `/api/dispatch/cases/${id}/cancel`, {
      reason: 'no longer needed',
    });
    expect(view.state).toBe('cancelled');
  });

  redisTest('guards: the wrong officer, a stale version, a repeated command, another city', async () => {
    const id = await walkTo(life, 'verifying');
    const detail = await life.read(id);
    // officer2 patrols other grids: the case is outside their jurisdiction altogether.
    const stranger = await life.post('officer2', `/api/dispatch/cases/${id}/verify`, { found: true });
    expect(stranger).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    // The shift lead sees it but is not the assigned officer.
    const lead = await life.post('shiftlead1', `/api/dispatch/cases/${id}/verify`, { found: true });
    expect(lead).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const stale = await life.post('officer1', `/api/dispatch/cases/${id}/verify`, {
      found: true,
      expectedVersion: detail.version - 1,
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'VERSION_CONFLICT' } });
    await life.command('officer1', `/api/dispatch/cases/${id}/verify`, {
      found: true,
      expectedVersion: detail.version,
    });
    const again = await life.post('officer1', `/api/dispatch/cases/${id}/verify`, { found: true });
    expect(again).toMatchObject({ status: 409, body: { code: 'TRANSITION_NOT_ALLOWED' } });
    const unknownCategory = await life.post('shiftlead1', `/api/dispatch/cases/${id}/file`, {
      categoryCode: 'E9999',
    });
    expect(unknownCategory).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    await life.command('shiftlead1', `/api/dispatch/cases/${id}/file`);
    const nowhere = await life.post('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, {
      departmentId: 'dept-1502-sanitation',
    });
    expect(nowhere).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const missing = await life.post('dispatcher1', '/api/dispatch/cases/no-such-case/dispatch', {
      departmentId: sanitation,
    });
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  redisTest('filing may correct the category and urgency; the history keeps both values', async () => {
    const id = await walkTo(life, 'verified');
    const view = await life.command('shiftlead1', `/api/dispatch/cases/${id}/file`, { urgency: 'urgent' });
    // Urgent: a 15-minute dispatch limit.
    expect(view).toMatchObject({
      urgency: 'urgent',
      deadline: { stage: 'dispatch', due: at('2026-03-02T09:15:00') },
    });
    expect((await life.read(id)).timeline.at(-1)?.data).toMatchObject({
      urgencyChange: { from: 'normal', to: 'urgent' },
    });
  });
});
