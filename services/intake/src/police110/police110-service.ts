/**
 * What 110 sends us (与110的对接, inbound): an urban-management call it hands over becomes a report
 * of source `police110`, one per 110 call id however often 110 sends it; a status update of a case
 * we handed over to it is recorded on that case, once per update id.
 */
import { findCaseByNumber, insertPolice110Update } from '@urbangrid/db';
import type { Police110Status, Urgency } from '@urbangrid/domain';
import { type Actor, httpError } from '@urbangrid/platform';
import { reportingCity } from '../intake-access.js';
import type { IntakeContext } from '../intake-context.js';
import { createReport, type ReportOutcome } from '../reports/report-service.js';

export interface HandedOverCall {
  callId: string;
  categoryCode: string;
  description: string;
  location: { lat: number; lng: number };
  address?: string;
  reporter?: { name?: string; phone?: string };
  urgency?: Urgency;
}

/** The call as a report of source police110; 110's call id is its idempotency key. */
export async function takeOverCall(
  ctx: IntakeContext,
  actor: Actor,
  call: HandedOverCall,
): Promise<ReportOutcome> {
  return createReport(ctx, actor, { ...call, source: 'police110' }, `police110:${call.callId}`);
}

export interface Police110Update {
  updateId: string;
  caseNo: string;
  reference: string;
  status: Police110Status;
  note?: string;
  occurredAt: string;
}

/**
 * Records 110's update of a case of the key's city handed over to it: 404 for a case it cannot
 * see, 409 TRANSITION_NOT_ALLOWED for one never handed over; `recorded` is false for a repeat.
 */
export async function recordPolice110Update(
  ctx: IntakeContext,
  actor: Actor,
  update: Police110Update,
): Promise<{ recorded: boolean; caseId: string }> {
  if (actor.kind !== 'integration') throw httpError('FORBIDDEN', 'only the 110 key posts 110 updates');
  const row = await findCaseByNumber(ctx.db, reportingCity(actor), update.caseNo);
  if (row === null) throw httpError('NOT_FOUND', `case ${update.caseNo} not found`);
  if (row.closureType !== 'handed_to_110') {
    throw httpError('TRANSITION_NOT_ALLOWED', `case ${update.caseNo} was not handed over to 110`);
  }
  const recorded = await insertPolice110Update(ctx.db, {
    city: row.city,
    updateId: update.updateId,
    caseId: row.id,
    reference: update.reference,
    status: update.status,
    note: update.note ?? null,
    occurredAt: new Date(update.occurredAt),
    apiKeyId: actor.keyId,
  });
  return { recorded, caseId: row.id };
}
