import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import { caseEvents, cases } from '../schema/cases.js';
import type { WriteQuery } from './case-write.js';
import { jsonRowsInsert } from './json-rows.js';

export type CaseEventRow = typeof caseEvents.$inferSelect;
export type NewCaseEventRow = typeof caseEvents.$inferInsert;

/**
 * The insert of an event, every column given, built but not run; its case id is the one the case
 * write of the same statement returns (see `writeCaseTogether`).
 */
export function caseEventInsertQuery(row: CaseEventRow): WriteQuery {
  return (caseWrite) =>
    jsonRowsInsert(caseEvents, [row], { filled: { caseId: caseWrite.id }, where: caseWrite.written });
}

/** A case's history in order (the timeline). */
export async function listCaseEvents(db: DbOrTx, caseId: string): Promise<CaseEventRow[]> {
  return caseEventsInOrder(db).execute({ caseId });
}

const caseEventsInOrder = preparedPerDatabase((db) =>
  db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, sql.placeholder('caseId')))
    .orderBy(asc(caseEvents.seq))
    .prepare('urbangrid_case_events'),
);

export async function lastCaseEvent(db: DbOrTx, caseId: string): Promise<CaseEventRow | null> {
  const rows = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  return rows[0] ?? null;
}

/** The events of several cases, ordered by case then seq. */
export async function listEventsOfCases(db: DbOrTx, caseIds: readonly string[]): Promise<CaseEventRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, [...caseIds]))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
}

/** What the chain verifier compares the history with: the case's version and chain head. */
export interface CaseChainHead {
  id: string;
  city: string;
  version: number;
  lastEventHash: string | null;
}

export interface CaseChainFilter {
  city?: string;
  /** Cases of one district only (a district supervisor's audit). */
  districtCode?: string;
  /** Cases created at or after. */
  from?: Date;
  /** Cases created before. */
  to?: Date;
  caseIds?: readonly string[];
}

/** One page of cases (keyset on id) to verify; pass the last id of the previous page as `after`. */
export async function pageCaseChainHeads(
  db: DbOrTx,
  filter: CaseChainFilter,
  after: string | null,
  limit: number,
): Promise<CaseChainHead[]> {
  const conditions: SQL[] = [];
  if (filter.city !== undefined) conditions.push(eq(cases.city, filter.city));
  if (filter.districtCode !== undefined) conditions.push(eq(cases.districtCode, filter.districtCode));
  if (filter.from !== undefined) conditions.push(gte(cases.createdAt, filter.from));
  if (filter.to !== undefined) conditions.push(lt(cases.createdAt, filter.to));
  if (filter.caseIds !== undefined) conditions.push(inArray(cases.id, [...filter.caseIds]));
  if (after !== null) conditions.push(gt(cases.id, after));
  return db
    .select({ id: cases.id, city: cases.city, version: cases.version, lastEventHash: cases.lastEventHash })
    .from(cases)
    .where(conditions.length === 0 ? undefined : and(...conditions))
    .orderBy(asc(cases.id))
    .limit(limit);
}

/** Which of these cases lie in a district (a district supervisor's share of a city's findings). */
export async function caseIdsInDistrict(
  db: DbOrTx,
  caseIds: readonly string[],
  districtCode: string,
): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.id, [...caseIds]), eq(cases.districtCode, districtCode)));
  return new Set(rows.map((row) => row.id));
}

/** Case ids that have events but no case row (a whole case deleted behind the engine's back). */
export async function eventCaseIdsWithoutCase(db: DbOrTx, city?: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ caseId: caseEvents.caseId })
    .from(caseEvents)
    .leftJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(isNull(cases.id), city === undefined ? undefined : eq(caseEvents.city, city)));
  return rows.map((row) => row.caseId);
}

/** A case's chain head at some moment: its last event then. */
export interface EventChainHead {
  caseId: string;
  seq: number;
  hash: string;
}

/**
 * The chain heads a day left behind in a city: for each case with events in [from, to), its last
 * event of that window (what a signed anchor records).
 */
export async function listChainHeadsOfWindow(
  db: DbOrTx,
  city: string,
  window: { from: Date; to: Date },
): Promise<EventChainHead[]> {
  return db
    .selectDistinctOn([caseEvents.caseId], {
      caseId: caseEvents.caseId,
      seq: caseEvents.seq,
      hash: caseEvents.hash,
    })
    .from(caseEvents)
    .where(and(eq(caseEvents.city, city), gte(caseEvents.at, window.from), lt(caseEvents.at, window.to)))
    .orderBy(asc(caseEvents.caseId), desc(caseEvents.seq));
}

/** The stored hashes of the given events (case, seq), for comparing with anchored heads. */
export async function findEventHashes(
  db: DbOrTx,
  events: readonly { caseId: string; seq: number }[],
): Promise<EventChainHead[]> {
  if (events.length === 0) return [];
  const rows = await db
    .select({ caseId: caseEvents.caseId, seq: caseEvents.seq, hash: caseEvents.hash })
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, [...new Set(events.map((event) => event.caseId))]));
  const wanted = new Set(events.map((event) => `${event.caseId}\u0000${event.seq}`));
  return rows.filter((row) => wanted.has(`${row.caseId}\u0000${row.seq}`));
}
