/** 核实: the verification of a report on site — the worker hands the task out, the officer answers. */
import { z } from 'zod';
import { notify } from '../follow-ups.js';
import { bodyFields, transition } from '../rule.js';

export const verificationRows = {
  /** System: the verify worker hands the verification task (核实任务) to an officer. */
  assignVerification: transition({
    term: '派发核实任务',
    from: ['reported'],
    issuers: { roles: [], system: true },
    body: z.object({ assignee: bodyFields.username }),
    outcome: (_snapshot, command) => ({
      to: 'verifying',
      set: { assignee: command.assignee },
      opensTask: 'verification',
      followUps: [notify('assignee', 'task.verification')],
    }),
  }),
  verify: transition({
    term: '核实',
    from: ['verifying'],
    issuers: { roles: ['grid_officer'], guard: 'assignedOfficer' },
    body: z.object({ found: z.boolean() }),
    outcome: (_snapshot, command) =>
      command.found
        ? {
            to: 'verified',
            set: { assignee: null },
            stamps: ['verified'],
            closesTasks: { status: 'done', kind: 'verification' },
            followUps: [notify('shift_lead', 'case.verified')],
          }
        : { to: 'rejected', stamps: ['rejected'], followUps: [notify('reporter', 'case.rejected')] },
  }),
};
