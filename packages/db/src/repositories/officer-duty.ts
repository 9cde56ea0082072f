import { and, arrayContains, asc, between, eq, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import { tasks } from '../schema/cases.js';
import { dutyShifts, officerGrids, users } from '../schema/people.js';
import { grids } from '../schema/reference.js';

export interface OfficerOfGrid {
  id: string;
  username: string;
}

/** Active officers responsible for the grid. */
export async function listGridOfficers(db: DbOrTx, gridCode: string): Promise<OfficerOfGrid[]> {
  return db
    .selectDistinct({ id: users.id, username: users.username })
    .from(officerGrids)
    .innerJoin(users, eq(users.id, officerGrids.officerId))
    .where(and(eq(officerGrids.gridCode, gridCode), eq(users.active, true)))
    .orderBy(asc(users.username));
}

/** An officer who may take a grid's task, with what choosing among them weighs. */
export interface OfficerCandidate extends OfficerOfGrid {
  /** Responsible for the case's own grid (else for another grid of its street). */
  inGrid: boolean;
  /** Keeps a roster at all (an officer without shift rows is always on duty). */
  hasShifts: boolean;
  /** A shift covers the instant asked about. */
  onShift: boolean;
  /** Open tasks held now: the load that spreads work. */
  openTasks: number;
}

/**
 * In one query, the active officers of a grid and of the other grids of its street (街道), each
 * with their roster, duty at `at` and open tasks, by username.
 *
 * A grid's street is the first nine digits of its code (GB/T 30428.1, `parseGridCode`), so the
 * street's grids are one range of `officer_grids_grid_idx`: read on every verification and check,
 * this must not join the city's grids (a join filtered by grid or street scanned both tables, 15 ms
 * a task on the demo city's 11,000 grids).
 */
export async function listOfficerCandidates(
  db: DbOrTx,
  input: { gridCode: string; streetCode: string; at: Date },
): Promise<OfficerCandidate[]> {
  return officerCandidates(db).execute({
    gridCode: input.gridCode,
    streetFirst: `${input.streetCode}000000`,
    streetLast: `${input.streetCode}999999`,
    at: input.at.toISOString(),
  });
}

const officerCandidates = preparedPerDatabase((db) => {
  const gridCode = sql.placeholder('gridCode');
  const at = sql`${sql.placeholder('at')}::timestamptz`;
  return db
    .select({
      id: users.id,
      username: users.username,
      inGrid: sql<boolean>`bool_or(${officerGrids.gridCode} = ${gridCode}::text)`,
      hasShifts: sql<boolean>`exists (select 1 from ${dutyShifts} where ${dutyShifts.officerId} = ${users.id})`,
      onShift: sql<boolean>`exists (select 1 from ${dutyShifts} where ${dutyShifts.officerId} = ${users.id} and ${dutyShifts.startsAt} <= ${at} and ${dutyShifts.endsAt} > ${at})`,
      openTasks: sql<number>`(select count(*) from ${tasks} where ${tasks.assigneeId} = ${users.id} and ${tasks.status} = 'open')::int`,
    })
    .from(officerGrids)
    .innerJoin(users, eq(users.id, officerGrids.officerId))
    .where(
      and(
        eq(users.active, true),
        or(
          eq(officerGrids.gridCode, gridCode),
          between(officerGrids.gridCode, sql.placeholder('streetFirst'), sql.placeholder('streetLast')),
        ),
      ),
    )
    .groupBy(users.id, users.username)
    .orderBy(asc(users.username))
    .prepare('urbangrid_officer_candidates');
});

/** An officer of the city as the shift lead weighs them for a case (改派). */
export interface OfficerForCase extends OfficerOfGrid {
  name: string;
  /** Responsible for the case's own grid. */
  coversGrid: boolean;
  /** Responsible for another grid of the case's street. */
  coversStreet: boolean;
  /** On a shift at `at`, or keeps no roster at all (always on duty). */
  onDuty: boolean;
  openTasks: number;
}

/**
 * The active grid officers (监督员) of a city, best first for a case at this grid and street: those
 * of the grid, then of the street, then on duty, then the least loaded. With `username`, that one
 * officer (or none, when they are not an active officer of the city).
 */
export async function listOfficersForCase(
  db: DbOrTx,
  input: { city: string; gridCode: string; streetCode: string; at: Date; username?: string },
): Promise<OfficerForCase[]> {
  const at = sql`${input.at.toISOString()}::timestamptz`;
  // Qualified by hand: drizzle writes a single-table selection's columns bare, and a bare "id" in
  // the subqueries below would mean the subquery's own table.
  const userId = sql`${users}.${sql.identifier(users.id.name)}`;
  const coverage = (condition: SQL) =>
    sql<boolean>`exists (select 1 from ${officerGrids} join ${grids} on ${grids.code} = ${officerGrids.gridCode} where ${officerGrids.officerId} = ${userId} and ${condition})`;
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.displayName,
      coversGrid: coverage(sql`${officerGrids.gridCode} = ${input.gridCode}`),
      coversStreet: coverage(sql`${grids.streetCode} = ${input.streetCode}`),
      onDuty: sql<boolean>`(not exists (select 1 from ${dutyShifts} where ${dutyShifts.officerId} = ${userId}) or exists (select 1 from ${dutyShifts} where ${dutyShifts.officerId} = ${userId} and ${dutyShifts.startsAt} <= ${at} and ${dutyShifts.endsAt} > ${at}))`,
      openTasks: sql<number>`(select count(*) from ${tasks} where ${tasks.assigneeId} = ${userId} and ${tasks.status} = 'open')::int`,
    })
    .from(users)
    .where(
      and(
        eq(users.city, input.city),
        eq(users.active, true),
        arrayContains(users.roles, ['grid_officer']),
        input.username === undefined ? undefined : eq(users.username, input.username),
      ),
    );
  const rank = (o: OfficerForCase) => (o.coversGrid ? 0 : o.coversStreet ? 1 : 2);
  return rows
    .map((row) => ({ ...row, coversStreet: row.coversStreet && !row.coversGrid }))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        Number(b.onDuty) - Number(a.onDuty) ||
        a.openTasks - b.openTasks ||
        a.username.localeCompare(b.username),
    );
}
