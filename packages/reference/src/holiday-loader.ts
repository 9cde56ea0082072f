/**
 * The one way public holidays get into the database: the demo seed, the start of every worker
 * process and (later) the admin's "load a year" all call these. A city's years are written in one
 * transaction, each recorded with its source; a year whose stored days already match is left
 * alone, so running it again changes nothing. A city's own (local) days are never touched.
 */
import {
  type CalendarDayInput,
  type CalendarDayRow,
  type DbOrTx,
  listCityCalendarDays,
  listCityCalendarYears,
  lockCityCalendar,
  replacePublicYear,
} from '@urbangrid/db';
import { publicHolidaySource, publicHolidayYears } from './public-holidays.js';

export interface LoadedYears {
  city: string;
  /** The years written by this run (new, or changed in a newer package release). */
  years: number[];
}

const sameDays = (a: readonly CalendarDayInput[], b: readonly CalendarDayInput[]) =>
  a.length === b.length &&
  a.every((day, i) => day.day === b[i]?.day && day.kind === b[i]?.kind && day.name === b[i]?.name);

function storedByYear(rows: readonly CalendarDayRow[]): Map<number, CalendarDayInput[]> {
  const years = new Map<number, CalendarDayInput[]>();
  for (const { day, kind, name, source } of rows) {
    if (source !== 'public') continue;
    const year = Number(day.slice(0, 4));
    years.set(year, [...(years.get(year) ?? []), { day, kind, name }]);
  }
  return years;
}

/**
 * Loads the public holidays of `years` (default: every year the package covers) into a city's
 * calendar days. A year the package does not cover is an error, not an empty year.
 */
export async function loadPublicHolidays(
  db: DbOrTx,
  city: string,
  years?: readonly number[],
): Promise<LoadedYears> {
  const available = publicHolidayYears();
  const wanted = years ?? [...available.keys()].sort((a, b) => a - b);
  for (const year of wanted) {
    if (!available.has(year)) {
      throw new RangeError(`${publicHolidaySource} has no public holidays for ${year} yet`);
    }
  }
  return db.transaction(async (tx) => {
    // Worker processes start together and each loads: the second finds the years there.
    await lockCityCalendar(tx, city);
    const recorded = new Set((await listCityCalendarYears(tx, city)).map((row) => row.year));
    const stored = storedByYear(await listCityCalendarDays(tx, city));
    const written: number[] = [];
    for (const year of wanted) {
      const days = available.get(year) ?? [];
      if (recorded.has(year) && sameDays(stored.get(year) ?? [], days)) continue;
      await replacePublicYear(tx, city, year, days, publicHolidaySource);
      written.push(year);
    }
    return { city, years: written };
  });
}

/** Every year the package covers, for each of `cities`; what changed, per city. */
export async function syncPublicHolidays(db: DbOrTx, cities: readonly string[]): Promise<LoadedYears[]> {
  const results: LoadedYears[] = [];
  for (const city of cities) results.push(await loadPublicHolidays(db, city));
  return results;
}
