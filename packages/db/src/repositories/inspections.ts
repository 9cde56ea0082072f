/**
 * Inspection rounds (检查考评) and their findings, each the case it became in its city's loop:
 * what a round found and whether each city fixed it, on time.
 */
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { databaseErrorOf } from '../database-errors.js';
import { cases } from '../schema/cases.js';
import { inspectionFindings, inspectionRounds } from '../schema/inspections.js';
import type { WriteQuery } from './case-write.js';

export type InspectionRoundRow = typeof inspectionRounds.$inferSelect;
export type InspectionFindingRow = typeof inspectionFindings.$inferSelect;

export async function insertInspectionRound(
  db: DbOrTx,
  row: InspectionRoundRow,
): Promise<InspectionRoundRow> {
  const [inserted] = await db.insert(inspectionRounds).values(row).returning();
  if (inserted === undefined) throw new Error(`inspection round ${row.id} was not inserted`);
  return inserted;
}

export async function findInspectionRound(db: DbOrTx, id: string): Promise<InspectionRoundRow | null> {
  const [row] = await db.select().from(inspectionRounds).where(eq(inspectionRounds.id, id)).limit(1);
  return row ?? null;
}

/** Rounds newest first; `onDay` keeps those under way that day (an inspector's phone). */
export async function listInspectionRounds(
  db: DbOrTx,
  options: { onDay?: string; limit: number },
): Promise<InspectionRoundRow[]> {
  const day = options.onDay;
  return db
    .select()
    .from(inspectionRounds)
    .where(
      day === undefined
        ? undefined
        : and(sql`${inspectionRounds.startsOn} <= ${day}`, sql`${inspectionRounds.endsOn} >= ${day}`),
    )
    .orderBy(desc(inspectionRounds.startsOn), desc(inspectionRounds.createdAt))
    .limit(options.limit);
}

/** The finding's row, written in the statement of the case it becomes (reportCase's `alsoWrite`). */
export function inspectionFindingInsertQuery(finding: Omit<InspectionFindingRow, 'caseId'>): WriteQuery {
  return (caseWrite) => sql`
    insert into ${inspectionFindings} (id, round_id, case_id, city, checklist_item, inspector, recorded_at)
    select ${finding.id}, ${finding.roundId}, ${caseWrite.id}, ${finding.city}, ${finding.checklistItem},
           ${finding.inspector}, ${finding.recordedAt}::timestamptz
    where ${caseWrite.written}`;
}

/** Whether a report failed because its finding id was taken (by another inspector's finding). */
export function isTakenInspectionFinding(error: unknown): boolean {
  const cause = databaseErrorOf(error);
  return cause?.code === '23505' && cause.constraint === 'inspection_findings_pkey';
}

export async function findInspectionFinding(db: DbOrTx, id: string): Promise<InspectionFindingRow | null> {
  const [row] = await db.select().from(inspectionFindings).where(eq(inspectionFindings.id, id)).limit(1);
  return row ?? null;
}

/** A finding as the round's results show it: the finding and where its case stands. */
export interface InspectionFindingOutcome extends InspectionFindingRow {
  caseNo: string;
  categoryCode: string;
  districtCode: string;
  state: string;
  closedAt: Date | null;
  closureType: string | null;
  deadlineDue: Date | null;
  light: string;
}

export async function listRoundFindings(db: DbOrTx, roundId: string): Promise<InspectionFindingOutcome[]> {
  const rows = await db
    .select({
      finding: inspectionFindings,
      caseNo: cases.caseNo,
      categoryCode: cases.categoryCode,
      districtCode: cases.districtCode,
      state: cases.state,
      closedAt: cases.closedAt,
      closureType: cases.closureType,
      deadlineDue: cases.deadlineDue,
      light: cases.light,
    })
    .from(inspectionFindings)
    .innerJoin(cases, eq(cases.id, inspectionFindings.caseId))
    .where(eq(inspectionFindings.roundId, roundId))
    .orderBy(asc(inspectionFindings.city), asc(inspectionFindings.recordedAt));
  return rows.map(({ finding, ...outcome }) => ({ ...finding, ...outcome }));
}

/** One city's inspection results over a period (检查考评结果). */
export interface CityInspectionResult {
  city: string;
  /** Findings recorded in the period. */
  findings: number;
  /** Of them, closed in the city's loop (fixed and checked). */
  fixed: number;
  /** Of them, closed with no stage overdue (closure type on_time). */
  fixedOnTime: number;
  /** fixedOnTime / findings; null without findings. */
  fixedOnTimeRate: number | null;
}

/**
 * Inspection results per city over [from, to) by when each finding was recorded (or of one round):
 * the findings count and the rate fixed on time. The region's ranking (排名通报) reads these.
 */
export async function inspectionResultsByCity(
  db: DbOrTx,
  period: { from?: Date; to?: Date; roundId?: string },
): Promise<CityInspectionResult[]> {
  const rows = await db
    .select({
      city: inspectionFindings.city,
      findings: sql<number>`count(*)::int`,
      fixed: sql<number>`count(*) filter (where ${cases.state} = 'closed')::int`,
      fixedOnTime: sql<number>`count(*) filter (where ${cases.state} = 'closed' and ${cases.closureType} = 'on_time')::int`,
    })
    .from(inspectionFindings)
    .innerJoin(cases, eq(cases.id, inspectionFindings.caseId))
    .where(
      and(
        period.from === undefined ? undefined : gte(inspectionFindings.recordedAt, period.from),
        period.to === undefined ? undefined : lt(inspectionFindings.recordedAt, period.to),
        period.roundId === undefined ? undefined : eq(inspectionFindings.roundId, period.roundId),
      ),
    )
    .groupBy(inspectionFindings.city)
    .orderBy(asc(inspectionFindings.city));
  return rows.map((row) => ({
    ...row,
    fixedOnTimeRate: row.findings === 0 ? null : row.fixedOnTime / row.findings,
  }));
}
