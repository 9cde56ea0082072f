/** The rules beyond the state table: who may act, guards, payload branches, counters, follow-ups. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { actors, snapshotIn } from '../test-support/lifecycle-fixtures.js';
import { type Actor, userActor } from './actors.js';
import {
  type CaseCommand,
  type CaseCommandType,
  caseCommandSchema,
  type HumanCommandType,
  type SystemCommandType,
  systemCommands,
} from './commands.js';
import { lifecycle } from './lifecycle.js';
import { applyPlan, availableCommands, planTransition, type TransitionDecision } from './plan.js';
import type { CaseSnapshot } from './snapshot.js';

function planned(decision: TransitionDecision) {
  if (!decision.ok) throw new Error(`expected an allowed plan, got ${decision.code}: ${decision.reason}`);
  return decision;
}

describe('report (上报)', () => {
  it('a hotline report starts reported, with no user as reporter, and asks for a verification task', () => {
    const plan = planned(planTransition(null, { type: 'report', source: 'hotline' }, actors.operator));
    expect(plan.to).toBe('reported');
    expect(plan.followUps).toContainEqual({ kind: 'assignTask', task: 'verification' });
    expect(plan.followUps).toContainEqual({ kind: 'armDeadline', stage: 'verify' });
    const created = applyPlan(null, plan);
    expect(created).toMatchObject({
      state: 'reported',
      reporter: null, // a citizen called; the operator only registered it
      source: 'hotline',
      reworkCount: 0,
    });
  });

  it('an integration may report and is recorded with no reporter', () => {
    const plan = planned(planTransition(null, { type: 'report', source: 'public' }, actors.hotline));
    expect(applyPlan(null, plan).reporter).toBeNull();
  });

  it('an officer report starts verified, waiting to be filed', () => {
    const plan = planned(planTransition(null, { type: 'report', source: 'officer' }, actors.officer1));
    expect(plan.to).toBe('verified');
    expect(plan.followUps).toContainEqual({ kind: 'armDeadline', stage: 'file' });
  });

  it('a self-handled officer report starts reviewed with a passed check, so the shift lead can close it', () => {
    const plan = planned(
      planTransition(null, { type: 'report', source: 'officer', selfHandled: true }, actors.officer1),
    );
    const created = applyPlan(null, plan);
    expect(created).toMatchObject({
      state: 'reviewed',
      checkPassed: true,
      selfHandled: true,
      reporter: 'officer1',
    });
    const close = planned(planTransition(created, { type: 'close' }, actors.shiftLead));
    expect(close.to).toBe('closed');
  });

  it('refuses self-handling outside an officer report, and officer reports from non-officers', () => {
    expect(
      planTransition(null, { type: 'report', source: 'hotline', selfHandled: true }, actors.operator),
    ).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(planTransition(null, { type: 'report', source: 'officer' }, actors.operator)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(planTransition(null, { type: 'report', source: 'hotline' }, actors.officer1)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    for (const actor of [actors.shiftLead, actors.dispatcher, actors.admin, actors.system]) {
      expect(planTransition(null, { type: 'report', source: 'app' }, actor)).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });

  it('other commands need an existing case', () => {
    expect(planTransition(null, { type: 'file' }, actors.shiftLead)).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });
  });
});

describe('branches, counters and follow-ups', () => {
  it('verify found=false rejects the case and releases the officer', () => {
    const plan = planned(
      planTransition(snapshotIn('verifying'), { type: 'verify', found: false }, actors.officer1),
    );
    expect(plan.to).toBe('rejected');
    expect(applyPlan(snapshotIn('verifying'), plan).assignee).toBeNull();
    expect(plan.followUps).toContainEqual({ kind: 'stopClock' });
  });

  it('file suggests a department and arms the dispatch deadline', () => {
    const plan = planned(planTransition(snapshotIn('verified'), { type: 'file' }, actors.shiftLead));
    expect(plan.followUps).toContainEqual({ kind: 'suggestDepartment' });
    expect(plan.followUps).toContainEqual({ kind: 'armDeadline', stage: 'dispatch' });
  });

  it('dispatch sets the department, counts a dispatch and starts the handling clock', () => {
    const before = snapshotIn('filed', { light: 'red' });
    const plan = planned(planTransition(before, { type: 'dispatch', departmentId: 'D7' }, actors.dispatcher));
    const after = applyPlan(before, plan);
    expect(after).toMatchObject({
      state: 'dispatched',
      departmentId: 'D7',
      dispatchCount: 1,
      light: 'green',
    });
    expect(plan.followUps).toContainEqual({ kind: 'armDeadline', stage: 'handle' });
  });

  it('accept keeps the handling clock running (same stage, no new deadline)', () => {
    const plan = planned(planTransition(snapshotIn('dispatched'), { type: 'accept' }, actors.handlerD1));
    expect(plan.followUps.some((f) => f.kind === 'armDeadline')).toBe(false);
  });

  it('return goes back to filed, counts a return and a dispatch error, and drops the department', () => {
    const before = snapshotIn('handling', { pendingRequest: 'extension', requestedExtensionMinutes: 30 });
    const plan = planned(planTransition(before, { type: 'return', reason: 'not ours' }, actors.handlerD1));
    expect(applyPlan(before, plan)).toMatchObject({
      state: 'filed',
      departmentId: null,
      returnCount: 1,
      dispatchErrorCount: 1,
      pendingRequest: null,
    });
  });

  it('extension: one pending request at a time, decided only when pending, granted minutes add up', () => {
    const handling = snapshotIn('handling', { light: 'yellow' });
    const request = { type: 'requestExtension', workMinutes: 240, reason: 'parts' } as const;
    const requested = applyPlan(handling, planned(planTransition(handling, request, actors.handlerD1)));
    expect(requested).toMatchObject({
      state: 'handling',
      pendingRequest: 'extension',
      requestedExtensionMinutes: 240,
    });
    expect(planTransition(requested, request, actors.handlerD1)).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      reason: expect.stringContaining('already pending'),
    });
    expect(
      planTransition(requested, { type: 'requestSuspension', reason: 'x' }, actors.handlerD1),
    ).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(
      planTransition(requested, { type: 'decideSuspension', approve: true }, actors.dispatcher),
    ).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', reason: 'no suspension request is pending' });

    const approve = planned(
      planTransition(requested, { type: 'decideExtension', approve: true }, actors.dispatcher),
    );
    const approved = applyPlan(requested, approve);
    expect(approved).toMatchObject({
      state: 'handling',
      pendingRequest: null,
      extensionCount: 1,
      extensionMinutes: 240,
      light: 'green',
    });
    expect(approve.followUps).toContainEqual({ kind: 'armDeadline', stage: 'handle' });
    expect(
      planTransition(approved, { type: 'decideExtension', approve: true }, actors.dispatcher),
    ).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });
  });

  it('a denied extension clears the request and counts nothing', () => {
    const requested = snapshotIn('handling', { pendingRequest: 'extension', requestedExtensionMinutes: 60 });
    const plan = planned(
      planTransition(requested, { type: 'decideExtension', approve: false }, actors.dispatcher),
    );
    expect(applyPlan(requested, plan)).toMatchObject({
      state: 'handling',
      pendingRequest: null,
      extensionCount: 0,
    });
  });

  it('suspension stops the clock, resume restarts it', () => {
    const requested = snapshotIn('handling', { pendingRequest: 'suspension' });
    const approve = planned(
      planTransition(requested, { type: 'decideSuspension', approve: true }, actors.dispatcher),
    );
    const suspended = applyPlan(requested, approve);
    expect(suspended).toMatchObject({ state: 'suspended', suspensionCount: 1, pendingRequest: null });
    expect(approve.followUps).toContainEqual({ kind: 'stopClock' });
    const deny = planned(
      planTransition(requested, { type: 'decideSuspension', approve: false }, actors.dispatcher),
    );
    expect(deny.to).toBe('handling');
    const resume = planned(planTransition(suspended, { type: 'resume' }, actors.handlerD1));
    expect(resume.to).toBe('handling');
    expect(resume.followUps).toContainEqual({ kind: 'resumeClock' });
  });

  it('complete hands the case to a check task', () => {
    const plan = planned(planTransition(snapshotIn('handling'), { type: 'complete' }, actors.handlerD1));
    expect(plan.to).toBe('handled');
    expect(plan.followUps).toContainEqual({ kind: 'assignTask', task: 'check' });
    expect(plan.followUps).toContainEqual({ kind: 'armDeadline', stage: 'check' });
  });

  it('a failed check is rework: back to handling, same department, rework counted', () => {
    const reviewing = snapshotIn('reviewing');
    const plan = planned(planTransition(reviewing, { type: 'check', fixed: false }, actors.officer1));
    expect(applyPlan(reviewing, plan)).toMatchObject({
      state: 'handling',
      departmentId: 'D1',
      reworkCount: 1,
      assignee: null,
      checkPassed: false,
    });
    expect(plan.followUps).toContainEqual({ kind: 'armDeadline', stage: 'handle' });
  });

  it('close needs a passed check', () => {
    expect(
      planTransition(snapshotIn('reviewed', { checkPassed: false }), { type: 'close' }, actors.shiftLead),
    ).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', reason: expect.stringContaining('passed check') });
  });

  it('cancel clears the task and the pending request and stops the clock', () => {
    const before = snapshotIn('reviewing', { pendingRequest: null });
    const plan = planned(planTransition(before, { type: 'cancel', reason: 'duplicate' }, actors.shiftLead));
    expect(applyPlan(before, plan)).toMatchObject({ state: 'cancelled', assignee: null });
    expect(plan.followUps).toContainEqual({ kind: 'stopClock' });
  });

  it('supervision order (督办) only on an overdue case, state unchanged', () => {
    expect(
      planTransition(snapshotIn('handling'), { type: 'superviseOrder' }, actors.supervisor),
    ).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });
    const overdue = snapshotIn('handling', { light: 'red' });
    const plan = planned(
      planTransition(overdue, { type: 'superviseOrder', note: 'hurry' }, actors.supervisor),
    );
    expect(applyPlan(overdue, plan)).toMatchObject({ state: 'handling', supervisionCount: 1 });
    expect(plan.followUps).toContainEqual({
      kind: 'notify',
      audience: 'department',
      event: 'case.supervised',
    });
  });

  it('改派: the shift lead sends another officer; the stage and its clock go on, the officer is told', () => {
    const waiting = snapshotIn('reported');
    const sent = planned(
      planTransition(waiting, { type: 'reassign', assignee: 'officer2' }, actors.shiftLead),
    );
    expect(applyPlan(waiting, sent)).toMatchObject({ state: 'verifying', assignee: 'officer2' });
    expect(sent.followUps).toEqual([{ kind: 'notify', audience: 'assignee', event: 'task.verification' }]);

    const checking = snapshotIn('reviewing');
    const other = planned(
      planTransition(checking, { type: 'reassign', assignee: 'officer2' }, actors.shiftLead),
    );
    expect(applyPlan(checking, other)).toMatchObject({ state: 'reviewing', assignee: 'officer2' });
    expect(other.followUps).not.toContainEqual(expect.objectContaining({ kind: 'armDeadline' }));
    expect(
      planTransition(checking, { type: 'reassign', assignee: 'officer1' }, actors.shiftLead),
    ).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED', reason: expect.stringMatching(/already/) });
  });

  it('改派 never sends the officer who reported the case to check its fix', () => {
    const reportedByOfficer2 = snapshotIn('handled', { reporter: 'officer2' });
    expect(
      planTransition(reportedByOfficer2, { type: 'reassign', assignee: 'officer2' }, actors.shiftLead),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      reason: expect.stringMatching(/reported this case/),
    });
    // Their own report's verification is not a check: the rule is about confirming a fix.
    const verifying = snapshotIn('verifying', { reporter: 'officer2' });
    expect(planTransition(verifying, { type: 'reassign', assignee: 'officer2' }, actors.shiftLead).ok).toBe(
      true,
    );
  });

  it('markOverdue raises the light once, ignores repeats and refuses stale timers', () => {
    const handling = snapshotIn('handling');
    const yellow = planned(
      planTransition(handling, { type: 'markOverdue', stage: 'handle', light: 'yellow' }, actors.system),
    );
    const warned = applyPlan(handling, yellow);
    expect(warned).toMatchObject({ light: 'yellow', overdueCount: 0 });
    const red = planned(
      planTransition(warned, { type: 'markOverdue', stage: 'handle', light: 'red' }, actors.system),
    );
    const overdue = applyPlan(warned, red);
    expect(overdue).toMatchObject({ light: 'red', overdueCount: 1 });
    const again = planned(
      planTransition(overdue, { type: 'markOverdue', stage: 'handle', light: 'red' }, actors.system),
    );
    expect(again.changes).toEqual({ set: {}, increment: {} });
    expect(again.followUps).toEqual([]);
    expect(
      planTransition(
        snapshotIn('filed'),
        { type: 'markOverdue', stage: 'handle', light: 'red' },
        actors.system,
      ),
    ).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', reason: expect.stringContaining('stale') });
  });

  it('applyPlan refuses a plan made for another state', () => {
    const plan = planned(planTransition(snapshotIn('verified'), { type: 'file' }, actors.shiftLead));
    expect(() => applyPlan(snapshotIn('filed'), plan)).toThrow(/leaves from verified/);
  });
});

describe('what the write records beside the state (the outcome the engine carries out)', () => {
  const walk = (state: Parameters<typeof snapshotIn>[0], command: CaseCommand, actor: Actor) =>
    planned(planTransition(snapshotIn(state), command, actor));

  it('each step records its moment, and a self-handled report records three at once', () => {
    expect(walk('verifying', { type: 'verify', found: true }, actors.officer1).stamps).toEqual(['verified']);
    expect(walk('verified', { type: 'file' }, actors.shiftLead).stamps).toEqual(['filed']);
    expect(walk('dispatched', { type: 'accept' }, actors.handlerD1).stamps).toEqual(['accepted']);
    // Back to filed or handling by another road records nothing: the moments are the steps'.
    expect(walk('handling', { type: 'return', reason: 'x' }, actors.handlerD1).stamps).toEqual([]);
    expect(walk('reviewing', { type: 'check', fixed: false }, actors.officer1).stamps).toEqual([]);
    const selfHandled = planned(
      planTransition(null, { type: 'report', source: 'officer', selfHandled: true }, actors.officer1),
    );
    expect(selfHandled.stamps).toEqual(['verified', 'handled', 'reviewed']);
  });

  it('every road into a final state records it and cancels the open officer tasks', () => {
    const roads: Array<[Parameters<typeof snapshotIn>[0], CaseCommand, Actor, string]> = [
      ['verifying', { type: 'verify', found: false }, actors.officer1, 'rejected'],
      ['verified', { type: 'reject', reason: 'x' }, actors.shiftLead, 'rejected'],
      ['reviewing', { type: 'cancel', reason: 'x' }, actors.shiftLead, 'cancelled'],
      ['reviewed', { type: 'close' }, actors.shiftLead, 'closed'],
    ];
    for (const [state, command, actor, stamp] of roads) {
      const plan = walk(state, command, actor);
      expect(plan.stamps, command.type).toContain(stamp);
      expect(plan.closesTasks, command.type).toEqual({ status: 'cancelled' });
    }
  });

  it('a verification or check done finishes its task; 改派 cancels the earlier one and opens one for the officer sent', () => {
    expect(walk('verifying', { type: 'verify', found: true }, actors.officer1).closesTasks).toEqual({
      status: 'done',
      kind: 'verification',
    });
    expect(walk('reviewing', { type: 'check', fixed: false }, actors.officer1).closesTasks).toEqual({
      status: 'done',
      kind: 'check',
    });
    const reassigned = walk('reviewing', { type: 'reassign', assignee: 'officer2' }, actors.shiftLead);
    expect(reassigned).toMatchObject({ closesTasks: { status: 'cancelled' }, opensTask: 'check' });
    expect(walk('reported', { type: 'reassign', assignee: 'officer2' }, actors.shiftLead).opensTask).toBe(
      'verification',
    );
    expect(walk('handled', { type: 'startReview', assignee: 'officer2' }, actors.system).opensTask).toBe(
      'check',
    );
  });

  it('filing looks up the suggested department; the first dispatch stays the first department', () => {
    expect(walk('verified', { type: 'file' }, actors.shiftLead).suggestsDepartment).toBe(true);
    expect(
      walk('filed', { type: 'dispatch', departmentId: 'D1' }, actors.dispatcher).suggestsDepartment,
    ).toBe(false);
    const first = planned(
      planTransition(
        snapshotIn('filed', { firstDepartmentId: null }),
        { type: 'dispatch', departmentId: 'D1' },
        actors.dispatcher,
      ),
    );
    expect(first.changes.set.firstDepartmentId).toBe('D1');
    const again = planned(
      planTransition(
        snapshotIn('filed', { firstDepartmentId: 'D1' }),
        { type: 'dispatch', departmentId: 'D2' },
        actors.dispatcher,
      ),
    );
    expect(again.changes.set).toMatchObject({ departmentId: 'D2', firstDepartmentId: 'D1' });
  });

  it('a return remembers the department and its reason, and asks for a new suggestion', () => {
    const handler = userActor('h1', ['department_handler'], ['D2']);
    const plan = planned(
      planTransition(
        snapshotIn('handling', { departmentId: 'D2', returnedByDepartmentIds: ['D1'] }),
        { type: 'return', reason: '非本部门职责' },
        handler,
      ),
    );
    expect(plan.suggestsDepartment).toBe(true);
    expect(plan.changes.set).toMatchObject({
      departmentId: null,
      returnedByDepartmentIds: ['D1', 'D2'],
      lastReturnReason: '非本部门职责',
    });
    // A department returning it a second time is listed once.
    const again = planned(
      planTransition(
        snapshotIn('dispatched', { departmentId: 'D2', returnedByDepartmentIds: ['D1', 'D2'] }),
        { type: 'return', reason: '仍非本部门' },
        handler,
      ),
    );
    expect(again.changes.set.returnedByDepartmentIds).toEqual(['D1', 'D2']);
  });

  it('a supervision order makes the case supervised and urgent; closing records the closure type', () => {
    const red = planned(
      planTransition(snapshotIn('handling', { light: 'red' }), { type: 'superviseOrder' }, actors.supervisor),
    );
    expect(red.changes.set).toMatchObject({ supervised: true, urgency: 'urgent' });
    const closeWith = (counts: Partial<CaseSnapshot>) =>
      planned(planTransition(snapshotIn('reviewed', counts), { type: 'close' }, actors.shiftLead)).changes.set
        .closureType;
    expect(closeWith({})).toBe('on_time');
    expect(closeWith({ overdueCount: 1 })).toBe('overdue');
    expect(closeWith({ overdueCount: 1, suspensionCount: 1 })).toBe('special');
  });
});

describe('availableCommands', () => {
  it("lists the buttons a handler sees on their department's case", () => {
    expect(availableCommands(snapshotIn('handling'), actors.handlerD1)).toEqual([
      'complete',
      'return',
      'requestExtension',
      'requestSuspension',
    ]);
    expect(availableCommands(snapshotIn('handling'), actors.handlerD2)).toEqual([]);
    expect(availableCommands(snapshotIn('reviewed'), actors.shiftLead)).toEqual(['close', 'cancel']);
    expect(availableCommands(snapshotIn('closed'), actors.shiftLead)).toEqual([]);
  });
});

it('the command lists cover the command union exactly', () => {
  expectTypeOf<Exclude<CaseCommandType, HumanCommandType | SystemCommandType>>().toEqualTypeOf<never>();
});

it('the system commands are exactly the rows no role may issue', () => {
  const roleless = Object.entries(lifecycle).filter(([, row]) => row.issuers.roles.length === 0);
  expect(roleless.map(([type]) => type).sort()).toEqual([...systemCommands].sort());
});

it("a command's body is its row's: the table's schema takes it and drops what the row does not declare", () => {
  expect(caseCommandSchema.parse({ type: 'return', reason: ' 不归本部门 ', extra: 1 })).toEqual({
    type: 'return',
    reason: '不归本部门',
  });
  expect(
    caseCommandSchema.safeParse({ type: 'requestExtension', reason: 'r', workMinutes: 4801 }).success,
  ).toBe(false);
  expect(caseCommandSchema.safeParse({ type: 'nonsense' }).success).toBe(false);
});
