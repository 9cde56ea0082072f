/** 派遣: a filed case goes to a department. */
import { z } from 'zod';
import { notify } from '../follow-ups.js';
import { transition } from '../rule.js';

export const dispatchRows = {
  dispatch: transition({
    term: '派遣',
    from: ['filed'],
    // Workers may dispatch straight from the responsibility matrix (architecture.md: "propose or perform").
    issuers: { roles: ['dispatcher'], system: true },
    body: z.object({ departmentId: z.string().trim().min(1).max(100) }),
    outcome: (snapshot, command) => ({
      to: 'dispatched',
      // The first department stays: a return counts as a dispatch error against it.
      set: {
        departmentId: command.departmentId,
        firstDepartmentId: snapshot.firstDepartmentId ?? command.departmentId,
      },
      stamps: ['dispatched'],
      increment: { dispatchCount: 1 },
      followUps: [notify('department', 'case.dispatched')],
    }),
  }),
};
