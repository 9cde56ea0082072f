/**
 * A case write and everything that must commit with it, sent as ONE SQL statement: the case row's
 * insert or version-checked update, and beside it the event, follow-up jobs, photos, tasks and
 * rollups as data-modifying CTEs (`with written_case as (update cases … returning id, case_no),
 * write_1 as (insert into case_events …), … select … from written_case`). A statement is atomic on
 * its own, so this is one transaction in one round trip: the rollup rows every case of a day
 * shares are locked for the statement's run only, never while the process works between
 * statements (what made concurrent reports queue on them).
 *
 * The case write runs first (the main query reads it), so row locks are taken case first, rollups
 * last, as before. The event takes its case id from the case write (`caseIdOfWrite`): when a
 * version check finds the case moved on, the update returns nothing, the event's case id is null,
 * and the NOT NULL constraint fails the whole statement, so nothing of it is written. A concurrent
 * command on the same case at the same version that gets through first fails it the same way (or
 * on the event's unique (case, seq)); both read as `null`, the caller's version conflict.
 */
import { type SQL, type SQLWrapper, sql, type WithSubquery } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { databaseErrorOf } from '../database-errors.js';
import { cases } from '../schema/cases.js';

/** An insert, update or delete built but not run, to go with a case write. */
export type WriteQuery = SQLWrapper;

/** The id of the case row that the statement's case write returns, as an SQL expression. */
export type CaseIdOfWrite = SQL;

/** The case row's own write, returning its `id` and `case_no` (`newCaseInsert`, `caseUpdateAtVersion`). */
export type CaseRowWrite = SQLWrapper;

/** What the statement answers of the case it wrote; the caller knows the rest of the row. */
export interface WrittenCase {
  id: string;
  /** Given by the statement for a new case (`caseNumberOfStatement`). */
  caseNo: string;
}

/**
 * Runs the case write and `dependents(caseIdOfWrite)` as one statement; the written case's id and
 * number, or null when the case had moved on (version check). `null` entries of the dependents are
 * skipped. `leading` CTEs come first, for the case write to read (a new case's number). The row
 * is not sent back: the caller computed it to build the dependents (`caseRowAfterUpdate`,
 * `caseRowAsInserted`), and ~65 columns returned and mapped twice cost more than the writes.
 */
export async function writeCaseTogether(
  db: DbOrTx,
  caseWrite: CaseRowWrite,
  dependents: (caseIdOfWrite: CaseIdOfWrite) => ReadonlyArray<WriteQuery | null>,
  leading: readonly WithSubquery[] = [],
): Promise<WrittenCase | null> {
  const written = db.$with('written_case', { id: cases.id, caseNo: cases.caseNo }).as(caseWrite.getSQL());
  const caseId = sql`(select ${sql.identifier('id')} from ${written})`;
  const others = dependents(caseId)
    .filter((query): query is WriteQuery => query !== null)
    .map((query, index) => db.$with(`write_${index + 1}`, {}).as(query.getSQL()));
  try {
    const rows = await db
      .with(...leading, written, ...others)
      .select()
      .from(written);
    return rows[0] ?? null;
  } catch (error) {
    if (isCaseMovedOn(error)) return null;
    throw error;
  }
}

function isCaseMovedOn(error: unknown): boolean {
  const cause = databaseErrorOf(error);
  if (cause?.table !== 'case_events') return false;
  return (
    (cause.code === '23502' && cause.column === 'case_id') ||
    (cause.code === '23505' && cause.constraint === 'case_events_case_seq_uq')
  );
}
