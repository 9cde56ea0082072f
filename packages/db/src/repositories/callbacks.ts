/** Callbacks (回访) to citizens whose case has ended: who is still to be called, and each call made. */
import { terminalStates } from '@urbangrid/domain';
import { and, asc, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { databaseErrorOf } from '../database-errors.js';
import { callbacks } from '../schema/callbacks.js';
import { cases } from '../schema/cases.js';
import { type CaseScope, caseScopeCondition } from './case-scope.js';
import type { CaseRow } from './cases.js';

export type CallbackRow = typeof callbacks.$inferSelect;
export type CallbackOutcome = CallbackRow['outcome'];

export interface CallbackDue {
  case: CaseRow;
  /** Calls made that reached nobody. */
  attempts: number;
  lastAttemptAt: Date | null;
}

/**
 * Ended cases whose caller asked to be called back and has not been reached yet, within the scope,
 * those waiting longest first.
 */
export async function listCallbacksDue(db: DbOrTx, scope: CaseScope, limit: number): Promise<CallbackDue[]> {
  // Qualified by hand: drizzle writes a single-table selection's columns bare, and a bare "id" in
  // the subqueries below would mean the callback's own.
  const caseId = sql`${cases}.${sql.identifier(cases.id.name)}`;
  const attempts = sql<number>`(select count(*) from ${callbacks} where ${callbacks.caseId} = ${caseId})::int`;
  const lastAttemptAt = sql<
    string | null
  >`(select max(${callbacks.at}) from ${callbacks} where ${callbacks.caseId} = ${caseId})`;
  const answered = sql`exists (select 1 from ${callbacks} where ${callbacks.caseId} = ${caseId} and ${callbacks.outcome} <> 'unreachable')`;
  const rows = await db
    .select({ row: getTableColumns(cases), attempts, lastAttemptAt })
    .from(cases)
    .where(
      and(
        caseScopeCondition(scope),
        eq(cases.wantsCallback, true),
        inArray(cases.state, [...terminalStates]),
        sql`not ${answered}`,
      ),
    )
    .orderBy(asc(cases.updatedAt), asc(cases.id))
    .limit(limit);
  return rows.map(({ row, attempts: n, lastAttemptAt: last }) => ({
    case: row,
    attempts: n,
    lastAttemptAt: last === null ? null : new Date(last),
  }));
}

/**
 * Records a call. Any call once the case has an answered one (satisfied or not) writes nothing and
 * answers null: two operators calling the same citizen, the second learns it was done.
 */
export async function recordCallback(db: DbOrTx, row: CallbackRow): Promise<CallbackRow | null> {
  try {
    // An answered call is kept to one per case by the unique index; an unreachable one checks here.
    const answered = await db
      .select({ id: callbacks.id })
      .from(callbacks)
      .where(and(eq(callbacks.caseId, row.caseId), ne(callbacks.outcome, 'unreachable')))
      .limit(1);
    if (answered.length > 0) return null;
    await db.insert(callbacks).values(row);
    return row;
  } catch (error) {
    const cause = databaseErrorOf(error);
    if (cause?.code === '23505' && cause.constraint === 'callbacks_answered_uq') return null;
    throw error;
  }
}
