/**
 * A case write and everything that must commit with it, sent as ONE SQL statement: the case row's
 * insert or version-checked update, and beside it the event, follow-up jobs, photos, tasks and
 * rollups as data-modifying CTEs (`with written_case as (update cases … returning id, case_no),
 * write_1 as (insert into case_events … where exists (select from written_case)), … select … from
 * written_case`). A statement is atomic on its own, so this is one transaction in one round trip:
 * the rollup rows every case of a day shares are locked for the statement's run only, never while
 * the process works between statements (what made concurrent reports queue on them).
 *
 * The case write runs first (every other write reads it), so row locks are taken case first,
 * rollups last. Every write beside it is made only if the case write wrote its row (`written`):
 * when the version check finds the case moved on — a stale version, or a concurrent command at the
 * same version that got through first — the update returns nothing, so does the statement, and
 * nothing of it is written. That empty answer is the caller's version conflict.
 */
import { type SQL, type SQLWrapper, sql, type WithSubquery } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { cases } from '../schema/cases.js';
import { caseNumbersOfStatement } from './case-numbers.js';
import type { CaseRow } from './cases.js';
import { jsonRowsInsert } from './json-rows.js';

/** The case write of the statement, as the writes beside it refer to it. */
export interface CaseWriteRef {
  /** The written case's id: `(select id from written_case)`. */
  readonly id: SQL;
  /** The written case's number: `(select case_no from written_case)` (a new case's is made there). */
  readonly caseNo: SQL;
  /** Whether the case write wrote its row; every write beside it holds it as its condition. */
  readonly written: SQL;
}

/**
 * An insert, update or delete to go with a case write, built but not run: made from the case
 * write's reference, so it can take the case id from it and be guarded by it.
 */
export type WriteQuery = (caseWrite: CaseWriteRef) => SQLWrapper;

/** The case row's own write, returning its `id` and `case_no` (`newCaseInsert`, `caseUpdateAtVersion`). */
export type CaseRowWrite = SQLWrapper;

/** What the statement answers of the case it wrote; the caller knows the rest of the row. */
export interface WrittenCase {
  id: string;
  /** Given by the statement for a new case (`caseNumberOfStatement`). */
  caseNo: string;
}

/**
 * Runs the case write and the `dependents` as one statement; the written case's id and number, or
 * null when the case had moved on (version check). `null` entries of the dependents are skipped.
 * `leading` CTEs come first, for the case write to read (a new case's number). The row is not sent
 * back: the caller computed it to build the dependents (`caseRowAfterUpdate`, `caseRowAsInserted`),
 * and ~65 columns returned and mapped twice cost more than the writes.
 */
export async function writeCaseTogether(
  db: DbOrTx,
  caseWrite: CaseRowWrite,
  dependents: ReadonlyArray<WriteQuery | null>,
  leading: readonly WithSubquery[] = [],
): Promise<WrittenCase | null> {
  const written = db.$with('written_case', { id: cases.id, caseNo: cases.caseNo }).as(caseWrite.getSQL());
  const ref: CaseWriteRef = {
    id: sql`(select ${sql.identifier('id')} from ${written})`,
    caseNo: sql`(select ${sql.identifier('case_no')} from ${written})`,
    written: sql`exists (select from ${written})`,
  };
  const others = dependents
    .filter((query): query is WriteQuery => query !== null)
    .map((query, index) => db.$with(`write_${index + 1}`, {}).as(query(ref).getSQL()));
  const rows = await db
    .with(...leading, written, ...others)
    .select()
    .from(written);
  return rows[0] ?? null;
}

/** A new case of a group (`writeNewCasesTogether`): its row, numbered by the statement, and its own writes. */
export interface NewCaseOfGroup {
  row: CaseRow;
  /** Its writes (event, follow-ups, key, the caller's rows), each guarded by its own case's insert. */
  dependents: ReadonlyArray<WriteQuery | null>;
}

/**
 * Several new cases of one city and day (`day`, their numbers' date) and everything that must commit
 * with each, as ONE statement: the day's counter taken once for all their numbers
 * (`caseNumbersOfStatement`), the case rows in one insert, each case's own writes beside it (their
 * `CaseWriteRef` is that case's row of the insert), and the `shared` writes — the rollups, their
 * increments summed over the group, for no row may be touched twice in one statement — guarded by
 * the insert. Atomic like `writeCaseTogether`: one member's write failing fails the statement and
 * nothing of any member is written (no number taken); the caller decides what to retry. The
 * written cases' ids and numbers, in the members' order.
 */
export async function writeNewCasesTogether(
  db: DbOrTx,
  city: string,
  day: string,
  members: readonly NewCaseOfGroup[],
  shared: ReadonlyArray<WriteQuery | null>,
): Promise<WrittenCase[]> {
  const numbers = caseNumbersOfStatement(db, city, day, members.length);
  const insert = jsonRowsInsert(
    cases,
    members.map((member) => member.row),
    { filled: { caseNo: numbers.caseNo }, suffix: ' returning "id", "case_no"' },
  );
  const written = db.$with('written_case', { id: cases.id, caseNo: cases.caseNo }).as(insert);
  const idColumn = sql.identifier('id');
  const others = members.flatMap((member, m) => {
    const ref: CaseWriteRef = {
      id: sql`(select ${idColumn} from ${written} where ${idColumn} = ${member.row.id})`,
      caseNo: sql`(select ${sql.identifier('case_no')} from ${written} where ${idColumn} = ${member.row.id})`,
      written: sql`exists (select from ${written} where ${idColumn} = ${member.row.id})`,
    };
    return member.dependents
      .filter((query): query is WriteQuery => query !== null)
      .map((query, index) => db.$with(`write_${m + 1}_${index + 1}`, {}).as(query(ref).getSQL()));
  });
  const groupRef: CaseWriteRef = {
    id: sql`null`,
    caseNo: sql`null`,
    written: sql`exists (select from ${written})`,
  };
  const together = shared
    .filter((query): query is WriteQuery => query !== null)
    .map((query, index) => db.$with(`write_shared_${index + 1}`, {}).as(query(groupRef).getSQL()));
  const rows = await db
    .with(numbers.counter, written, ...others, ...together)
    .select()
    .from(written);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return members.map((member) => {
    const row = byId.get(member.row.id);
    if (row === undefined) throw new Error(`case ${member.row.id} of a group was not inserted`);
    return row;
  });
}
