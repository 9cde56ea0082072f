/**
 * How far a calendar's holidays and make-up working days are known (工作日历数据的有效期). China
 * publishes each year's arrangement late in the year before; a deadline counted past the last
 * known day is a guess on the weekly periods alone, and a city must load the next year in time.
 */
import { compileCalendar, dayNumber } from './local-days.js';
import type { WorkingCalendar } from './working-calendar.js';

/** A city is warned this many days before its calendar's known days end. */
export const calendarWarningDays = 60;

/** Whether `at` falls on a local day past the calendar's known days (its deadline is a guess). */
export function isBeyondKnownDays(calendar: WorkingCalendar, at: Date): boolean {
  if (calendar.knownUntil === undefined) return false;
  return compileCalendar(calendar).dayOf(at.getTime()) > dayNumber(calendar.knownUntil);
}

/** Days from local date `today` to `knownUntil`: 0 on the last known day, negative past it. */
export function daysLeftOfKnown(knownUntil: string, today: string): number {
  return dayNumber(knownUntil) - dayNumber(today);
}

/** `knownUntil` of a calendar that follows public holidays but has no year loaded: nothing is known. */
export const nothingKnown = '1970-01-01';

/**
 * The last day of the unbroken run of loaded years from the first one: a missing year ends what is
 * known, even when later years are loaded. `nothingKnown` when no year is loaded.
 */
export function knownUntilOfYears(years: readonly number[]): string {
  if (years.length === 0) return nothingKnown;
  const loaded = new Set(years);
  let last = Math.min(...years);
  while (loaded.has(last + 1)) last += 1;
  return `${last}-12-31`;
}
