/**
 * 处置: the department signs for the case (签收), reports the fix (处理反馈) or sends it back (回退),
 * and may ask for more time (延期) or to park it (挂账) — requests the dispatcher decides.
 */
import { z } from 'zod';
import { armDeadline, assignTask, notify, resumeClock, stopClock, suggestDepartment } from '../follow-ups.js';
import { bodyFields, noFields, transition } from '../rule.js';
import type { CaseSnapshot } from '../snapshot.js';

/** Ten working days of 480 minutes: more is a suspension (挂账), not an extension. */
export const maxExtensionMinutes = 4800;

const handler = { roles: ['department_handler'], guard: 'caseDepartmentHandler' } as const;

/** The departments that returned the case, the one returning it now added once. */
const returnedBy = (snapshot: CaseSnapshot): readonly string[] =>
  snapshot.departmentId === null || snapshot.returnedByDepartmentIds.includes(snapshot.departmentId)
    ? snapshot.returnedByDepartmentIds
    : [...snapshot.returnedByDepartmentIds, snapshot.departmentId];

function noPendingRequest(snapshot: CaseSnapshot): string | null {
  return snapshot.pendingRequest === null ? null : `a ${snapshot.pendingRequest} request is already pending`;
}

function pending(kind: 'extension' | 'suspension'): (snapshot: CaseSnapshot) => string | null {
  return (snapshot) => (snapshot.pendingRequest === kind ? null : `no ${kind} request is pending`);
}

const decision = z.object({ approve: z.boolean() });

export const handlingRows = {
  accept: transition({
    term: '签收',
    from: ['dispatched'],
    issuers: handler,
    body: noFields,
    outcome: () => ({
      to: 'handling',
      // Signing for a case is the department's own step: nobody else has work from it.
      stamps: ['accepted'],
    }),
  }),
  complete: transition({
    term: '处理反馈',
    from: ['handling'],
    issuers: handler,
    body: noFields,
    // A request still pending is moot once the work is done.
    outcome: () => ({
      to: 'handled',
      set: { pendingRequest: null, requestedExtensionMinutes: null },
      stamps: ['handled'],
      followUps: [assignTask('check'), notify('intake_operator', 'case.handled')],
    }),
  }),
  return: transition({
    term: '回退',
    from: ['dispatched', 'handling'],
    issuers: handler,
    body: z.object({ reason: bodyFields.text }),
    // The dispatch that came back counts as a dispatch error (domain.md §3). The department that
    // returned it is remembered with its reason: marked on every board, never suggested again.
    outcome: (snapshot, command) => ({
      to: 'filed',
      set: {
        departmentId: null,
        pendingRequest: null,
        requestedExtensionMinutes: null,
        returnedByDepartmentIds: returnedBy(snapshot),
        lastReturnReason: command.reason,
      },
      increment: { returnCount: 1, dispatchErrorCount: 1 },
      suggestsDepartment: true,
      followUps: [suggestDepartment, notify('dispatcher', 'case.returned')],
    }),
  }),
  requestExtension: transition({
    term: '延期申请',
    from: ['handling'],
    issuers: handler,
    body: z.object({
      workMinutes: z.number().int().min(1).max(maxExtensionMinutes),
      reason: bodyFields.text,
    }),
    requires: noPendingRequest,
    outcome: (_snapshot, command) => ({
      to: 'handling',
      set: { pendingRequest: 'extension', requestedExtensionMinutes: command.workMinutes },
      followUps: [notify('dispatcher', 'extension.requested')],
    }),
  }),
  decideExtension: transition({
    term: '延期审批',
    from: ['handling'],
    issuers: { roles: ['dispatcher'] },
    body: decision,
    requires: pending('extension'),
    outcome: (snapshot, command) => {
      const cleared = { pendingRequest: null, requestedExtensionMinutes: null } as const;
      if (!command.approve) {
        return { to: 'handling', set: cleared, followUps: [notify('department', 'extension.denied')] };
      }
      // More time: the deadline moves, so the light starts over and the timers are re-armed.
      return {
        to: 'handling',
        set: { ...cleared, light: 'green' },
        increment: { extensionCount: 1, extensionMinutes: snapshot.requestedExtensionMinutes ?? 0 },
        followUps: [armDeadline('handle'), notify('department', 'extension.approved')],
      };
    },
  }),
  requestSuspension: transition({
    term: '挂账申请',
    from: ['handling'],
    issuers: handler,
    body: z.object({ reason: bodyFields.text }),
    requires: noPendingRequest,
    outcome: () => ({
      to: 'handling',
      set: { pendingRequest: 'suspension' },
      followUps: [notify('dispatcher', 'suspension.requested')],
    }),
  }),
  decideSuspension: transition({
    term: '挂账审批',
    from: ['handling'],
    issuers: { roles: ['dispatcher'] },
    body: decision,
    requires: pending('suspension'),
    outcome: (_snapshot, command) =>
      command.approve
        ? {
            to: 'suspended',
            set: { pendingRequest: null },
            increment: { suspensionCount: 1 },
            followUps: [stopClock, notify('department', 'suspension.approved')],
          }
        : {
            to: 'handling',
            set: { pendingRequest: null },
            followUps: [notify('department', 'suspension.denied')],
          },
  }),
  resume: transition({
    term: '恢复处置',
    from: ['suspended'],
    issuers: handler,
    body: noFields,
    // The dispatcher decided the suspension already; the resumed clock is the department's.
    outcome: () => ({ to: 'handling', followUps: [resumeClock] }),
  }),
};
