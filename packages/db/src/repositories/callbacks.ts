/** Callbacks (回访) to citizens whose case has ended: who is still to be called, and each call made. */
import { and, asc, eq, getTableColumns, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { databaseErrorOf } from '../database-errors.js';
import { callbacks } from '../schema/callbacks.js';
import { callbackDueCondition, cases } from '../schema/cases.js';
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
 * those waiting longest first: read from the partial index of the cases still due, so it costs
 * what it returns however many callbacks the city has made.
 */
export async function listCallbacksDue(db: DbOrTx, scope: CaseScope, limit: number): Promise<CallbackDue[]> {
  // Qualified by hand: drizzle writes a single-table selection's columns bare, and a bare "id" in
  // the subqueries below would mean the callback's own.
  const caseId = sql`${cases}.${sql.identifier(cases.id.name)}`;
  const attempts = sql<number>`(select count(*) from ${callbacks} where ${callbacks.caseId} = ${caseId})::int`;
  const lastAttemptAt = sql<
    string | null
  >`(select max(${callbacks.at}) from ${callbacks} where ${callbacks.caseId} = ${caseId})`;
  const rows = await db
    .select({ row: getTableColumns(cases), attempts, lastAttemptAt })
    .from(cases)
    // Past the retention period (reporter data erased) there is nobody left to call.
    .where(and(caseScopeCondition(scope), callbackDueCondition(cases), isNull(cases.reporterErasedAt)))
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
 * answers null: two operators calling the same citizen, the second learns it was done. An answered
 * call marks the case answered (`callback_answered_at`) in the same transaction.
 */
export async function recordCallback(db: DbOrTx, row: CallbackRow): Promise<CallbackRow | null> {
  try {
    return await db.transaction(async (tx) => recordCallbackIn(tx, row));
  } catch (error) {
    const cause = databaseErrorOf(error);
    if (cause?.code === '23505' && cause.constraint === 'callbacks_answered_uq') return null;
    throw error;
  }
}

async function recordCallbackIn(db: DbOrTx, row: CallbackRow): Promise<CallbackRow | null> {
  // An answered call is kept to one per case by the unique index; an unreachable one checks here.
  const answered = await db
    .select({ id: callbacks.id })
    .from(callbacks)
    .where(and(eq(callbacks.caseId, row.caseId), ne(callbacks.outcome, 'unreachable')))
    .limit(1);
  if (answered.length > 0) return null;
  await db.insert(callbacks).values(row);
  if (row.outcome !== 'unreachable') {
    await db
      .update(cases)
      .set({ callbackAnsweredAt: row.at })
      .where(and(eq(cases.id, row.caseId), isNull(cases.callbackAnsweredAt)));
  }
  return row;
}

/** The answered call of a case (satisfied or unsatisfied), if it has one. */
export async function findAnsweredCallback(db: DbOrTx, caseId: string): Promise<CallbackRow | null> {
  const [row] = await db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.caseId, caseId), ne(callbacks.outcome, 'unreachable')))
    .limit(1);
  return row ?? null;
}
