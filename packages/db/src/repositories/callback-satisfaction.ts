/**
 * Callback satisfaction (回访满意率): the answered callbacks (satisfied or not) of a period, counted
 * per department of the case or per district of its grid. An unreachable caller is no answer, and
 * a case counts its own callback alone (`counted`: the first answered, not each caller's).
 * Queries only.
 */
import { and, eq, gte, like, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { callbacks } from '../schema/callbacks.js';
import { cases } from '../schema/cases.js';

export type SatisfactionDimension = 'department' | 'district';

export interface CallbackOutcomeRow {
  key: string;
  answered: number;
  satisfied: number;
}

export async function countCallbackOutcomes(
  db: DbOrTx,
  query: { city: string; by: SatisfactionDimension; from: Date; to: Date; districtCode?: string },
): Promise<CallbackOutcomeRow[]> {
  const key =
    query.by === 'department'
      ? sql<string>`coalesce(${cases.departmentId}, '')`
      : sql<string>`left(${cases.gridCode}, 6)`;
  const rows = await db
    .select({
      key,
      answered: sql<number>`count(*)::int`,
      satisfied: sql<number>`(count(*) filter (where ${callbacks.outcome} = 'satisfied'))::int`,
    })
    .from(callbacks)
    .innerJoin(cases, eq(cases.id, callbacks.caseId))
    .where(
      and(
        eq(callbacks.city, query.city),
        ne(callbacks.outcome, 'unreachable'),
        eq(callbacks.counted, true),
        gte(callbacks.at, query.from),
        lt(callbacks.at, query.to),
        query.districtCode === undefined ? undefined : like(cases.gridCode, `${query.districtCode}%`),
      ),
    )
    .groupBy(key)
    .orderBy(key);
  return rows.filter((row) => row.key !== '');
}
