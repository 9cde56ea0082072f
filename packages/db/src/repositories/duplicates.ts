import { and, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { cases } from '../schema/cases.js';

export interface NearbyCase {
  id: string;
  caseNo: string;
  state: string;
  categoryCode: string;
  description: string;
  lat: number;
  lng: number;
  createdAt: Date;
}

/** Closed, rejected and cancelled cases are no one's duplicate; a constant, so written once. */
const notTerminal = sql.raw(`"cases"."state" not in ('closed', 'rejected', 'cancelled')`);

/**
 * Open cases of one category in a set of H3 cells reported since `since` (the index
 * `cases_h3_idx` on (h3_cell, category_code) answers it); the caller keeps those within its exact
 * radius. `excludeId` leaves out the report being checked.
 */
export async function findOpenCasesInCells(
  db: DbOrTx,
  options: {
    city: string;
    categoryCode: string;
    cells: readonly string[];
    since: Date;
    excludeId?: string;
    limit: number;
  },
): Promise<NearbyCase[]> {
  if (options.cells.length === 0) return [];
  return db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      state: cases.state,
      categoryCode: cases.categoryCode,
      description: cases.description,
      lat: cases.lat,
      lng: cases.lng,
      createdAt: cases.createdAt,
    })
    .from(cases)
    .where(
      and(
        // One array parameter, not one per cell: a ring of cells is dozens of them.
        sql`${cases.h3Cell} = any(${sql.param([...options.cells])}::text[])`,
        eq(cases.categoryCode, options.categoryCode),
        eq(cases.city, options.city),
        notTerminal,
        gte(cases.createdAt, options.since),
        options.excludeId === undefined ? undefined : ne(cases.id, options.excludeId),
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(options.limit);
}
