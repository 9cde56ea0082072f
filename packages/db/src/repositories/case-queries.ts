/**
 * Reading cases within a caller's jurisdiction: one case, a filtered page, and the slices the work
 * queues (工作队列) show. Every function takes a `CaseScope` and adds `caseScopeCondition` (or, for
 * one case in hand, `caseVisibleTo`), so a case outside the scope is never returned. Queries only; which slice means what is the services' call.
 */
import type { CaseState } from '@urbangrid/domain';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client.js';
import { independentReads } from '../independent-reads.js';
import { caseCallers } from '../schema/case-callers.js';
import { cases, openOverdueCondition, tripledSearchText } from '../schema/cases.js';
import { type CaseScope, caseScopeCondition, caseVisibleTo } from './case-scope.js';
import { type CaseRow, findCaseById } from './cases.js';

/** The case with this id if the scope includes it, else null (answered 404 either way). */
export async function findCaseInScope(db: DbOrTx, id: string, scope: CaseScope): Promise<CaseRow | null> {
  // One case by id: the prepared read, then the scope's in-memory form (the same rule, see
  // case-scope.ts), rather than a query built per call with the caller's scope in it.
  const row = await findCaseById(db, id);
  return row !== null && caseVisibleTo(scope, row) ? row : null;
}

/**
 * A slice of cases. Every given field narrows the slice (AND); absent fields do not filter.
 */
export interface CaseFilter {
  states?: readonly CaseState[];
  gridCode?: string;
  departmentId?: string;
  assignee?: string;
  /** Reported by this member of staff (username): an officer's own reports (我的上报). */
  reporter?: string;
  /**
   * true: open and its current stage is past its limit (red light); false: not that. An ended case
   * has no current stage, so it is never overdue, whatever light it ended with.
   */
  overdue?: boolean;
  /** true: the case carries at least one flag for the shift lead. */
  flagged?: boolean;
  /** true: a pending extension or suspension request; a kind narrows it to that request. */
  pendingRequest?: boolean | 'extension' | 'suspension';
  /** true: a department returned it at least once (回退); false: never. */
  returned?: boolean;
  /** true: sent back for rework at least once (返工); false: never. */
  reworked?: boolean;
  /** true: marked as a duplicate of another case. */
  duplicate?: boolean;
  supervised?: boolean;
  /**
   * Cases whose verification (核实, state reported) or check (核查, state handled) has waited for an
   * officer since before this instant: the stage's task was not handed to anyone in time.
   */
  awaitingOfficerSince?: Date;
  categoryCode?: string;
  districtCode?: string;
  /** Reported at or after this instant. */
  createdFrom?: Date;
  /** Reported before this instant. */
  createdBefore?: Date;
  /**
   * Search (检索): `text` found in the case number, address or description (trigram indexes,
   * migration 0018), or a reporter's or attached caller's phone by its blind index when
   * `phoneHash` is given.
   */
  search?: { text: string; phoneHash?: string | null };
  /** The phone of the reporter or of a caller attached to the case, by its blind index. */
  phoneHash?: string;
  /** Part of the case number (trigram index). */
  caseNoContains?: string;
  /** Part of the address (trigram index). */
  addressContains?: string;
}

/** `text` as an ILIKE pattern matching it anywhere, its wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * A case whose reporter (cases.reporter_phone_hash) or an attached caller (case_callers.phone_hash,
 * cleared when erased) called from the phone of this blind index.
 */
function phoneCondition(phoneHash: string): SQL {
  return or(
    eq(cases.reporterPhoneHash, phoneHash),
    sql`exists (select 1 from ${caseCallers} where ${caseCallers.caseId} = ${cases.id} and ${caseCallers.phoneHash} = ${phoneHash})`,
  ) as SQL;
}

/**
 * Text without a letter that has case (Chinese, digits, punctuation, spaces): ILIKE finds exactly
 * what LIKE finds there, and LIKE spares lowering each searched text of every row it checks (a
 * common word's capped total checks ten thousand of them).
 */
const caselessText = /^[\p{Script=Han}\p{Nd}\p{P}\p{Zs}]*$/u;

/** `column` holds `text` anywhere, whatever its case. */
function contains(column: AnyPgColumn | SQL, text: string): SQL {
  const pattern = containsPattern(text);
  return caselessText.test(text) ? like(column, pattern) : ilike(column, pattern);
}

/**
 * `found` (the texts holding `text`), found through the trigrams: a word of one or two characters
 * has none, so its tripled form is looked up among the tripled texts (`tripledSearchText`) first —
 * every text holding it holds that — and `found` says exactly which.
 */
function textSearch(text: string, found: SQL): SQL {
  const characters = [...text];
  if (characters.length >= 3) return found;
  const tripled = characters.map((character) => character.repeat(3)).join('');
  return and(contains(tripledSearchText(cases), tripled), found) as SQL;
}

/**
 * A whole case number (`caseNumberOfStatement`: the local date, then the day's sequence in at least
 * five digits). The numbers holding one are those beginning with it — the date leads every number,
 * so it cannot sit further in — and those are one range of the `(city, case_no)` key: looked up
 * there, a case number costs the same however many days have been filed, where its trigrams
 * (`202`, `026`, …) are shared by every case of its year, month and day.
 */
const wholeCaseNumber = /^\d{13,}$/;

/** `cases.case_no` holds `text`: the key's range for a whole case number, else its trigrams. */
function caseNoCondition(text: string): SQL {
  if (!wholeCaseNumber.test(text)) return textSearch(text, contains(cases.caseNo, text));
  // Digit strings sort digit by digit, a prefix first: every number beginning with `text` lies
  // between it and it followed by nines as long as any case number may be.
  return and(gte(cases.caseNo, text), lte(cases.caseNo, text.padEnd(40, '9'))) as SQL;
}

function searchCondition(search: NonNullable<CaseFilter['search']>): SQL {
  // The description first: it is what a word is mostly found in, and OR stops at the first match.
  const texts = textSearch(
    search.text,
    or(
      contains(cases.description, search.text),
      contains(cases.address, search.text),
      contains(cases.caseNo, search.text),
    ) as SQL,
  );
  return search.phoneHash ? (or(texts, phoneCondition(search.phoneHash)) as SQL) : texts;
}

/** The filter as conditions over `cases` (AND); case reads add the scope's condition beside them. */
export function caseFilterConditions(filter: CaseFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.states !== undefined) conditions.push(inArray(cases.state, [...filter.states]));
  if (filter.gridCode !== undefined) conditions.push(eq(cases.gridCode, filter.gridCode));
  if (filter.departmentId !== undefined) conditions.push(eq(cases.departmentId, filter.departmentId));
  if (filter.assignee !== undefined) conditions.push(eq(cases.assignee, filter.assignee));
  if (filter.reporter !== undefined) conditions.push(eq(cases.reporterUsername, filter.reporter));
  if (filter.overdue !== undefined)
    conditions.push(filter.overdue ? openOverdueCondition(cases) : sql`not (${openOverdueCondition(cases)})`);
  if (filter.flagged === true) conditions.push(sql`cardinality(${cases.flags}) > 0`);
  if (filter.flagged === false) conditions.push(sql`cardinality(${cases.flags}) = 0`);
  if (filter.pendingRequest === true) conditions.push(isNotNull(cases.pendingRequest));
  if (filter.pendingRequest === false) conditions.push(isNull(cases.pendingRequest));
  if (typeof filter.pendingRequest === 'string')
    conditions.push(sql`${cases.pendingRequest}->>'kind' = ${filter.pendingRequest}`);
  if (filter.returned !== undefined)
    conditions.push(filter.returned ? gt(cases.returnCount, 0) : eq(cases.returnCount, 0));
  if (filter.reworked !== undefined)
    conditions.push(filter.reworked ? gt(cases.reworkCount, 0) : eq(cases.reworkCount, 0));
  if (filter.duplicate !== undefined)
    conditions.push(filter.duplicate ? isNotNull(cases.duplicateOf) : isNull(cases.duplicateOf));
  if (filter.supervised !== undefined) conditions.push(eq(cases.supervised, filter.supervised));
  if (filter.awaitingOfficerSince !== undefined) {
    const since = filter.awaitingOfficerSince;
    conditions.push(
      or(
        and(eq(cases.state, 'reported'), lt(cases.createdAt, since)),
        and(eq(cases.state, 'handled'), lt(cases.handledAt, since)),
      ) as SQL,
    );
  }
  if (filter.categoryCode !== undefined) conditions.push(eq(cases.categoryCode, filter.categoryCode));
  if (filter.districtCode !== undefined) conditions.push(eq(cases.districtCode, filter.districtCode));
  if (filter.createdFrom !== undefined) conditions.push(gte(cases.createdAt, filter.createdFrom));
  if (filter.createdBefore !== undefined) conditions.push(lt(cases.createdAt, filter.createdBefore));
  if (filter.search !== undefined) conditions.push(searchCondition(filter.search));
  if (filter.phoneHash !== undefined) conditions.push(phoneCondition(filter.phoneHash));
  if (filter.caseNoContains !== undefined) conditions.push(caseNoCondition(filter.caseNoContains));
  if (filter.addressContains !== undefined)
    conditions.push(textSearch(filter.addressContains, contains(cases.address, filter.addressContains)));
  return conditions;
}

export interface CasePage {
  rows: CaseRow[];
  total: number;
}

/**
 * How far the plain list counts and pages by number: past it the total says "at least this many"
 * and pages are reached with the cursor, so no read walks a city's whole history.
 */
export const caseListCountCap = 10_000;

/** Where the previous page of the newest-first list ended: its last case. */
export interface CaseListPosition {
  createdAt: Date;
  id: string;
}

export interface CaseListPage extends CasePage {
  /**
   * False when more cases match than were counted — more than `caseListCountCap`, or for a text
   * search (not counted) more than this page and those before it: `total` is then a lower bound.
   */
  totalExact: boolean;
  /** The last case of this page when more follow (the next page starts after it), else null. */
  next: CaseListPosition | null;
}

/**
 * Newest first: the plain case list (api.md `GET /api/cases`), from a position (keyset: what
 * follows `after`, however deep) or a bounded offset, with a total counted up to the cap.
 */
export async function listCasesInScope(
  db: DbOrTx,
  scope: CaseScope,
  filter: CaseFilter,
  page: { limit: number } & ({ offset: number } | { after: CaseListPosition }),
): Promise<CaseListPage> {
  const where = and(caseScopeCondition(scope), ...caseFilterConditions(filter));
  const from =
    'after' in page
      ? sql`(${cases.createdAt}, ${cases.id}) < (${page.after.createdAt.toISOString()}::timestamptz, ${page.after.id})`
      : undefined;
  const newestFirst = [desc(cases.createdAt), desc(cases.id)];
  const offset = 'offset' in page ? page.offset : 0;
  // A later page by number skips its offset over the list's index alone (ids, no rows), then reads
  // the rows of the page: the skipped cases are never fetched.
  const pageIds = db
    .select({ id: cases.id })
    .from(cases)
    .where(where)
    .orderBy(...newestFirst)
    .offset(offset)
    .limit(page.limit + 1);
  const pageRows = () =>
    db
      .select()
      .from(cases)
      .where(offset > 0 ? inArray(cases.id, pageIds) : and(where, from))
      .orderBy(...newestFirst)
      .limit(page.limit + 1);
  const countRows = () =>
    db.select({ n: count() }).from(
      db
        .select({ one: sql`1` })
        .from(cases)
        .where(where)
        .limit(caseListCountCap + 1)
        .as('matching'),
    );
  // A text search is not counted: its matches, a word's in every year of the city's history, are
  // found page by page newest first, and counting them would read them all.
  const [rows, counted] = searchesText(filter)
    ? [await pageRows(), null]
    : await independentReads(db, [pageRows, countRows]);
  const shown = rows.slice(0, page.limit);
  const more = rows.length > page.limit;
  const last = shown.at(-1);
  const n = counted === null ? offset + rows.length : (counted[0]?.n ?? 0);
  const cap = counted === null ? offset + page.limit : caseListCountCap;
  return {
    rows: shown,
    total: Math.min(n, cap),
    totalExact: n <= cap,
    next: more && last !== undefined ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** The filter looks for words in the cases' texts (not a whole case number: that is a key). */
function searchesText(filter: CaseFilter): boolean {
  return (
    filter.search !== undefined ||
    filter.addressContains !== undefined ||
    (filter.caseNoContains !== undefined && !wholeCaseNumber.test(filter.caseNoContains))
  );
}

/**
 * The most urgent first: the earliest deadline, cases without a running clock (suspended, no
 * limit) last, then the oldest. What every work queue shows.
 */
export async function listCasesByDeadline(
  db: DbOrTx,
  scope: CaseScope,
  filter: CaseFilter,
  limit: number,
): Promise<CasePage> {
  const where = and(caseScopeCondition(scope), ...caseFilterConditions(filter));
  const [rows, totals] = await independentReads(db, [
    () =>
      db
        .select()
        .from(cases)
        .where(where)
        .orderBy(sql`${cases.deadlineDue} asc nulls last`, asc(cases.createdAt), asc(cases.id))
        .limit(limit),
    () => db.select({ n: count() }).from(cases).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
