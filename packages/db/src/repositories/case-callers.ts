/**
 * Callers attached to a case (schema/case-callers.ts): the row written with the case's
 * `attachCall` command, the callers a case view and the callback list name, and the callers a
 * step's reporter updates go to.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import { callerCallbackDueCondition, caseCallers } from '../schema/case-callers.js';
import type { WriteQuery } from './case-write.js';
import { jsonRowsInsert } from './json-rows.js';

export type CaseCallerRow = typeof caseCallers.$inferSelect;

/** The caller's row, written in the statement of the command that attaches the call. */
export function caseCallerInsertQuery(row: CaseCallerRow): WriteQuery {
  return (caseWrite) => jsonRowsInsert(caseCallers, [row], { where: caseWrite.written });
}

/** The callers attached to a case, first attached first. */
export async function listCaseCallers(db: DbOrTx, caseId: string): Promise<CaseCallerRow[]> {
  return callersInOrder(db).execute({ caseId });
}

const callersInOrder = preparedPerDatabase((db) =>
  db
    .select()
    .from(caseCallers)
    .where(eq(caseCallers.caseId, sql.placeholder('caseId')))
    .orderBy(asc(caseCallers.attachedAt), asc(caseCallers.id))
    .prepare('urbangrid_case_callers'),
);

/** The callers of several cases still due a callback (a callback list's), by case. */
export async function listCallersDueCallback(
  db: DbOrTx,
  caseIds: readonly string[],
): Promise<Map<string, CaseCallerRow[]>> {
  const byCase = new Map<string, CaseCallerRow[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select()
    .from(caseCallers)
    .where(and(inArray(caseCallers.caseId, [...caseIds]), callerCallbackDueCondition(caseCallers)))
    .orderBy(asc(caseCallers.attachedAt), asc(caseCallers.id));
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
  return byCase;
}

/** A caller who hears of the case's steps, and on which channels (the addresses stay sealed). */
export interface CallerToUpdate {
  id: string;
  email: boolean;
  sms: boolean;
}

const callersWantingUpdates = preparedPerDatabase((db) =>
  db
    .select({ id: caseCallers.id, emailEnc: caseCallers.emailEnc, phoneEnc: caseCallers.phoneEnc })
    .from(caseCallers)
    .where(
      and(
        eq(caseCallers.caseId, sql.placeholder('caseId')),
        eq(caseCallers.updates, true),
        isNull(caseCallers.erasedAt),
      ),
    )
    .orderBy(asc(caseCallers.attachedAt), asc(caseCallers.id))
    .prepare('urbangrid_callers_to_update'),
);

/** The attached callers a step's reporter updates go to: those who left an address and did not opt out. */
export async function callersToUpdate(db: DbOrTx, caseId: string): Promise<CallerToUpdate[]> {
  const rows = await callersWantingUpdates(db).execute({ caseId });
  return rows
    .map((row) => ({ id: row.id, email: row.emailEnc !== null, sms: row.phoneEnc !== null }))
    .filter((caller) => caller.email || caller.sms);
}

export async function findCaseCallerById(db: DbOrTx, callerId: string): Promise<CaseCallerRow | null> {
  const [row] = await db.select().from(caseCallers).where(eq(caseCallers.id, callerId));
  return row ?? null;
}

/** The caller opts out of the case's updates: false when there is no such caller. */
export async function stopCallerUpdates(db: DbOrTx, caseId: string, callerId: string): Promise<boolean> {
  const rows = await db
    .update(caseCallers)
    .set({ updates: false })
    .where(and(eq(caseCallers.caseId, caseId), eq(caseCallers.id, callerId)))
    .returning({ id: caseCallers.id });
  return rows.length > 0;
}
