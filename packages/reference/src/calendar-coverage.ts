/**
 * How long each city's calendar data lasts, and the alarm 60 days before it ends: a Prometheus
 * gauge (packages/platform), a line in `/health` details (packages/platform) and a notice to the
 * city's admins (here), all from `calendarCoverage`, so the three never disagree.
 */
import { type DbOrTx, listStaffWithRole, storeNotice } from '@urbangrid/db';
import { calendarWarningDays, daysLeftOfKnown, nothingKnown } from '@urbangrid/domain';
import { DateTime } from 'luxon';
import type { ReferenceData } from './reference-data.js';

export interface CalendarCoverage {
  city: string;
  /** The last local day whose holidays and make-up working days are loaded. */
  knownUntil: string;
  /** From today (the city's local date): 0 on the last known day, negative past it. */
  daysLeft: number;
  /** Within `calendarWarningDays` of the end, or past it: the alarm is raised. */
  ending: boolean;
}

/** Every city with a calendar that follows public holidays (one that does not never runs out). */
export async function calendarCoverage(reference: ReferenceData, now: Date): Promise<CalendarCoverage[]> {
  const result: CalendarCoverage[] = [];
  for (const city of await reference.cities()) {
    const calendars = await reference.cityCalendars(city.code);
    if (!calendars.followsPublicHolidays) continue;
    const today = DateTime.fromJSDate(now, { zone: city.timeZone }).toISODate() ?? '';
    const daysLeft = daysLeftOfKnown(calendars.knownUntil, today);
    result.push({
      city: city.code,
      knownUntil: calendars.knownUntil,
      daysLeft,
      ending: daysLeft <= calendarWarningDays,
    });
  }
  return result;
}

/** The operator's line for one city whose data is ending (health details, logs). */
export function coverageLine(coverage: CalendarCoverage): string {
  const known =
    coverage.knownUntil === nothingKnown
      ? 'no public holidays are loaded'
      : `public holidays and make-up working days are loaded up to ${coverage.knownUntil}`;
  const when = coverage.daysLeft < 0 ? 'deadlines past it are guesses now' : `${coverage.daysLeft} days left`;
  return `${known} (${when}): update the chinese-days package and restart, or enter the days as the city's own`;
}

/** The id of a city's alarm notice: one per city and end date, however often it is raised. */
export const calendarNoticeId = (coverage: CalendarCoverage) =>
  `calendar.ending:${coverage.city}:${coverage.knownUntil}`;

/**
 * Tells the admins of each city whose data is ending, once per end date (a stored notice is not
 * stored again). Answers the cities that were ending.
 */
export async function noticeCalendarsEnding(
  db: DbOrTx,
  reference: ReferenceData,
  now: Date,
): Promise<CalendarCoverage[]> {
  const ending = (await calendarCoverage(reference, now)).filter((coverage) => coverage.ending);
  for (const coverage of ending) {
    await storeNotice(db, {
      id: calendarNoticeId(coverage),
      city: coverage.city,
      caseId: null,
      caseNo: null,
      audience: 'admin',
      event: 'calendar.ending',
      departmentId: null,
      data: { knownUntil: coverage.knownUntil, daysLeft: coverage.daysLeft },
      at: now,
      recipients: await listStaffWithRole(db, coverage.city, 'admin'),
    });
  }
  return ending;
}

export interface CalendarWatch {
  /** The first check (made at once); tests wait for it. */
  checked: Promise<void>;
  stop(): void;
}

/** Checks at once and then every `intervalMs` (default hourly); a failed check waits for the next. */
export function watchCalendarCoverage(options: {
  db: DbOrTx;
  reference: ReferenceData;
  now: () => Date;
  logger: { warn(obj: object, msg?: string): void };
  intervalMs?: number;
}): CalendarWatch {
  const check = async () => {
    try {
      for (const coverage of await noticeCalendarsEnding(options.db, options.reference, options.now())) {
        options.logger.warn({ city: coverage.city, knownUntil: coverage.knownUntil }, coverageLine(coverage));
      }
    } catch (error) {
      options.logger.warn({ err: error }, 'calendar coverage check failed; trying again later');
    }
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? 3_600_000);
  timer.unref();
  return { checked: check(), stop: () => clearInterval(timer) };
}
