import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import {
  calendarDays,
  calendars,
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
  defaultDepartmentCode: string | null;
  city: string | null;
}

export async function listCategoryLimits(db: DbOrTx): Promise<CategoryLimitsRow[]> {
  return db
    .select({
      code: categories.code,
      active: categories.active,
      timeLimits: categories.timeLimits,
      defaultDepartmentCode: categories.defaultDepartmentCode,
      city: categories.city,
    })
    .from(categories);
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

export async function findDepartment(db: DbOrTx, id: string): Promise<DepartmentRow | null> {
  const rows = await db.select().from(departments).where(eq(departments.id, id)).limit(1);
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

/**
 * The departments the responsibility matrix (权责清单) names for a category in any of the given
 * areas; the caller picks the most specific area.
 */
export async function listResponsibilities(
  db: DbOrTx,
  city: string,
  categoryCode: string,
  areaCodes: readonly string[],
): Promise<Array<{ areaCode: string; departmentId: string }>> {
  return db
    .select({ areaCode: responsibilities.areaCode, departmentId: responsibilities.departmentId })
    .from(responsibilities)
    .where(
      and(
        eq(responsibilities.city, city),
        eq(responsibilities.categoryCode, categoryCode),
        inArray(responsibilities.areaCode, [...areaCodes]),
      ),
    );
}

export interface CalendarRecord {
  code: string;
  timeZone: string;
  weekly: unknown;
  makeUpPeriods: unknown;
  days: Array<{ day: string; kind: 'holiday' | 'workday' }>;
}

/** A city's working-time calendars with their holidays and make-up working days. */
export async function listCityCalendars(db: DbOrTx, city: string): Promise<CalendarRecord[]> {
  const heads = await db
    .select()
    .from(calendars)
    .where(eq(calendars.city, city))
    .orderBy(asc(calendars.code));
  if (heads.length === 0) return [];
  const days = await db
    .select()
    .from(calendarDays)
    .where(
      inArray(
        calendarDays.calendarId,
        heads.map((head) => head.id),
      ),
    )
    .orderBy(asc(calendarDays.day));
  return heads.map((head) => ({
    code: head.code,
    timeZone: head.timeZone,
    weekly: head.weekly,
    makeUpPeriods: head.makeUpPeriods,
    days: days.filter((day) => day.calendarId === head.id).map(({ day, kind }) => ({ day, kind })),
  }));
}
