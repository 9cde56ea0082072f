/**
 * A case as a webhook delivery carries it: the fields of the case view of api.md that concern the
 * problem and its handling, nothing of the reporter (name, phone, account, call), whoever receives it.
 * Two 110 additions: a case 110 handed over names 110's own call id (`police110.callId`, 110's
 * key to it), and the hand-over to 110 says why (`handover.reason`, the shift lead's words).
 */
import type { CaseRow } from '@urbangrid/db';

/** `handover`: the hand-over command's data (移交110), for the step that hands the case over. */
export function webhookCaseView(row: CaseRow, handover?: unknown): Record<string, unknown> {
  const reason = (handover as { reason?: unknown } | undefined)?.reason;
  return {
    id: row.id,
    caseNo: row.caseNo,
    city: row.city,
    source: row.source,
    state: row.state,
    version: row.version,
    categoryCode: row.categoryCode,
    urgency: row.urgency,
    description: row.description,
    location: { lat: row.lat, lng: row.lng },
    address: row.address,
    gridCode: row.gridCode,
    districtCode: row.districtCode,
    departmentId: row.departmentId,
    deadline: {
      stage: row.deadlineStage,
      due: row.deadlineDue?.toISOString() ?? null,
      light: row.light,
    },
    reworkCount: row.reworkCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    closureType: row.closureType,
    ...(row.source === 'police110' ? { police110: { callId: row.callId } } : {}),
    ...(typeof reason === 'string' ? { handover: { reason } } : {}),
  };
}
