/**
 * Every (state, command) pair, checked against a hand-written copy of api.md's table: either the
 * command is allowed and lands in the expected state, or it is refused because of the state.
 */
import { describe, expect, it } from 'vitest';
import { actors, snapshotIn } from '../test-support/lifecycle-fixtures.js';
import type { Actor } from './actors.js';
import type { CaseCommand, CaseCommandType } from './commands.js';
import { caseCommands } from './commands.js';
import { planTransition } from './plan.js';
import type { CaseSnapshot } from './snapshot.js';
import { type CaseState, caseStates, isTerminal, type OpenState, openStates, stageOf } from './states.js';

const sameState = (states: readonly OpenState[]): Partial<Record<CaseState, CaseState>> =>
  Object.fromEntries(states.map((state) => [state, state]));

/** Allowed pairs and their target; every pair not listed must be TRANSITION_NOT_ALLOWED. */
const expected: Record<CaseCommandType, Partial<Record<CaseState, CaseState>>> = {
  report: {},
  verify: { verifying: 'verified' },
  file: { verified: 'filed' },
  reject: { reported: 'rejected', verifying: 'rejected', verified: 'rejected' },
  handOverTo110: { reported: 'closed', verifying: 'closed', verified: 'closed', filed: 'closed' },
  dispatch: { filed: 'dispatched' },
  cancel: Object.fromEntries(openStates.map((state) => [state, 'cancelled'])),
  accept: { dispatched: 'handling' },
  complete: { handling: 'handled' },
  return: { dispatched: 'filed', handling: 'filed' },
  requestExtension: { handling: 'handling' },
  decideExtension: { handling: 'handling' },
  requestSuspension: { handling: 'handling' },
  decideSuspension: { handling: 'suspended' },
  resume: { suspended: 'handling' },
  check: { reviewing: 'reviewed' },
  close: { reviewed: 'closed' },
  superviseOrder: sameState(openStates),
  attachCall: sameState(openStates),
  reassign: { reported: 'verifying', verifying: 'verifying', handled: 'reviewing', reviewing: 'reviewing' },
  assignVerification: { reported: 'verifying' },
  startReview: { handled: 'reviewing' },
  markOverdue: sameState(openStates.filter((state) => state !== 'suspended')),
};

/** The right person for each command, so only the state decides. */
function rightActor(type: CaseCommandType): Actor {
  switch (type) {
    case 'report':
    case 'attachCall':
      return actors.operator;
    case 'verify':
    case 'check':
      return actors.officer1;
    case 'file':
    case 'reject':
    case 'handOverTo110':
    case 'cancel':
    case 'close':
    case 'reassign':
      return actors.shiftLead;
    case 'dispatch':
    case 'decideExtension':
    case 'decideSuspension':
      return actors.dispatcher;
    case 'accept':
    case 'complete':
    case 'return':
    case 'requestExtension':
    case 'requestSuspension':
    case 'resume':
      return actors.handlerD1;
    case 'superviseOrder':
      return actors.supervisor;
    case 'assignVerification':
    case 'startReview':
    case 'markOverdue':
      return actors.system;
  }
}

function sampleCommand(type: CaseCommandType, state: CaseState): CaseCommand {
  switch (type) {
    case 'report':
      return { type, source: 'hotline' };
    case 'verify':
      return { type, found: true };
    case 'check':
      return { type, fixed: true };
    case 'reject':
    case 'handOverTo110':
    case 'cancel':
    case 'return':
    case 'requestSuspension':
      return { type, reason: 'test' };
    case 'requestExtension':
      return { type, workMinutes: 120, reason: 'test' };
    case 'decideExtension':
    case 'decideSuspension':
      return { type, approve: true };
    case 'dispatch':
      return { type, departmentId: 'D1' };
    case 'assignVerification':
    case 'startReview':
      return { type, assignee: 'officer1' };
    case 'reassign':
      // Someone other than the officer a verifying or reviewing case already has.
      return { type, assignee: 'officer2' };
    case 'markOverdue':
      return { type, stage: stageOf(state) ?? 'verify', light: 'red' };
    case 'superviseOrder':
      return { type };
    case 'attachCall':
      return { type, callerId: 'caller-1' };
    case 'file':
    case 'accept':
    case 'complete':
    case 'resume':
    case 'close':
      return { type };
  }
}

/** The case as it must be for the command to pass its non-state conditions. */
function readyCase(state: CaseState, type: CaseCommandType): CaseSnapshot {
  const pendingRequest =
    type === 'decideExtension' ? 'extension' : type === 'decideSuspension' ? 'suspension' : null;
  return snapshotIn(state, {
    pendingRequest: state === 'handling' ? pendingRequest : null,
    requestedExtensionMinutes: state === 'handling' && pendingRequest === 'extension' ? 120 : null,
    light: type === 'superviseOrder' ? 'red' : 'green',
  });
}

describe('the lifecycle table, every state x command', () => {
  for (const type of caseCommands) {
    for (const state of caseStates) {
      const target = expected[type][state];
      it(`${type} in ${state} → ${target ?? 'refused'}`, () => {
        const decision = planTransition(readyCase(state, type), sampleCommand(type, state), rightActor(type));
        if (target === undefined) {
          expect(decision).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
          if (!decision.ok) {
            expect(decision.reason).toMatch(
              type === 'report'
                ? /exists already/
                : isTerminal(state)
                  ? /final state/
                  : /not allowed in state/,
            );
          }
        } else {
          expect(decision).toMatchObject({ ok: true, from: state, to: target });
        }
      });
    }
  }

  it('covers every command type', () => {
    expect(Object.keys(expected).sort()).toEqual([...caseCommands].sort());
  });
});
