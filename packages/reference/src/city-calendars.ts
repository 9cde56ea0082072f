/**
 * A city's working calendars as packages/domain computes with them, built from the stored rows in
 * one place (the engine and the API once read an empty `makeUpPeriods` differently). The city's
 * days apply to every calendar that follows public holidays: a local day wins over the public row
 * of its date, and such a calendar is known up to the end of the last unbroken loaded year.
 */
import type { CalendarDayRow, CalendarRecord, CalendarYearRow } from '@urbangrid/db';
import { knownUntilOfYears, type WorkingCalendar, workingCalendarSchema } from '@urbangrid/domain';

export interface CityCalendars {
  calendars: ReadonlyMap<string, WorkingCalendar>;
  /** The last day the city's holidays are known (`nothingKnown` when no year is loaded). */
  knownUntil: string;
  /** Whether any calendar follows public holidays, i.e. whether `knownUntil` matters at all. */
  followsPublicHolidays: boolean;
}

export function buildCityCalendars(
  city: string,
  records: readonly CalendarRecord[],
  days: readonly CalendarDayRow[],
  years: readonly CalendarYearRow[],
): CityCalendars {
  const effective = new Map<string, CalendarDayRow['kind']>();
  // Public rows first, local ones over them.
  for (const source of ['public', 'local'] as const) {
    for (const row of days) if (row.source === source) effective.set(row.day, row.kind);
  }
  const holidays = [...effective].filter(([, kind]) => kind === 'holiday').map(([day]) => day);
  const makeUpWorkdays = [...effective].filter(([, kind]) => kind === 'workday').map(([day]) => day);
  const knownUntil = knownUntilOfYears(years.map((row) => row.year));
  const calendars = new Map<string, WorkingCalendar>();
  for (const record of records) {
    const parsed = workingCalendarSchema.safeParse({
      timeZone: record.timeZone,
      weekly: record.weekly,
      makeUpPeriods: record.makeUpPeriods,
      ...(record.followsPublicHolidays
        ? { holidays, makeUpWorkdays, knownUntil }
        : { holidays: [], makeUpWorkdays: [] }),
    });
    if (!parsed.success) {
      throw new Error(`calendar '${record.code}' of city ${city} is malformed: ${parsed.error.message}`);
    }
    calendars.set(record.code, parsed.data);
  }
  return {
    calendars,
    knownUntil,
    followsPublicHolidays: records.some((record) => record.followsPublicHolidays),
  };
}
