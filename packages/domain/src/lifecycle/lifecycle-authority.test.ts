/** Who may issue each command: roles, actor kinds and the per-case guards. */
import { describe, expect, it } from 'vitest';
import { actors, snapshotIn } from '../test-support/lifecycle-fixtures.js';
import { type Actor, roles, userActor } from './actors.js';
import type { CaseCommand } from './commands.js';
import { planTransition } from './plan.js';
import type { CaseSnapshot } from './snapshot.js';

describe('who may issue what', () => {
  const cases: Array<{ command: CaseCommand; snapshot: CaseSnapshot; allowed: readonly Actor[] }> = [
    { command: { type: 'file' }, snapshot: snapshotIn('verified'), allowed: [actors.shiftLead] },
    {
      command: { type: 'reject', reason: 'dup' },
      snapshot: snapshotIn('verified'),
      allowed: [actors.shiftLead],
    },
    {
      command: { type: 'cancel', reason: 'dup' },
      snapshot: snapshotIn('handling'),
      allowed: [actors.shiftLead],
    },
    { command: { type: 'close' }, snapshot: snapshotIn('reviewed'), allowed: [actors.shiftLead] },
    {
      command: { type: 'dispatch', departmentId: 'D1' },
      snapshot: snapshotIn('filed'),
      allowed: [actors.dispatcher, actors.system],
    },
    {
      command: { type: 'decideExtension', approve: true },
      snapshot: snapshotIn('handling', { pendingRequest: 'extension', requestedExtensionMinutes: 60 }),
      allowed: [actors.dispatcher],
    },
    {
      command: { type: 'decideSuspension', approve: false },
      snapshot: snapshotIn('handling', { pendingRequest: 'suspension' }),
      allowed: [actors.dispatcher],
    },
    {
      command: { type: 'verify', found: true },
      snapshot: snapshotIn('verifying'),
      allowed: [actors.officer1],
    },
    {
      command: { type: 'check', fixed: true },
      snapshot: snapshotIn('reviewing'),
      allowed: [actors.officer1],
    },
    { command: { type: 'accept' }, snapshot: snapshotIn('dispatched'), allowed: [actors.handlerD1] },
    { command: { type: 'complete' }, snapshot: snapshotIn('handling'), allowed: [actors.handlerD1] },
    {
      command: { type: 'return', reason: 'not ours' },
      snapshot: snapshotIn('handling'),
      allowed: [actors.handlerD1],
    },
    {
      command: { type: 'requestExtension', workMinutes: 60, reason: 'parts' },
      snapshot: snapshotIn('handling'),
      allowed: [actors.handlerD1],
    },
    {
      command: { type: 'requestSuspension', reason: 'winter' },
      snapshot: snapshotIn('handling'),
      allowed: [actors.handlerD1],
    },
    { command: { type: 'resume' }, snapshot: snapshotIn('suspended'), allowed: [actors.handlerD1] },
    {
      command: { type: 'superviseOrder' },
      snapshot: snapshotIn('handling', { light: 'red' }),
      // A city's supervision centre, and the region's supervisor (its 督办 on a case).
      allowed: [actors.supervisor, actors.regionSupervisor],
    },
    {
      command: { type: 'attachCall', callerId: 'caller-1' },
      snapshot: snapshotIn('dispatched'),
      allowed: [actors.operator],
    },
    {
      command: { type: 'reassign', assignee: 'officer2' },
      snapshot: snapshotIn('verifying'),
      allowed: [actors.shiftLead],
    },
    {
      command: { type: 'assignVerification', assignee: 'officer1' },
      snapshot: snapshotIn('reported'),
      allowed: [actors.system],
    },
    {
      command: { type: 'startReview', assignee: 'officer1' },
      snapshot: snapshotIn('handled'),
      allowed: [actors.system],
    },
    {
      command: { type: 'markOverdue', stage: 'handle', light: 'yellow' },
      snapshot: snapshotIn('handling'),
      allowed: [actors.system],
    },
  ];

  for (const { command, snapshot, allowed } of cases) {
    it(`${command.type}: allowed for ${allowed.length} actor(s), FORBIDDEN for all others`, () => {
      for (const actor of Object.values(actors)) {
        const decision = planTransition(snapshot, command, actor);
        if (allowed.includes(actor))
          expect(decision.ok, `${command.type} by ${JSON.stringify(actor)}`).toBe(true);
        else
          expect(decision, `${command.type} by ${JSON.stringify(actor)}`).toMatchObject({
            code: 'FORBIDDEN',
          });
      }
    });
  }

  it('admin holds no command: every role is checked against the table, admin is not a bypass', () => {
    const everything = userActor('root', [...roles]);
    const onlyAdmin = actors.admin;
    expect(planTransition(snapshotIn('verified'), { type: 'file' }, everything).ok).toBe(true);
    expect(planTransition(snapshotIn('verified'), { type: 'file' }, onlyAdmin)).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('verify and check only by the assigned officer, not by another officer', () => {
    expect(
      planTransition(snapshotIn('verifying'), { type: 'verify', found: true }, actors.officer2),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: expect.stringContaining('officer1'),
    });
    expect(
      planTransition(snapshotIn('reviewing'), { type: 'check', fixed: true }, actors.officer2),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const unassigned = snapshotIn('verifying', { assignee: null });
    expect(planTransition(unassigned, { type: 'verify', found: true }, actors.officer1)).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it("department work only by a handler of the case's department", () => {
    for (const command of [{ type: 'accept' }, { type: 'return', reason: 'x' }] as const) {
      expect(planTransition(snapshotIn('dispatched'), command, actors.handlerD2)).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const twoDepartments = userActor('handler-multi', ['department_handler'], ['D2', 'D1']);
    expect(planTransition(snapshotIn('dispatched'), { type: 'accept' }, twoDepartments).ok).toBe(true);
    const wrongRole = userActor('officer-in-D1', ['grid_officer'], ['D1']);
    expect(planTransition(snapshotIn('dispatched'), { type: 'accept' }, wrongRole)).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('a wrong role is FORBIDDEN even when the state would not allow it either', () => {
    expect(planTransition(snapshotIn('closed'), { type: 'file' }, actors.dispatcher)).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('malformed commands fail validation', () => {
    expect(
      planTransition(snapshotIn('handling'), { type: 'cancel', reason: '  ' }, actors.shiftLead),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: expect.stringContaining('reason'),
    });
    const badMinutes = { type: 'requestExtension', workMinutes: -5, reason: 'x' } as const;
    expect(planTransition(snapshotIn('handling'), badMinutes, actors.handlerD1)).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
