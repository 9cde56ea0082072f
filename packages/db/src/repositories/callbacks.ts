/** Callbacks (回访) to citizens whose case has ended: who is still to be called, and each call made. */
import { and, asc, eq, getTableColumns, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { databaseErrorOf } from '../database-errors.js';
import { callbacks } from '../schema/callbacks.js';
import { callerCallbackDueCondition, caseCallers } from '../schema/case-callers.js';
import { callbackDueCondition, cases, reporterDataKeptCondition } from '../schema/cases.js';
import { type CaseCallerRow, listCallersDueCallback } from './case-callers.js';
import { type CaseScope, caseScopeCondition } from './case-scope.js';
import type { CaseRow } from './cases.js';

export type CallbackRow = typeof callbacks.$inferSelect;
export type CallbackOutcome = CallbackRow['outcome'];

export interface CallbackDue {
  case: CaseRow;
  /** The case's own caller asked to be called back and has not been reached yet. */
  reporterDue: boolean;
  /** The callers attached to the case (附加来电) who asked to be called back and were not reached yet. */
  callers: CaseCallerRow[];
  /** Calls made that reached nobody. */
  attempts: number;
  lastAttemptAt: Date | null;
}

/**
 * Ended cases with someone still to call back — their reporter or a caller attached to them who
 * asked for a callback and has not been reached — within the scope, those waiting longest first.
 * The reporters due are a partial index of cases and the attached callers due one of callers, so
 * the list costs what it returns however many callbacks the city has made.
 */
export async function listCallbacksDue(db: DbOrTx, scope: CaseScope, limit: number): Promise<CallbackDue[]> {
  // Qualified by hand: drizzle writes a single-table selection's columns bare, and a bare "id" in
  // the subqueries below would mean the callback's own.
  const caseId = sql`${cases}.${sql.identifier(cases.id.name)}`;
  const unanswered = sql`${callbacks.caseId} = ${caseId} and ${callbacks.outcome} = 'unreachable'`;
  const attempts = sql<number>`(select count(*) from ${callbacks} where ${unanswered})::int`;
  const lastAttemptAt = sql<
    string | null
  >`(select max(${callbacks.at}) from ${callbacks} where ${unanswered})`;
  const waitingLongest = [asc(cases.updatedAt), asc(cases.id)];
  // Past the retention period (reporter data erased) there is nobody left to call.
  const inScope = and(caseScopeCondition(scope), isNull(cases.reporterErasedAt));
  const reporterDue = db
    .select({ id: cases.id })
    .from(cases)
    .where(and(inScope, callbackDueCondition(cases)))
    .orderBy(...waitingLongest)
    .limit(limit);
  const callersDue = db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        caseScopeCondition(scope),
        reporterDataKeptCondition(cases),
        inArray(
          cases.id,
          db
            .select({ id: caseCallers.caseId })
            .from(caseCallers)
            .where(callerCallbackDueCondition(caseCallers)),
        ),
      ),
    )
    .orderBy(...waitingLongest)
    .limit(limit);
  const rows = await db
    .select({
      row: getTableColumns(cases),
      reporterDue: sql<boolean>`${callbackDueCondition(cases)}`,
      attempts,
      lastAttemptAt,
    })
    .from(cases)
    .where(sql`${caseId} in ((${reporterDue}) union (${callersDue}))`)
    .orderBy(...waitingLongest)
    .limit(limit);
  const callers = await listCallersDueCallback(
    db,
    rows.map(({ row }) => row.id),
  );
  return rows.map(({ row, reporterDue: due, attempts: n, lastAttemptAt: last }) => ({
    case: row,
    reporterDue: due,
    callers: callers.get(row.id) ?? [],
    attempts: n,
    lastAttemptAt: last === null ? null : new Date(last),
  }));
}

/** A call to record: `counted` is the repository's to decide. */
export type NewCallback = Omit<CallbackRow, 'counted'>;

/**
 * Records a call to one caller of a case: its reporter (`callerId` null) or a caller attached to
 * it. Any call once that caller has an answered one (satisfied or not) writes nothing and answers
 * null: two operators calling the same citizen, the second learns it was done. The case's first
 * answered call, whoever answered, is the case's callback (`counted`): it marks the case answered
 * (`callback_answered_at`) in the same transaction, and the reports count it alone.
 */
export async function recordCallback(db: DbOrTx, row: NewCallback): Promise<CallbackRow | null> {
  // Two callers of one case answered at once: the second to commit is not the case's callback,
  // which its second attempt sees.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => recordCallbackIn(tx, row));
    } catch (error) {
      const cause = databaseErrorOf(error);
      if (cause?.code !== '23505') throw error;
      if (cause.constraint === 'callbacks_caller_answered_uq') return null;
      if (cause.constraint !== 'callbacks_answered_uq' || attempt > 1) throw error;
    }
  }
}

/** The calls of one caller of a case: its reporter's (no caller id), or an attached caller's. */
const callsOf = (caseId: string, callerId: string | null) =>
  and(
    eq(callbacks.caseId, caseId),
    callerId === null ? isNull(callbacks.callerId) : eq(callbacks.callerId, callerId),
  );

const answered = ne(callbacks.outcome, 'unreachable');

async function recordCallbackIn(db: DbOrTx, row: NewCallback): Promise<CallbackRow | null> {
  // An answered call is kept to one per caller by the unique index; an unreachable one checks here.
  const reached = await db
    .select({ id: callbacks.id })
    .from(callbacks)
    .where(and(callsOf(row.caseId, row.callerId), answered))
    .limit(1);
  if (reached.length > 0) return null;
  const caseAnswered = await db
    .select({ id: callbacks.id })
    .from(callbacks)
    .where(and(eq(callbacks.caseId, row.caseId), answered, eq(callbacks.counted, true)))
    .limit(1);
  const recorded: CallbackRow = {
    ...row,
    counted: row.outcome === 'unreachable' || caseAnswered.length === 0,
  };
  await db.insert(callbacks).values(recorded);
  if (row.outcome !== 'unreachable') await markReached(db, row);
  return recorded;
}

/** The caller of an answered call is no longer due: the case's reporter, or the attached caller. */
async function markReached(db: DbOrTx, row: NewCallback): Promise<void> {
  if (row.callerId === null) {
    await db
      .update(cases)
      .set({ callbackAnsweredAt: row.at })
      .where(and(eq(cases.id, row.caseId), isNull(cases.callbackAnsweredAt)));
  } else {
    await db
      .update(caseCallers)
      .set({ callbackReachedAt: row.at })
      .where(and(eq(caseCallers.id, row.callerId), isNull(caseCallers.callbackReachedAt)));
  }
}

/** The answered call (satisfied or unsatisfied) of a case's own caller, or of a caller attached to it. */
export async function findAnsweredCallback(
  db: DbOrTx,
  caseId: string,
  callerId: string | null = null,
): Promise<CallbackRow | null> {
  const [row] = await db
    .select()
    .from(callbacks)
    .where(and(callsOf(caseId, callerId), answered))
    .limit(1);
  return row ?? null;
}
