import { DateTime } from 'luxon';

/** The instant a local day (YYYY-MM-DD) starts in a time zone. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const start = DateTime.fromISO(day, { zone: timeZone }).startOf('day');
  if (!start.isValid) throw new RangeError(`not a day in ${timeZone}: ${day}`);
  return start.toJSDate();
}

/** The instant the local day after `day` starts: the end (exclusive) of a period ending on `day`. */
export function endOfLocalDay(day: string, timeZone: string): Date {
  return DateTime.fromJSDate(startOfLocalDay(day, timeZone), { zone: timeZone }).plus({ days: 1 }).toJSDate();
}
