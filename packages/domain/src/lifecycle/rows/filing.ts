/** 立案: the shift lead files a verified report, or rejects it (不予立案). */
import { z } from 'zod';
import { notify, suggestDepartment } from '../follow-ups.js';
import { bodyFields, noFields, transition } from '../rule.js';

export const filingRows = {
  file: transition({
    term: '立案',
    from: ['verified'],
    issuers: { roles: ['shift_lead'] },
    body: noFields,
    outcome: () => ({
      to: 'filed',
      stamps: ['filed'],
      suggestsDepartment: true,
      followUps: [suggestDepartment, notify('dispatcher', 'case.filed')],
    }),
  }),
  reject: transition({
    term: '不予立案',
    from: ['reported', 'verifying', 'verified'],
    issuers: { roles: ['shift_lead'] },
    body: z.object({ reason: bodyFields.text }),
    outcome: () => ({
      to: 'rejected',
      stamps: ['rejected'],
      followUps: [notify('reporter', 'case.rejected')],
    }),
  }),
};
