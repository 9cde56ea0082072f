/**
 * The webhook deliveries of a committed step, written in its case write's statement (the
 * transactional outbox): one per subscription of the city that asks for the step's event, of the
 * whole city or of the department the case is with (before or after the step).
 */
import { type CaseRow, type WriteQuery, webhookDeliveryWrites } from '@urbangrid/db';
import {
  integrationsHearing,
  type ReportSource,
  type TransitionPlan,
  webhookEventOf,
  webhookRetryWindowMs,
} from '@urbangrid/domain';
import { webhookCaseView } from './webhook-case-view.js';

export interface StepToAnnounce {
  plan: Pick<TransitionPlan, 'command' | 'to' | 'changes'>;
  before: Pick<CaseRow, 'departmentId'> | null;
  after: CaseRow;
  event: { id: string; at: Date; data?: unknown };
}

export function eventDeliveryWrites(step: StepToAnnounce): WriteQuery[] {
  const event = webhookEventOf(step.plan);
  if (event === null) return [];
  const { after } = step;
  const departmentIds = [
    ...new Set([after.departmentId, step.before?.departmentId ?? null].filter((id) => id !== null)),
  ];
  return webhookDeliveryWrites({
    city: after.city,
    eventId: step.event.id,
    event,
    occurredAt: step.event.at,
    retryUntil: new Date(step.event.at.getTime() + webhookRetryWindowMs),
    caseVersion: after.version,
    departmentIds,
    integrations: integrationsHearing(event, after.source as ReportSource),
    caseView: webhookCaseView(after, event === 'case.handedTo110' ? step.event.data : undefined),
  });
}
