/** 核查 and 结案: the worker hands the check to an officer, who confirms the fix; the shift lead closes. */
import { z } from 'zod';
import { notify } from '../follow-ups.js';
import { bodyFields, noFields, transition } from '../rule.js';
import { closureTypeOf } from '../snapshot.js';

export const checkRows = {
  /** System: the review worker hands the check task (核查任务) to an officer. */
  startReview: transition({
    term: '派发核查任务',
    from: ['handled'],
    issuers: { roles: [], system: true },
    body: z.object({ assignee: bodyFields.username }),
    outcome: (_snapshot, command) => ({
      to: 'reviewing',
      set: { assignee: command.assignee, checkPassed: false },
      opensTask: 'check',
      followUps: [notify('assignee', 'task.check')],
    }),
  }),
  check: transition({
    term: '核查',
    from: ['reviewing'],
    issuers: { roles: ['grid_officer'], guard: 'assignedOfficer' },
    body: z.object({ fixed: z.boolean() }),
    outcome: (_snapshot, command) =>
      command.fixed
        ? {
            to: 'reviewed',
            set: { assignee: null, checkPassed: true },
            stamps: ['reviewed'],
            closesTasks: { status: 'done', kind: 'check' },
            followUps: [notify('shift_lead', 'case.checked')],
          }
        : {
            // 返工: back to the same department, handling clock starts over.
            to: 'handling',
            set: { assignee: null, checkPassed: false },
            closesTasks: { status: 'done', kind: 'check' },
            increment: { reworkCount: 1 },
            followUps: [notify('department', 'case.rework')],
          },
  }),
  close: transition({
    term: '结案',
    from: ['reviewed'],
    issuers: { roles: ['shift_lead'] },
    body: noFields,
    requires: (snapshot) =>
      snapshot.checkPassed ? null : 'a case is closed only after a passed check (核查)',
    outcome: (snapshot) => ({
      to: 'closed',
      set: { closureType: closureTypeOf(snapshot) },
      stamps: ['closed'],
      followUps: [notify('reporter', 'case.closed')],
    }),
  }),
};
