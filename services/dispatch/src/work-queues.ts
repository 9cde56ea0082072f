/**
 * The work queues (工作队列) of the dispatch desk: one per role, each a few named sections of cases,
 * the earliest deadline first. Which cases a section holds is decided here; the queries live in
 * packages/db (case-queries.ts) and always apply the caller's jurisdiction.
 */
import { type CaseFilter, type CasePage, type CaseScope, type Db, listCasesByDeadline } from '@urbangrid/db';
import { type CaseState, openStates } from '@urbangrid/domain';
import { distanceMetres } from '@urbangrid/geo';

/** States in which a report has not been filed yet (立案前). */
const beforeFiling: readonly CaseState[] = ['reported', 'verifying', 'verified'];

export type Sections<Name extends string> = Record<Name, CasePage>;

async function sections<Name extends string>(
  db: Db,
  scope: CaseScope,
  filters: Record<Name, CaseFilter>,
  limit: number,
): Promise<Sections<Name>> {
  const names = Object.keys(filters) as Name[];
  const pages = await Promise.all(names.map((name) => listCasesByDeadline(db, scope, filters[name], limit)));
  return Object.fromEntries(names.map((name, i) => [name, pages[i]])) as Sections<Name>;
}

/**
 * How long a verification or check task may go without an officer before the shift lead sees it:
 * the stage workers hand one over within seconds when anyone of the grid or street can go.
 */
export const officerWaitBeforeShown = 2 * 60_000;

/**
 * 值班长: reports waiting to be filed (立案), reports carrying flags (photo far from the point,
 * taken long before, ...), open cases marked as duplicates — the candidates for cancellation
 * (作废) the shift lead must decide on — and cases whose verification or check found no officer
 * to send (no officer covers the grid or its street; the task is retried every minute).
 */
export function shiftLeadQueue(db: Db, scope: CaseScope, limit: number, now: Date) {
  return sections(
    db,
    scope,
    {
      awaitingFiling: { states: ['verified'] },
      flaggedReports: { states: beforeFiling, flagged: true },
      pendingCancellations: { states: openStates, duplicate: true },
      awaitingOfficer: { awaitingOfficerSince: new Date(now.getTime() - officerWaitBeforeShown) },
    },
    limit,
  );
}

/**
 * 派遣员: filed cases waiting for their first dispatch (each carries the department the
 * responsibility matrix suggests), extension and suspension requests waiting for a decision, and
 * cases a department returned (回退) that must be dispatched again.
 */
export function dispatcherQueue(db: Db, scope: CaseScope, limit: number) {
  return sections(
    db,
    scope,
    {
      awaitingDispatch: { states: ['filed'], returned: false },
      pendingApprovals: { states: ['handling'], pendingRequest: true },
      returns: { states: ['filed'], returned: true },
    },
    limit,
  );
}

export interface Position {
  lat: number;
  lng: number;
}

export interface OfficerTaskPage extends CasePage {
  /** Metres from the officer's position to each row's case, in the order of `rows`; null without a position. */
  distances: (number | null)[];
}

/**
 * 监督员: my verification (核实) and check (核查) tasks. With the officer's position the nearest come
 * first (a patrol walks to the next closest site); without it, the earliest deadline.
 */
export async function officerQueue(
  db: Db,
  scope: CaseScope,
  username: string,
  position: Position | undefined,
  limit: number,
): Promise<Record<'verificationTasks' | 'checkTasks', OfficerTaskPage>> {
  const found = await sections(
    db,
    scope,
    {
      verificationTasks: { states: ['verifying'], assignee: username },
      checkTasks: { states: ['reviewing'], assignee: username },
    },
    limit,
  );
  return {
    verificationTasks: nearestFirst(found.verificationTasks, position),
    checkTasks: nearestFirst(found.checkTasks, position),
  };
}

function nearestFirst(page: CasePage, position: Position | undefined): OfficerTaskPage {
  if (position === undefined) return { ...page, distances: page.rows.map(() => null) };
  const measured = page.rows.map((row, index) => ({
    row,
    index,
    distance: distanceMetres(position.lat, position.lng, row.lat, row.lng),
  }));
  // Equal distances keep the deadline order they came in.
  measured.sort((a, b) => a.distance - b.distance || a.index - b.index);
  return {
    rows: measured.map((m) => m.row),
    total: page.total,
    distances: measured.map((m) => Math.round(m.distance)),
  };
}
