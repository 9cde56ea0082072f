/**
 * The case ledger (案件台账): the cases of a search with the names a person reads in place of
 * codes and ids — category, district, grid, department and the assignee's display name — in one
 * query, newest first, limited to the caller's scope like every case read.
 */
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { cases } from '../schema/cases.js';
import { users } from '../schema/people.js';
import { areas, categories, departments, grids } from '../schema/reference.js';
import { type CaseFilter, caseFilterConditions } from './case-queries.js';
import { type CaseScope, caseScopeCondition } from './case-scope.js';

export interface CaseLedgerRow {
  caseNo: string;
  city: string;
  source: string;
  state: string;
  urgency: string;
  categoryCode: string;
  categoryName: string | null;
  description: string;
  address: string | null;
  districtCode: string;
  districtName: string | null;
  gridCode: string;
  gridName: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  assignee: string | null;
  assigneeName: string | null;
  light: string;
  reworkCount: number;
  returnCount: number;
  createdAt: Date;
  closedAt: Date | null;
  /** When the reporter's data was erased (retention period); null while it is kept. */
  reporterErasedAt: Date | null;
}

/** At most `limit` rows of the ledger, newest first. */
export async function listCaseLedger(
  db: DbOrTx,
  scope: CaseScope,
  filter: CaseFilter,
  limit: number,
): Promise<CaseLedgerRow[]> {
  const where: SQL | undefined = and(caseScopeCondition(scope), ...caseFilterConditions(filter));
  return db
    .select({
      caseNo: cases.caseNo,
      city: cases.city,
      source: cases.source,
      state: cases.state,
      urgency: cases.urgency,
      categoryCode: cases.categoryCode,
      categoryName: categories.name,
      description: cases.description,
      address: cases.address,
      districtCode: cases.districtCode,
      districtName: areas.name,
      gridCode: cases.gridCode,
      // Looked up case by case: the city's grids are wide rows (their outlines), and a join read them
      // all (15–20 ms for 11,013 grids) for a ledger naming a few hundred.
      gridName: sql<
        string | null
      >`(select ${grids.name} from ${grids} where ${grids.code} = ${cases.gridCode})`,
      departmentCode: departments.code,
      departmentName: departments.name,
      assignee: cases.assignee,
      assigneeName: users.displayName,
      light: cases.light,
      reworkCount: cases.reworkCount,
      returnCount: cases.returnCount,
      createdAt: cases.createdAt,
      closedAt: cases.closedAt,
      reporterErasedAt: cases.reporterErasedAt,
    })
    .from(cases)
    .leftJoin(categories, eq(categories.code, cases.categoryCode))
    .leftJoin(areas, eq(areas.code, cases.districtCode))
    .leftJoin(departments, eq(departments.id, cases.departmentId))
    .leftJoin(users, eq(users.username, cases.assignee))
    .where(where)
    .orderBy(desc(cases.createdAt), sql`${cases.id} asc`)
    .limit(limit);
}
