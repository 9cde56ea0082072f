/**
 * 立案: the shift lead files a verified report, rejects it (不予立案), or hands a public-security
 * matter over to the police (移交110) before anyone is sent to fix it.
 */
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
  /**
   * 移交110: a public-security matter (a fight, a theft, a threat on the street) is the police's,
   * not a department's: the case ends here with a closure type of its own, and 110 hears of it by
   * its webhook subscription (`case.handedTo110`). Once dispatched, the department returns it first.
   */
  handOverTo110: transition({
    term: '移交110',
    from: ['reported', 'verifying', 'verified', 'filed'],
    issuers: { roles: ['shift_lead'] },
    body: z.object({ reason: bodyFields.text }),
    outcome: () => ({
      to: 'closed',
      set: { closureType: 'handed_to_110' },
      stamps: ['closed'],
      followUps: [notify('reporter', 'case.handedTo110')],
    }),
  }),
};
