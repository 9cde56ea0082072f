/**
 * The names a person reads beside a case instead of codes and usernames (issue 16.7): the staff
 * who act on it by display name, its grid and district by name. Lookups by key, each one query.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { independentReads } from '../independent-reads.js';
import { preparedPerDatabase } from '../prepared.js';
import { users } from '../schema/people.js';
import { areas, grids } from '../schema/reference.js';

export interface CaseNames {
  /** username → display name, for the usernames asked that exist. */
  people: Record<string, string>;
  grid: { code: string; name: string } | null;
  district: { code: string; name: string; nameEn: string } | null;
}

const displayNames = preparedPerDatabase((db) =>
  db
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .where(sql`${users.username} = any(${sql.placeholder('usernames')}::text[])`)
    .prepare('urbangrid_display_names'),
);

const gridName = preparedPerDatabase((db) =>
  db
    .select({ code: grids.code, name: grids.name })
    .from(grids)
    .where(eq(grids.code, sql.placeholder('code')))
    .prepare('urbangrid_grid_name'),
);

const areaName = preparedPerDatabase((db) =>
  db
    .select({ code: areas.code, name: areas.name, nameEn: areas.nameEn })
    .from(areas)
    .where(eq(areas.code, sql.placeholder('code')))
    .prepare('urbangrid_area_name'),
);

export async function findCaseNames(
  db: DbOrTx,
  keys: { usernames: readonly string[]; gridCode: string; districtCode: string },
): Promise<CaseNames> {
  const usernames = [...new Set(keys.usernames)];
  const [people, [grid], [district]] = await independentReads(db, [
    () => (usernames.length === 0 ? Promise.resolve([]) : displayNames(db).execute({ usernames })),
    () => gridName(db).execute({ code: keys.gridCode }),
    () => areaName(db).execute({ code: keys.districtCode }),
  ]);
  return {
    people: Object.fromEntries(people.map((p) => [p.username, p.displayName])),
    grid: grid ?? null,
    district: district ?? null,
  };
}
