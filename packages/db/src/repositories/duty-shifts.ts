/**
 * Duty shifts (值班) as the shift lead manages them: who is on duty, when, and over which grids
 * (an officer's shift covers all of their grids, officer_grids). The assignment of tasks reads the
 * same rows through officer-duty.ts.
 */
import { and, arrayContains, asc, count, eq, gt, gte, inArray, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { dutyShifts, officerGrids, users } from '../schema/people.js';
import { grids } from '../schema/reference.js';

export type DutyShiftRow = typeof dutyShifts.$inferSelect;

export interface DutyShiftWithOfficer extends DutyShiftRow {
  username: string;
  displayName: string;
}

export interface CityOfficer {
  id: string;
  username: string;
  displayName: string;
}

/** An active grid officer (监督员) of the city, by username. */
export async function findCityOfficer(
  db: DbOrTx,
  city: string,
  username: string,
): Promise<CityOfficer | null> {
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.city, city),
        eq(users.username, username),
        eq(users.active, true),
        arrayContains(users.roles, ['grid_officer']),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export interface DutyShiftQuery {
  city: string;
  /** Shifts that end after `from` and start before `to` (they overlap the window). */
  from: Date;
  to: Date;
  /** Only these officers. */
  officerIds?: readonly string[];
}

/** Shifts overlapping a window, earliest first. */
export async function listDutyShifts(db: DbOrTx, query: DutyShiftQuery): Promise<DutyShiftWithOfficer[]> {
  if (query.officerIds !== undefined && query.officerIds.length === 0) return [];
  const rows = await db
    .select({ shift: dutyShifts, username: users.username, displayName: users.displayName })
    .from(dutyShifts)
    .innerJoin(users, eq(users.id, dutyShifts.officerId))
    .where(
      and(
        eq(dutyShifts.city, query.city),
        gt(dutyShifts.endsAt, query.from),
        lt(dutyShifts.startsAt, query.to),
        query.officerIds === undefined ? undefined : inArray(dutyShifts.officerId, [...query.officerIds]),
      ),
    )
    .orderBy(asc(dutyShifts.startsAt), asc(users.username));
  return rows.map((row) => ({ ...row.shift, username: row.username, displayName: row.displayName }));
}

/**
 * Locks the officer's account row until the transaction ends: concurrent changes to one officer's
 * rota queue here, so an overlap check and the insert after it cannot interleave with another's.
 */
export async function lockOfficerRota(tx: DbOrTx, officerId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, officerId)).for('update');
}

/** A shift of the same officer that overlaps [startsAt, endsAt), other than `exceptId`. */
export async function findOverlappingShift(
  db: DbOrTx,
  officerId: string,
  startsAt: Date,
  endsAt: Date,
  exceptId?: string,
): Promise<DutyShiftRow | null> {
  const rows = await db
    .select()
    .from(dutyShifts)
    .where(
      and(
        eq(dutyShifts.officerId, officerId),
        gt(dutyShifts.endsAt, startsAt),
        lt(dutyShifts.startsAt, endsAt),
        exceptId === undefined ? undefined : ne(dutyShifts.id, exceptId),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function insertDutyShift(
  db: DbOrTx,
  row: typeof dutyShifts.$inferInsert,
): Promise<DutyShiftRow> {
  const rows = await db.insert(dutyShifts).values(row).returning();
  const inserted = rows[0];
  if (inserted === undefined) throw new Error(`duty shift ${row.id} was not inserted`);
  return inserted;
}

/** Deletes a shift of the city; false when there is none with that id. */
export async function deleteDutyShift(db: DbOrTx, city: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(dutyShifts)
    .where(and(eq(dutyShifts.id, id), eq(dutyShifts.city, city)))
    .returning({ id: dutyShifts.id });
  return rows.length > 0;
}

export interface OfficerCoverage {
  gridCount: number;
  streetCodes: string[];
}

/** How many grids each officer covers, and in which streets (街道). */
export async function officerCoverage(
  db: DbOrTx,
  officerIds: readonly string[],
): Promise<Map<string, OfficerCoverage>> {
  const coverage = new Map<string, OfficerCoverage>();
  if (officerIds.length === 0) return coverage;
  const rows = await db
    .select({ officerId: officerGrids.officerId, streetCode: grids.streetCode, n: count() })
    .from(officerGrids)
    .innerJoin(grids, eq(grids.code, officerGrids.gridCode))
    .where(inArray(officerGrids.officerId, [...officerIds]))
    .groupBy(officerGrids.officerId, grids.streetCode)
    .orderBy(asc(grids.streetCode));
  for (const row of rows) {
    const entry = coverage.get(row.officerId) ?? { gridCount: 0, streetCodes: [] };
    entry.gridCount += row.n;
    entry.streetCodes.push(row.streetCode);
    coverage.set(row.officerId, entry);
  }
  return coverage;
}

/** The active grid officers (监督员) of a city, by username. */
export async function listCityOfficers(db: DbOrTx, city: string): Promise<CityOfficer[]> {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.city, city), eq(users.active, true), arrayContains(users.roles, ['grid_officer'])))
    .orderBy(asc(users.username));
}

/** Deletes the city's shifts that start in [from, to); the rows deleted. */
export async function deleteDutyShiftsStartingIn(
  db: DbOrTx,
  city: string,
  from: Date,
  to: Date,
): Promise<DutyShiftRow[]> {
  return db
    .delete(dutyShifts)
    .where(and(eq(dutyShifts.city, city), gte(dutyShifts.startsAt, from), lt(dutyShifts.startsAt, to)))
    .returning();
}
