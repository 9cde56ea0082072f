import { and, asc, eq, gt, inArray, lte, ne } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
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

/** Active officers of the other grids of a street (街道), excluding those of `exceptGrid`. */
export async function listStreetOfficers(
  db: DbOrTx,
  streetCode: string,
  exceptGrid: string,
): Promise<OfficerOfGrid[]> {
  return db
    .selectDistinct({ id: users.id, username: users.username })
    .from(officerGrids)
    .innerJoin(users, eq(users.id, officerGrids.officerId))
    .innerJoin(grids, eq(grids.code, officerGrids.gridCode))
    .where(and(eq(grids.streetCode, streetCode), ne(grids.code, exceptGrid), eq(users.active, true)))
    .orderBy(asc(users.username));
}

/** Which of these officers have any duty shift rows at all, and which have one covering `at`. */
export async function dutyOf(
  db: DbOrTx,
  officerIds: readonly string[],
  at: Date,
): Promise<{ withShifts: Set<string>; onShift: Set<string> }> {
  if (officerIds.length === 0) return { withShifts: new Set(), onShift: new Set() };
  const ids = [...officerIds];
  const withShifts = await db
    .selectDistinct({ officerId: dutyShifts.officerId })
    .from(dutyShifts)
    .where(inArray(dutyShifts.officerId, ids));
  const onShift = await db
    .selectDistinct({ officerId: dutyShifts.officerId })
    .from(dutyShifts)
    .where(and(inArray(dutyShifts.officerId, ids), lte(dutyShifts.startsAt, at), gt(dutyShifts.endsAt, at)));
  return {
    withShifts: new Set(withShifts.map((row) => row.officerId)),
    onShift: new Set(onShift.map((row) => row.officerId)),
  };
}
