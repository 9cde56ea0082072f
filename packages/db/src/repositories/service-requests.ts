import { type CaseState, type ReportSource, terminalStates } from '@urbangrid/domain';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { caseEvents, caseMedia, cases, openCaseCondition } from '../schema/cases.js';
import type { CaseRow } from './cases.js';

export interface ServiceRequestFilter {
  city: string;
  /** Case numbers (Open311 service_request_id). */
  caseNos?: readonly string[];
  /** Category codes (Open311 service_code). */
  categoryCodes?: readonly string[];
  from?: Date;
  to?: Date;
  /** open = any non-terminal state, closed = closed, rejected or cancelled. */
  status?: 'open' | 'closed';
  /** The report sources the city publishes (the others are not listed at all). */
  sources: readonly ReportSource[];
  limit: number;
  /** Rows skipped (Open311 `page`). */
  offset?: number;
}

/** What an Open311 service request shows of a case: only these columns are read for a list. */
export const serviceRequestColumns = {
  id: cases.id,
  caseNo: cases.caseNo,
  state: cases.state,
  source: cases.source,
  categoryCode: cases.categoryCode,
  description: cases.description,
  address: cases.address,
  lat: cases.lat,
  lng: cases.lng,
  departmentId: cases.departmentId,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
  deadlineStage: cases.deadlineStage,
  deadlineDue: cases.deadlineDue,
};

export type ServiceRequestRow = Pick<CaseRow, keyof typeof serviceRequestColumns>;

/**
 * Cases of a city as Open311 GeoReport v2 lists its service requests, newest first
 * (`cases_created_idx`; the open ones alone through `cases_open_created_idx`): the columns a request shows, not the whole case (a page holds up to 1000).
 */
export async function listServiceRequests(
  db: DbOrTx,
  filter: ServiceRequestFilter,
): Promise<ServiceRequestRow[]> {
  const conditions: Array<SQL | undefined> = [
    eq(cases.city, filter.city),
    inArray(cases.source, [...filter.sources]),
    filter.caseNos === undefined ? undefined : inArray(cases.caseNo, [...filter.caseNos]),
    filter.categoryCodes === undefined ? undefined : inArray(cases.categoryCode, [...filter.categoryCodes]),
    filter.from === undefined ? undefined : gte(cases.createdAt, filter.from),
    filter.to === undefined ? undefined : lte(cases.createdAt, filter.to),
    filter.status === undefined
      ? undefined
      : filter.status === 'open'
        ? openCaseCondition(cases)
        : inArray(cases.state, [...terminalStates]),
  ];
  return db
    .select(serviceRequestColumns)
    .from(cases)
    .where(and(...conditions))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(filter.limit)
    .offset(filter.offset ?? 0);
}

/** Every case with this number, in any city (a number is unique per city only). */
export async function findCasesByNumber(db: DbOrTx, caseNo: string): Promise<CaseRow[]> {
  return db.select().from(cases).where(eq(cases.caseNo, caseNo)).limit(10);
}

/** A photo linked to a step of a case (`case_media`). */
export interface CasePhotoLink {
  caseId: string;
  mediaId: string;
  /** The command it came with: report, verify, complete, check. */
  stage: string;
  eventSeq: number;
}

/**
 * The photos of these cases, in the order they were added (`case_media`'s primary key). The ids
 * travel as one array parameter: a page of up to 1000 cases builds no statement id by id.
 */
export async function listCasePhotoLinks(db: DbOrTx, caseIds: readonly string[]): Promise<CasePhotoLink[]> {
  if (caseIds.length === 0) return [];
  return db
    .select({
      caseId: caseMedia.caseId,
      mediaId: caseMedia.mediaId,
      stage: caseMedia.stage,
      eventSeq: caseMedia.eventSeq,
    })
    .from(caseMedia)
    .where(sql`${caseMedia.caseId} = any(${sql.param([...caseIds])}::text[])`)
    .orderBy(asc(caseMedia.eventSeq), asc(caseMedia.mediaId));
}

/** Where a photo of `city` is used: each case (its source) and step, to decide whether it is public. */
export async function findPhotoUses(
  db: DbOrTx,
  city: string,
  mediaId: string,
): Promise<Array<{ caseId: string; source: ReportSource; stage: string }>> {
  return db
    .select({ caseId: caseMedia.caseId, source: cases.source, stage: caseMedia.stage })
    .from(caseMedia)
    .innerJoin(cases, eq(cases.id, caseMedia.caseId))
    .where(and(eq(caseMedia.mediaId, mediaId), eq(cases.city, city)))
    .limit(100);
}

/** A day either side of the reports' instants: the months of the event log that can hold them. */
const reportSlackMs = 86_400_000;

/**
 * The `media_url` an Open311 app posted with each of these cases (its report event's data). `at`
 * is when each was reported (the case's created_at, its report event's at): the event log is read
 * only in the months those instants fall in, so the read costs the cases asked for, not the years
 * of the log.
 */
export async function findPostedMediaUrls(
  db: DbOrTx,
  reports: ReadonlyArray<{ id: string; at: Date }>,
): Promise<Map<string, string>> {
  if (reports.length === 0) return new Map();
  const instants = reports.map((report) => report.at.getTime());
  const rows = await db
    .select({ caseId: caseEvents.caseId, mediaUrl: sql<string | null>`${caseEvents.data}->>'mediaUrl'` })
    .from(caseEvents)
    .where(
      and(
        sql`${caseEvents.caseId} = any(${sql.param(reports.map((report) => report.id))}::text[])`,
        eq(caseEvents.seq, 1),
        gte(caseEvents.at, new Date(Math.min(...instants) - reportSlackMs)),
        lte(caseEvents.at, new Date(Math.max(...instants) + reportSlackMs)),
      ),
    );
  return new Map(rows.flatMap((row) => (row.mediaUrl === null ? [] : [[row.caseId, row.mediaUrl]])));
}

export interface ServiceRequestUpdateFilter {
  city: string;
  sources: readonly ReportSource[];
  from: Date;
  to: Date;
  /** `updated_after`/`updated_before`: the bound itself is left out. */
  fromExclusive?: boolean;
  toExclusive?: boolean;
  limit: number;
  offset: number;
}

export interface ServiceRequestUpdateRow {
  id: string;
  caseId: string;
  caseNo: string;
  source: ReportSource;
  seq: number;
  toState: CaseState;
  at: Date;
}

/**
 * The state changes of a city's cases in a window, oldest first (Open311 servicerequestupdates):
 * the report and every event that moved the state, read through `case_events_at_idx` (city, at).
 */
export async function listServiceRequestUpdates(
  db: DbOrTx,
  filter: ServiceRequestUpdateFilter,
): Promise<ServiceRequestUpdateRow[]> {
  return (
    db
      .select({
        id: caseEvents.id,
        caseId: caseEvents.caseId,
        caseNo: cases.caseNo,
        source: cases.source,
        seq: caseEvents.seq,
        toState: caseEvents.toState,
        at: caseEvents.at,
      })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(
        and(
          eq(caseEvents.city, filter.city),
          filter.fromExclusive ? gt(caseEvents.at, filter.from) : gte(caseEvents.at, filter.from),
          filter.toExclusive ? lt(caseEvents.at, filter.to) : lte(caseEvents.at, filter.to),
          or(isNull(caseEvents.fromState), ne(caseEvents.fromState, caseEvents.toState)),
          inArray(cases.source, [...filter.sources]),
        ),
      )
      // A case's events of one instant keep their order (seq); (at, case, seq) is unique, so pages are stable.
      .orderBy(asc(caseEvents.at), asc(caseEvents.caseId), asc(caseEvents.seq))
      .limit(filter.limit)
      .offset(filter.offset)
  );
}
