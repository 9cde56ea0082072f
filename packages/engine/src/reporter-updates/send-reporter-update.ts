/**
 * One run of a reporter update's job: claim its send row (case + event + channel + recipient: the
 * reporter or a caller attached to the case), open the recipient's address — here and nowhere
 * else — fill in the message of their language and send it. A row already sent, failed for good
 * or held by another run sends nothing, so a job run twice sends once. A send that fails is tried
 * again after a backoff, and after the last try the row says `failed`; the case never waits for
 * any of it.
 */
import {
  claimReporterUpdate,
  findCallerContact,
  findReporterContact,
  openSealedText,
  type ReporterUpdateKey,
  recordReporterUpdate,
} from '@urbangrid/db';
import { type ReporterUpdateChannel, reporterUpdateMessage } from '@urbangrid/domain';
import type { EngineContext } from '../engine-context.js';
import type { ReporterUpdateJob } from '../queues.js';
import { reporterPageUrl } from './reporter-links.js';
import type { SendUpdate } from './reporter-senders.js';

export interface ReporterUpdateSenders {
  /** The key reporters' phones and emails are sealed with (PHONE_ENCRYPTION_KEY). */
  contactKey: Buffer;
  /** Where the public page of a case is served (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  /** A channel without a sender (no SMTP_URL, no SMS_WEBHOOK_URL) skips its updates. */
  send: Partial<Record<ReporterUpdateChannel, SendUpdate>>;
  /** Tries before an update is recorded as failed. */
  maxAttempts: number;
  /** How long a run holds the row: more than a send may take. */
  leaseMs: number;
  /** The wait before the next try, from the tries made so far (1 after the first). */
  retryDelayMs: (attempts: number) => number;
}

export type UpdateStep =
  | { kind: 'sent' | 'failed' | 'skipped'; reason?: string }
  /** Nothing to do: sent, failed or skipped before, or another run holds it. */
  | { kind: 'done' }
  | { kind: 'retry'; inMs: number };

export async function sendReporterUpdate(
  context: EngineContext,
  senders: ReporterUpdateSenders,
  job: ReporterUpdateJob,
): Promise<UpdateStep> {
  const { db } = context;
  const key: ReporterUpdateKey = {
    caseId: job.caseId,
    event: job.event,
    channel: job.channel,
    ...(job.callerId === undefined ? {} : { callerId: job.callerId }),
  };
  const claimed = await claimReporterUpdate(db, { ...key, city: job.city }, senders.leaseMs);
  if (claimed === null) return { kind: 'done' };
  const at = context.now();
  const skip = async (reason: string): Promise<UpdateStep> => {
    await recordReporterUpdate(db, key, { status: 'skipped', lastError: reason, at });
    return { kind: 'skipped', reason };
  };
  const contact =
    job.callerId === undefined
      ? await findReporterContact(db, job.caseId)
      : await findCallerContact(db, job.caseId, job.callerId);
  if (contact === null) return skip('no such case');
  if (!contact.wantsUpdates) return skip('opted out');
  const sealed = job.channel === 'email' ? contact.reporterEmailEnc : contact.reporterPhoneEnc;
  if (sealed === null) return skip('no address');
  const send = senders.send[job.channel];
  if (send === undefined) return skip(`no ${job.channel} sender configured`);

  const message = reporterUpdateMessage(job.event, contact.language, {
    caseNo: contact.caseNo,
    pageUrl: reporterPageUrl(senders.publicBaseUrl, senders.contactKey, contact.caseId, job.callerId),
  });
  const failure = await send({
    id: [job.caseId, job.event, job.channel, ...(job.callerId === undefined ? [] : [job.callerId])].join('.'),
    to: openSealedText(senders.contactKey, sealed, 'not a sealed reporter address'),
    subject: message.subject,
    text: job.channel === 'email' ? message.text : message.sms,
    language: contact.language,
    caseNo: contact.caseNo,
    event: job.event,
  });
  const log = { case: job.caseId, event: job.event, channel: job.channel, attempts: claimed.attempts };
  if (failure === null) {
    await recordReporterUpdate(db, key, { status: 'sent', language: contact.language, at });
    return { kind: 'sent' };
  }
  if (claimed.attempts >= senders.maxAttempts) {
    await recordReporterUpdate(db, key, { status: 'failed', lastError: failure, at });
    context.logger.warn({ ...log, error: failure }, 'reporter update failed for good');
    return { kind: 'failed', reason: failure };
  }
  await recordReporterUpdate(db, key, { status: 'sending', lastError: failure, at });
  context.logger.debug({ ...log, error: failure }, 'reporter update not sent; tried again later');
  return { kind: 'retry', inMs: senders.retryDelayMs(claimed.attempts) };
}
