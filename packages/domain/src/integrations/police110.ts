/**
 * The 110 linkage (与110报警的对接): the police dispatch and the command centre hand each other
 * what is the other's. 110 hands over urban-management calls (source `police110`, its own key,
 * signed); the shift lead hands public-security matters over to 110 (`handOverTo110`). Each side
 * follows the other's cases: ours through 110's webhook subscription, 110's through its signed
 * status updates. README: 110 linkage.
 */
import type { ReportSource } from '../lifecycle/rows/report.js';
import type { WebhookEvent } from './webhook-events.js';

/** Outside systems with a subscription of their own kind (webhook_subscriptions.integration). */
export const integrations = ['police110'] as const;
export type Integration = (typeof integrations)[number];

/**
 * The integrations that hear a step, beside every plain subscription: 110 hears the cases it
 * handed over and each case handed over to it, nothing else of the city.
 */
export function integrationsHearing(event: WebhookEvent, source: ReportSource): Integration[] {
  return source === 'police110' || event === 'case.handedTo110' ? ['police110'] : [];
}

/**
 * Where 110 says a case handed over to it stands (110 处警状态): taken (接警), officers sent
 * (出警), dealt with (处警完毕), or given back as not a police matter (退回).
 */
export const police110Statuses = ['accepted', 'dispatched', 'resolved', 'declined'] as const;
export type Police110Status = (typeof police110Statuses)[number];

/** How far a signed request's time may be from ours (a captured request replayed later is refused). */
export const signatureToleranceSeconds = 300;
