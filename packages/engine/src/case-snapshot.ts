/**
 * The bridge between a case row and the domain's CaseSnapshot: what the lifecycle rules read, and
 * which columns a new snapshot writes back.
 */
import type { CaseChanges, CaseRow } from '@urbangrid/db';
import {
  type CaseSnapshot,
  caseCounters,
  isCaseState,
  type Light,
  lights,
  type PendingRequest,
  type ReportSource,
  reportSources,
} from '@urbangrid/domain';
import { z } from 'zod';

/** The pending side request (延期 / 挂账) as stored in `cases.pending_request`. */
export const pendingRequestSchema = z.object({
  kind: z.enum(['extension', 'suspension']),
  /** Working minutes asked for (extension only). */
  workMinutes: z.number().int().positive().nullable(),
  reason: z.string(),
  requestedBy: z.string(),
  at: z.string(),
});

export type StoredPendingRequest = z.infer<typeof pendingRequestSchema>;

export function storedPendingRequest(row: Pick<CaseRow, 'pendingRequest'>): StoredPendingRequest | null {
  if (row.pendingRequest === null || row.pendingRequest === undefined) return null;
  const parsed = pendingRequestSchema.safeParse(row.pendingRequest);
  if (!parsed.success) throw new Error(`case pending_request is malformed: ${parsed.error.message}`);
  return parsed.data;
}

function isSource(value: string): value is ReportSource {
  return (reportSources as readonly string[]).includes(value);
}

function isLight(value: string): value is Light {
  return (lights as readonly string[]).includes(value);
}

/** The snapshot the lifecycle rules decide on. Throws on a row no command could have written. */
export function snapshotOf(row: CaseRow): CaseSnapshot {
  if (!isCaseState(row.state)) throw new Error(`case ${row.id} has an unknown state '${row.state}'`);
  if (!isSource(row.source)) throw new Error(`case ${row.id} has an unknown source '${row.source}'`);
  if (!isLight(row.light)) throw new Error(`case ${row.id} has an unknown light '${row.light}'`);
  const pending = storedPendingRequest(row);
  const pendingKind: PendingRequest | null = pending?.kind ?? null;
  return {
    state: row.state,
    source: row.source,
    reporter: row.reporterUsername,
    selfHandled: row.selfHandled,
    assignee: row.assignee,
    departmentId: row.departmentId,
    pendingRequest: pendingKind,
    requestedExtensionMinutes: pending?.workMinutes ?? null,
    checkPassed: row.checkPassed,
    light: row.light,
    dispatchCount: row.dispatchCount,
    dispatchErrorCount: row.dispatchErrorCount,
    returnCount: row.returnCount,
    reworkCount: row.reworkCount,
    extensionCount: row.extensionCount,
    extensionMinutes: row.extensionMinutes,
    suspensionCount: row.suspensionCount,
    supervisionCount: row.supervisionCount,
    overdueCount: row.overdueCount,
  };
}

/** The columns a snapshot owns (everything but the pending request, which carries more than its kind). */
export function snapshotColumns(snapshot: CaseSnapshot): CaseChanges {
  const counters: Partial<Record<(typeof caseCounters)[number], number>> = {};
  for (const counter of caseCounters) counters[counter] = snapshot[counter];
  return {
    state: snapshot.state,
    source: snapshot.source,
    reporterUsername: snapshot.reporter,
    selfHandled: snapshot.selfHandled,
    assignee: snapshot.assignee,
    departmentId: snapshot.departmentId,
    checkPassed: snapshot.checkPassed,
    light: snapshot.light,
    ...counters,
  };
}
