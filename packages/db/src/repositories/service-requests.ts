import { type ReportSource, terminalStates } from '@urbangrid/domain';
import { and, desc, eq, gte, inArray, lte, notInArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { cases } from '../schema/cases.js';
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

/** Cases of a city as Open311 GeoReport v2 lists its service requests, newest first (`cases_created_idx`). */
export async function listServiceRequests(db: DbOrTx, filter: ServiceRequestFilter): Promise<CaseRow[]> {
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
        ? notInArray(cases.state, [...terminalStates])
        : inArray(cases.state, [...terminalStates]),
  ];
  return db
    .select()
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
