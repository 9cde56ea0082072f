import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
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
 */
export async function listOfficerCandidates(
  db: DbOrTx,
  input: { gridCode: string; streetCode: string; at: Date },
): Promise<OfficerCandidate[]> {
  const at = sql`${input.at.toISOString()}::timestamptz`;
  return db
    .select({
      id: users.id,
      username: users.username,
      inGrid: sql<boolean>`bool_or(${officerGrids.gridCode} = ${input.gridCode})`,
      hasShifts: sql<boolean>`exists (select 1 from ${dutyShifts} where ${dutyShifts.officerId} = ${users.id})`,
      onShift: sql<boolean>`exists (select 1 from ${dutyShifts} where ${dutyShifts.officerId} = ${users.id} and ${dutyShifts.startsAt} <= ${at} and ${dutyShifts.endsAt} > ${at})`,
      openTasks: sql<number>`(select count(*) from ${tasks} where ${tasks.assigneeId} = ${users.id} and ${tasks.status} = 'open')::int`,
    })
    .from(officerGrids)
    .innerJoin(users, eq(users.id, officerGrids.officerId))
    .innerJoin(grids, eq(grids.code, officerGrids.gridCode))
    .where(
      and(
        eq(users.active, true),
        or(eq(officerGrids.gridCode, input.gridCode), eq(grids.streetCode, input.streetCode)),
      ),
    )
    .groupBy(users.id, users.username)
    .orderBy(asc(users.username));
}
