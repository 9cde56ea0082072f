import { and, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { cases, openCaseCondition } from '../schema/cases.js';

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

/** Closed, rejected and cancelled cases are no one's duplicate: the predicate of `cases_open_cell_idx`. */
const notTerminal = openCaseCondition(cases);

export interface NearbyCasesQuery {
  city: string;
  categoryCode: string;
  cells: readonly string[];
  since: Date;
  excludeId?: string;
  limit: number;
}

/**
 * Open cases of one category in a set of H3 cells reported since `since` (the partial index
 * `cases_open_cell_idx` on open cases' (h3_cell, category_code, created_at) answers it, whatever the
 * city's history or its open backlog elsewhere); the caller keeps those within its exact radius.
 * `excludeId` leaves out the report being checked.
 */
export async function findOpenCasesInCells(db: DbOrTx, options: NearbyCasesQuery): Promise<NearbyCase[]> {
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

/**
 * `findOpenCasesInCells` for several queries in one statement (the reports of a group, checked
 * together once their group has committed): each query's rows, in the queries' order, exactly
 * those it finds alone — the same conditions, order and limit, run for each query by a lateral
 * join on the same index.
 */
export async function findOpenCasesInCellsOfMany(
  db: DbOrTx,
  queries: readonly NearbyCasesQuery[],
): Promise<NearbyCase[][]> {
  const asked = queries.map((query, n) => ({
    n,
    city: query.city,
    category_code: query.categoryCode,
    cells: query.cells,
    since: query.since.toISOString(),
    exclude_id: query.excludeId ?? null,
    lim: query.limit,
  }));
  const found = await db.execute<{
    n: number;
    id: string;
    case_no: string;
    state: string;
    category_code: string;
    description: string;
    lat: number;
    lng: number;
    created_at: string | Date;
  }>(sql`select q.n, c.id, c.case_no, c.state, c.category_code, c.description, c.lat, c.lng, c.created_at
    from jsonb_to_recordset(${JSON.stringify(asked)}::jsonb)
      as q(n int, city text, category_code text, cells text[], since timestamptz, exclude_id text, lim int)
    cross join lateral (
      select "cases"."id", "cases"."case_no", "cases"."state", "cases"."category_code", "cases"."description",
        "cases"."lat", "cases"."lng", "cases"."created_at"
      from "cases"
      where "cases"."h3_cell" = any(q.cells) and "cases"."category_code" = q.category_code
        and "cases"."city" = q.city and ${notTerminal} and "cases"."created_at" >= q.since
        and (q.exclude_id is null or "cases"."id" <> q.exclude_id)
      order by "cases"."created_at" desc
      limit q.lim
    ) c
    order by q.n, c.created_at desc`);
  const answers = queries.map((): NearbyCase[] => []);
  for (const row of found.rows) {
    answers[row.n]?.push({
      id: row.id,
      caseNo: row.case_no,
      state: row.state,
      categoryCode: row.category_code,
      description: row.description,
      lat: Number(row.lat),
      lng: Number(row.lng),
      createdAt: new Date(row.created_at),
    });
  }
  return answers;
}
