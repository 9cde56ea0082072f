/**
 * The events a webhook subscription may ask for (对外推送事件): what a step of a case means to an
 * outside system. One event per committed step at most, named from the step's command and where it
 * led, so a receiver hears `case.dispatched` once for each dispatch and nothing of steps that are
 * only internal bookkeeping (task hand-outs, requests awaiting a decision).
 */
import type { TransitionPlan } from '../lifecycle/plan.js';

export const webhookEvents = [
  'case.reported',
  'case.verified',
  'case.rejected',
  'case.filed',
  'case.dispatched',
  'case.accepted',
  'case.returned',
  'case.handled',
  'case.reviewed',
  'case.reworked',
  'case.suspended',
  'case.resumed',
  'case.extended',
  'case.overdue',
  'case.supervised',
  'case.closed',
  'case.cancelled',
  /** 移交110: the shift lead handed the case over to the police (README: 110 linkage). */
  'case.handedTo110',
] as const;

export type WebhookEvent = (typeof webhookEvents)[number];

/** How long a delivery is retried (with exponential backoff) before it is dead-lettered. */
export const webhookRetryWindowMs = 24 * 3600 * 1000;

/** The webhook event a planned step raises, or null when outside systems hear nothing of it. */
export function webhookEventOf(
  plan: Pick<TransitionPlan, 'command' | 'to' | 'changes'>,
): WebhookEvent | null {
  switch (plan.command) {
    case 'report':
      return 'case.reported';
    case 'verify':
      return plan.to === 'rejected' ? 'case.rejected' : 'case.verified';
    case 'reject':
      return 'case.rejected';
    case 'file':
      return 'case.filed';
    case 'dispatch':
      return 'case.dispatched';
    case 'accept':
      return 'case.accepted';
    case 'return':
      return 'case.returned';
    case 'complete':
      return 'case.handled';
    case 'check':
      return plan.to === 'reviewed' ? 'case.reviewed' : 'case.reworked';
    case 'decideSuspension':
      return plan.to === 'suspended' ? 'case.suspended' : null;
    case 'resume':
      return 'case.resumed';
    case 'decideExtension':
      return plan.changes.increment.extensionCount === undefined ? null : 'case.extended';
    case 'markOverdue':
      // Only the step that turns the light red; a repeated timer changes nothing and says nothing.
      return plan.changes.set.light === 'red' ? 'case.overdue' : null;
    case 'superviseOrder':
      return 'case.supervised';
    case 'close':
      return 'case.closed';
    case 'cancel':
      return 'case.cancelled';
    case 'handOverTo110':
      return 'case.handedTo110';
    default:
      return null;
  }
}
