/**
 * The reporter updates a committed step asks for, as outbox rows written in its case write's
 * statement: one job per channel the reporter left (email, phone) when the step is one they hear of
 * (filed, dispatched, closed) and they have not opted out. Sending is the job's, never the step's:
 * a mail server away delays a message, not a case.
 */
import type { CaseRow, NewOutboxRow } from '@urbangrid/db';
import { type ReporterUpdateChannel, reporterUpdateEventOf, type TransitionPlan } from '@urbangrid/domain';
import type { ReporterUpdateJob } from '../queues.js';

export function reporterUpdateRows(
  plan: Pick<TransitionPlan, 'command' | 'to' | 'changes'>,
  after: CaseRow,
  eventId: string,
): NewOutboxRow[] {
  const event = reporterUpdateEventOf(plan);
  if (event === null || !after.reporterUpdates || after.reporterErasedAt !== null) return [];
  const channels: ReporterUpdateChannel[] = [];
  if (after.reporterEmailEnc !== null) channels.push('email');
  if (after.reporterPhoneEnc !== null) channels.push('sms');
  return channels.map((channel) => {
    const payload: ReporterUpdateJob = { caseId: after.id, city: after.city, event, channel };
    return {
      city: after.city,
      caseId: after.id,
      eventId,
      queue: 'reporterUpdate',
      jobName: `reporter.${channel}`,
      jobId: `${eventId}-reporter-${channel}`,
      payload,
      runAt: null,
    };
  });
}
