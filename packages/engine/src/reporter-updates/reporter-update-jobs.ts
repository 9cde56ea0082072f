/**
 * The reporter updates a committed step asks for, as outbox rows written in its case write's
 * statement: one job per channel the reporter left (email, phone) when the step is one they hear of
 * (filed, dispatched, closed) and they have not opted out, and the same for every caller attached
 * to the case (附加来电) who left an address and has not opted out. Sending is the job's, never the step's:
 * a mail server away delays a message, not a case.
 */
import type { CallerToUpdate, CaseRow, NewOutboxRow } from '@urbangrid/db';
import { type ReporterUpdateChannel, reporterUpdateEventOf, type TransitionPlan } from '@urbangrid/domain';
import type { ReporterUpdateJob } from '../queues.js';

export function reporterUpdateRows(
  plan: Pick<TransitionPlan, 'command' | 'to' | 'changes'>,
  after: CaseRow,
  eventId: string,
  callers: readonly CallerToUpdate[] = [],
): NewOutboxRow[] {
  const event = reporterUpdateEventOf(plan);
  if (event === null || after.reporterErasedAt !== null) return [];
  const row = (channel: ReporterUpdateChannel, callerId?: string): NewOutboxRow => {
    const payload: ReporterUpdateJob = {
      caseId: after.id,
      city: after.city,
      event,
      channel,
      ...(callerId === undefined ? {} : { callerId }),
    };
    return {
      city: after.city,
      caseId: after.id,
      eventId,
      queue: 'reporterUpdate',
      jobName: `reporter.${channel}`,
      jobId:
        callerId === undefined
          ? `${eventId}-reporter-${channel}`
          : `${eventId}-caller-${callerId}-${channel}`,
      payload,
      runAt: null,
    };
  };
  const rows: NewOutboxRow[] = [];
  if (after.reporterUpdates) {
    if (after.reporterEmailEnc !== null) rows.push(row('email'));
    if (after.reporterPhoneEnc !== null) rows.push(row('sms'));
  }
  for (const caller of callers) {
    if (caller.email) rows.push(row('email', caller.id));
    if (caller.sms) rows.push(row('sms', caller.id));
  }
  return rows;
}
