import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import {
  calendars,
  catalogueVersions,
  categories,
  cities,
  departments,
  grids,
  responsibilities,
} from '../schema/reference.js';

/** Reference rows the case engine reads on every command; small, so callers cache them. */

export interface CategoryLimitsRow {
  code: string;
  active: boolean;
  /** Unvalidated JSON; the engine parses it. */
  timeLimits: unknown;
  /** Unvalidated JSON: the calendar each stage counts on, where not the default. */
  stageCalendars: unknown;
  defaultDepartmentCode: string | null;
  city: string | null;
  /** The first day its catalogue version is in force; null while the version is a draft. */
  effectiveFrom: string | null;
}

export async function listCategoryLimits(db: DbOrTx): Promise<CategoryLimitsRow[]> {
  return db
    .select({
      code: categories.code,
      active: categories.active,
      timeLimits: categories.timeLimits,
      stageCalendars: categories.stageCalendars,
      defaultDepartmentCode: categories.defaultDepartmentCode,
      city: categories.city,
      effectiveFrom: catalogueVersions.effectiveFrom,
    })
    .from(categories)
    .innerJoin(catalogueVersions, eq(catalogueVersions.version, categories.catalogueVersion));
}

export async function listCityTimeZones(db: DbOrTx): Promise<Array<{ code: string; timeZone: string }>> {
  return db.select({ code: cities.code, timeZone: cities.timeZone }).from(cities);
}

export interface GridPlace {
  code: string;
  city: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
}

export async function findGridPlace(db: DbOrTx, code: string): Promise<GridPlace | null> {
  const rows = await db
    .select({
      code: grids.code,
      city: grids.city,
      districtCode: grids.districtCode,
      streetCode: grids.streetCode,
      communityCode: grids.communityCode,
    })
    .from(grids)
    .where(eq(grids.code, code))
    .limit(1);
  return rows[0] ?? null;
}

export type DepartmentRow = typeof departments.$inferSelect;

const departmentById = preparedPerDatabase((db) =>
  db
    .select()
    .from(departments)
    .where(eq(departments.id, sql.placeholder('id')))
    .limit(1)
    .prepare('urbangrid_department_by_id'),
);

export async function findDepartment(db: DbOrTx, id: string): Promise<DepartmentRow | null> {
  const rows = await departmentById(db).execute({ id });
  return rows[0] ?? null;
}

export async function findDepartmentByCode(
  db: DbOrTx,
  city: string,
  code: string,
): Promise<DepartmentRow | null> {
  const rows = await db
    .select()
    .from(departments)
    .where(and(eq(departments.city, city), eq(departments.code, code)))
    .limit(1);
  return rows[0] ?? null;
}

/** The responsibility matrix (权责清单) of a city: category × area → department. */
export async function listCityResponsibilities(
  db: DbOrTx,
  city: string,
): Promise<Array<{ categoryCode: string; areaCode: string; departmentId: string }>> {
  return db
    .select({
      categoryCode: responsibilities.categoryCode,
      areaCode: responsibilities.areaCode,
      departmentId: responsibilities.departmentId,
    })
    .from(responsibilities)
    .where(eq(responsibilities.city, city));
}

export interface CalendarRecord {
  code: string;
  name: string;
  timeZone: string;
  weekly: unknown;
  makeUpPeriods: unknown;
  followsPublicHolidays: boolean;
  version: number;
}

/** A city's working-time calendars (their days are the city's: `listCityCalendarDays`). */
export async function listCityCalendars(db: DbOrTx, city: string): Promise<CalendarRecord[]> {
  return db
    .select({
      code: calendars.code,
      name: calendars.name,
      timeZone: calendars.timeZone,
      weekly: calendars.weekly,
      makeUpPeriods: calendars.makeUpPeriods,
      followsPublicHolidays: calendars.followsPublicHolidays,
      version: calendars.version,
    })
    .from(calendars)
    .where(eq(calendars.city, city))
    .orderBy(asc(calendars.code));
}

/** Sets a calendar's working hours and raises its version; the stored calendar, or null when none. */
export async function updateCalendarHours(
  db: DbOrTx,
  city: string,
  code: string,
  hours: { weekly: unknown; makeUpPeriods: unknown },
): Promise<CalendarRecord | null> {
  const [row] = await db
    .update(calendars)
    .set({ ...hours, version: sql`${calendars.version} + 1` })
    .where(and(eq(calendars.city, city), eq(calendars.code, code)))
    .returning({
      code: calendars.code,
      name: calendars.name,
      timeZone: calendars.timeZone,
      weekly: calendars.weekly,
      makeUpPeriods: calendars.makeUpPeriods,
      followsPublicHolidays: calendars.followsPublicHolidays,
      version: calendars.version,
    });
  return row ?? null;
}
