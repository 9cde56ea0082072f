/**
 * A city's holidays and make-up working days (city_calendar_days) and the years of public holidays
 * it has loaded (city_calendar_years). Queries only: which days a year holds, and which rows win,
 * are @urbangrid/reference's to decide.
 */
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { cityCalendarDays, cityCalendarYears } from '../schema/reference.js';

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDayRow {
  /** YYYY-MM-DD. */
  day: string;
  source: 'public' | 'local';
  kind: CalendarDayKind;
  name: string;
  /** Raised by every change of the row (an admin's edit names the version it saw). */
  version: number;
}

export interface CalendarDayInput {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

export async function listCityCalendarDays(db: DbOrTx, city: string): Promise<CalendarDayRow[]> {
  return db
    .select({
      day: cityCalendarDays.day,
      source: cityCalendarDays.source,
      kind: cityCalendarDays.kind,
      name: cityCalendarDays.name,
      version: cityCalendarDays.version,
    })
    .from(cityCalendarDays)
    .where(eq(cityCalendarDays.city, city))
    .orderBy(asc(cityCalendarDays.day), asc(cityCalendarDays.source));
}

export interface CalendarYearRow {
  year: number;
  source: string;
}

export async function listCityCalendarYears(db: DbOrTx, city: string): Promise<CalendarYearRow[]> {
  return db
    .select({ year: cityCalendarYears.year, source: cityCalendarYears.source })
    .from(cityCalendarYears)
    .where(eq(cityCalendarYears.city, city))
    .orderBy(asc(cityCalendarYears.year));
}

/**
 * Serialises writers of one city's calendar days until the transaction ends (several worker
 * processes load public holidays at start; the admin edits days).
 */
export async function lockCityCalendar(tx: DbOrTx, city: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`urbangrid.calendar:${city}`}))`);
}

/**
 * Replaces a city's public days of one year and records the year as loaded from `source`. Run it in
 * a transaction holding `lockCityCalendar`: readers see the old year or the new one, never half of
 * it. Local days stay.
 */
export async function replacePublicYear(
  tx: DbOrTx,
  city: string,
  year: number,
  days: readonly CalendarDayInput[],
  source: string,
): Promise<void> {
  await tx
    .delete(cityCalendarDays)
    .where(
      and(
        eq(cityCalendarDays.city, city),
        eq(cityCalendarDays.source, 'public'),
        gte(cityCalendarDays.day, `${year}-01-01`),
        lt(cityCalendarDays.day, `${year + 1}-01-01`),
      ),
    );
  if (days.length > 0) {
    await tx
      .insert(cityCalendarDays)
      .values(days.map((day) => ({ ...day, city, source: 'public' as const })));
  }
  await tx
    .insert(cityCalendarYears)
    .values({ city, year, source })
    .onConflictDoUpdate({
      target: [cityCalendarYears.city, cityCalendarYears.year],
      set: { source, loadedAt: sql`now()` },
    });
}

/** A city's own day of `day`, if it has one. */
export async function findLocalCalendarDay(
  db: DbOrTx,
  city: string,
  day: string,
): Promise<CalendarDayRow | null> {
  const rows = await db
    .select({
      day: cityCalendarDays.day,
      source: cityCalendarDays.source,
      kind: cityCalendarDays.kind,
      name: cityCalendarDays.name,
      version: cityCalendarDays.version,
    })
    .from(cityCalendarDays)
    .where(
      and(
        eq(cityCalendarDays.city, city),
        eq(cityCalendarDays.day, day),
        eq(cityCalendarDays.source, 'local'),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Sets a city's own day (a local holiday or make-up working day), over any public row of that date;
 * the row's version goes up by one. Returns the row as stored.
 */
export async function setLocalCalendarDay(
  db: DbOrTx,
  city: string,
  input: CalendarDayInput,
): Promise<CalendarDayRow> {
  const [row] = await db
    .insert(cityCalendarDays)
    .values({ ...input, city, source: 'local' })
    .onConflictDoUpdate({
      target: [cityCalendarDays.city, cityCalendarDays.day, cityCalendarDays.source],
      set: {
        kind: input.kind,
        name: input.name,
        version: sql`${cityCalendarDays.version} + 1`,
        updatedAt: sql`now()`,
      },
    })
    .returning({
      day: cityCalendarDays.day,
      source: cityCalendarDays.source,
      kind: cityCalendarDays.kind,
      name: cityCalendarDays.name,
      version: cityCalendarDays.version,
    });
  if (row === undefined) throw new Error(`calendar day ${city} ${input.day} was not written`);
  return row;
}

/** Removes a city's own day; the public row of that date, if any, applies again. */
export async function deleteLocalCalendarDay(db: DbOrTx, city: string, day: string): Promise<boolean> {
  const deleted = await db
    .delete(cityCalendarDays)
    .where(
      and(
        eq(cityCalendarDays.city, city),
        eq(cityCalendarDays.day, day),
        eq(cityCalendarDays.source, 'local'),
      ),
    )
    .returning({ day: cityCalendarDays.day });
  return deleted.length > 0;
}
