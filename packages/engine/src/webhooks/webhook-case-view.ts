/**
 * A case as a webhook delivery carries it: the fields of the case view of api.md that concern the
 * problem and its handling, nothing of the reporter (name, phone, account, call), whoever receives it.
 */
import type { CaseRow } from '@urbangrid/db';

export function webhookCaseView(row: CaseRow): Record<string, unknown> {
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
  };
}
