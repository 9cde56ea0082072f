import { and, eq, getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import { cases } from '../schema/cases.js';
import { jsonRowsInsert } from './json-rows.js';

export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;
/** Columns a command may change; id, number, city and version are the engine's to set. */
export type CaseChanges = Partial<Omit<NewCaseRow, 'id' | 'caseNo' | 'city' | 'version' | 'createdAt'>>;

const caseById = preparedPerDatabase((db) =>
  db
    .select()
    .from(cases)
    .where(eq(cases.id, sql.placeholder('id')))
    .limit(1)
    .prepare('urbangrid_case_by_id'),
);

export async function findCaseById(db: DbOrTx, id: string): Promise<CaseRow | null> {
  const rows = await caseById(db).execute({ id });
  return rows[0] ?? null;
}

/** A case an integration reported with the key `keyId` (null for any other case, of any key). */
export async function findCaseReportedByKey(db: DbOrTx, keyId: string, id: string): Promise<CaseRow | null> {
  const rows = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.reporterKeyId, keyId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findCaseByNumber(db: DbOrTx, city: string, caseNo: string): Promise<CaseRow | null> {
  const rows = await db
    .select()
    .from(cases)
    .where(and(eq(cases.city, city), eq(cases.caseNo, caseNo)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The insert of a new case, every column given (`caseRowAsInserted`), its number an expression of
 * the same statement (`caseNumberOfStatement`); built but not run, for `writeCaseTogether`.
 */
export function newCaseInsert(row: CaseRow, caseNo: SQL): SQL {
  return jsonRowsInsert(cases, [row], { filled: { caseNo }, suffix: ' returning "id", "case_no"' });
}

/** Each column of `cases`: its key and quoted name, in the table's order. */
const caseColumns = Object.entries(getTableColumns(cases)).map(
  ([key, column]) => [key, column.name, `"${column.name.replaceAll('"', '""')}"`] as const,
);

/** An update's text up to its JSON parameter, by the columns it sets (built once each). */
const updateHeads = new Map<string, string>();

/**
 * A version-checked update (`caseUpdateAtVersionQuery`) as the case write of `writeCaseTogether`,
 * returning the case's id and number. The values travel as one JSON parameter
 * (`jsonb_populate_record`, as `json-rows.ts` inserts a new case) and the text is built once per
 * set of columns: a command builds no SQL column by column. A change given as an SQL expression
 * takes the query builder's way.
 */
export function caseUpdateAtVersion(db: DbOrTx, id: string, version: number, changes: CaseChanges): SQL {
  const set: Record<string, unknown> = { ...changes, version: version + 1 };
  const json: Record<string, unknown> = {};
  const given: string[] = [];
  for (const [key, name] of caseColumns) {
    const value = set[key];
    if (value === undefined) continue;
    if (is(value, SQL)) {
      return caseUpdateAtVersionQuery(db, id, version, changes)
        .returning({ id: cases.id, caseNo: cases.caseNo })
        .getSQL();
    }
    given.push(key);
    json[name] = value;
  }
  const columns = given.join(',');
  let head = updateHeads.get(columns);
  if (head === undefined) {
    const assignments = caseColumns
      .filter(([key]) => given.includes(key))
      .map(([, , quoted]) => `${quoted} = r.${quoted}`);
    head = `update "cases" set ${assignments.join(', ')} from jsonb_populate_record(null::"cases", `;
    updateHeads.set(columns, head);
  }
  return sql`${sql.raw(head)}${JSON.stringify(json)}::jsonb) as r where ("cases"."id" = ${id} and "cases"."version" = ${version}) returning "cases"."id", "cases"."case_no"`;
}

/**
 * The update of a case that is still at `version` (optimistic locking), bumping the version; built
 * but not run (see `writeCaseTogether`).
 */
export function caseUpdateAtVersionQuery(db: DbOrTx, id: string, version: number, changes: CaseChanges) {
  return db
    .update(cases)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(cases.id, id), eq(cases.version, version)));
}

/** The changes that differ from the case as it is: what an update needs to send. */
export function changedColumns(before: CaseRow, changes: CaseChanges): CaseChanges {
  const same = (a: unknown, b: unknown) =>
    a instanceof Date && b instanceof Date
      ? a.getTime() === b.getTime()
      : a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
  return Object.fromEntries(
    Object.entries(changes).filter(
      ([key, value]) => value !== undefined && !same(value, before[key as keyof CaseRow]),
    ),
  ) as CaseChanges;
}

/**
 * The row a case write leaves, known before it runs: what the follow-up writes of the same
 * statement are computed from. An update: the case with its changes and the next version.
 */
export function caseRowAfterUpdate(before: CaseRow, changes: CaseChanges): CaseRow {
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return { ...before, ...set, version: before.version + 1 } as CaseRow;
}

/** An insert: the values with the schema's own defaults for the columns not given (null if none). */
export function caseRowAsInserted(row: NewCaseRow): CaseRow {
  const given: Record<string, unknown> = Object.fromEntries(
    Object.entries(row).filter(([, value]) => value !== undefined),
  );
  const inserted: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(getTableColumns(cases))) {
    if (name in given) {
      inserted[name] = given[name];
      continue;
    }
    const fallback = column.defaultFn?.() ?? column.default;
    if (is(fallback, SQL)) throw new Error(`cases.${name} has an SQL default: give it a value`);
    inserted[name] = fallback ?? null;
  }
  return inserted as CaseRow;
}
