/**
 * What the supervision reports read besides the rollups: the names of the things they group by,
 * the people they evaluate, the areas' size, the cities of a region, and the case a check or close
 * acts on within the caller's jurisdiction. Queries only.
 */
import { and, arrayContains, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { officerGrids, users } from '../schema/people.js';
import { areas, categories, cities, departments, grids } from '../schema/reference.js';

export type NamedDimension = 'department' | 'district' | 'street' | 'grid' | 'category' | 'officer' | 'staff';

/** Display names of the keys of one rollup dimension in a city (key → name). */
export async function namesOfKeys(
  db: DbOrTx,
  city: string,
  dimension: NamedDimension,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const list = [...keys];
  let rows: Array<{ key: string; name: string }>;
  switch (dimension) {
    case 'department':
      rows = await db
        .select({ key: departments.id, name: departments.name })
        .from(departments)
        .where(inArray(departments.id, list));
      break;
    case 'district':
    case 'street':
      rows = await db
        .select({ key: areas.code, name: areas.name })
        .from(areas)
        .where(inArray(areas.code, list));
      break;
    case 'grid':
      rows = await db
        .select({ key: grids.code, name: grids.name })
        .from(grids)
        .where(inArray(grids.code, list));
      break;
    case 'category':
      rows = await db
        .select({ key: categories.code, name: categories.name })
        .from(categories)
        .where(inArray(categories.code, list));
      break;
    case 'officer':
    case 'staff':
      rows = await db
        .select({ key: users.username, name: users.displayName })
        .from(users)
        .where(and(inArray(users.username, list), eq(users.city, city)));
      break;
  }
  return new Map(rows.map((row) => [row.key, row.name]));
}

export interface StaffMemberRow {
  username: string;
  displayName: string;
}

/** Active staff of a city holding `role`. */
export async function listEvaluatedStaff(db: DbOrTx, city: string, role: string): Promise<StaffMemberRow[]> {
  return db
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.city, city), eq(users.active, true), arrayContains(users.roles, [role])))
    .orderBy(users.username);
}

/**
 * A city's grid officers (active), optionally only those with a grid in `districtCode`: whom the
 * officers' evaluation ranks. Their counts are in the rollups (`officer`, `officer_grids`).
 */
export async function listEvaluatedOfficers(
  db: DbOrTx,
  query: { city: string; districtCode?: string },
): Promise<StaffMemberRow[]> {
  const inDistrict =
    query.districtCode === undefined
      ? undefined
      : sql`exists (select 1 from ${officerGrids} where ${officerGrids.officerId} = ${users.id}
          and starts_with(${officerGrids.gridCode}, ${query.districtCode}))`;
  return db
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.city, query.city),
        eq(users.active, true),
        arrayContains(users.roles, ['grid_officer']),
        inDistrict,
      ),
    )
    .orderBy(users.username);
}

export interface AreaRow {
  code: string;
  name: string;
  areaKm2: number;
  population: number;
}

/** Districts of a city with their size and population. */
export async function listDistricts(db: DbOrTx, city: string): Promise<AreaRow[]> {
  return db
    .select({ code: areas.code, name: areas.name, areaKm2: areas.areaKm2, population: areas.population })
    .from(areas)
    .where(and(eq(areas.city, city), eq(areas.level, 'district')))
    .orderBy(areas.code);
}

/** A city's departments (id, code, name). */
export async function listCityDepartments(
  db: DbOrTx,
  city: string,
): Promise<Array<{ id: string; code: string; name: string }>> {
  return db
    .select({ id: departments.id, code: departments.code, name: departments.name })
    .from(departments)
    .where(eq(departments.city, city))
    .orderBy(departments.id);
}

/** A city's department codes by id: what an export shows in place of the internal id. */
export async function departmentCodesOf(db: DbOrTx, city: string): Promise<Map<string, string>> {
  return new Map((await listCityDepartments(db, city)).map((d) => [d.id, d.code]));
}

export type CityRow = typeof cities.$inferSelect;

/** Every city, retired ones too (their finished days are still published and read). */
export async function listCities(db: DbOrTx): Promise<CityRow[]> {
  return db.select().from(cities).orderBy(cities.code);
}

export async function findCity(db: DbOrTx, code: string): Promise<CityRow | null> {
  return (await listCities(db)).find((city) => city.code === code) ?? null;
}
