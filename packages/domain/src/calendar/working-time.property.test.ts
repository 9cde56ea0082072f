/**
 * Properties of working time that must hold for any start, any amount and any calendar — in a zone
 * without daylight saving time (Asia/Shanghai) and one with it (Europe/Berlin).
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { officeCalendar, patrolCalendar } from '../test-support/demo-calendars.js';
import type { IsoWeekday, WorkingCalendar, WorkingPeriod } from './working-calendar.js';
import { addWorkingMinutes, isWorkingTime, workingMinutesBetween } from './working-time.js';

const dayMs = 86_400_000;
const from2026 = Date.parse('2025-12-25T00:00:00Z');
const to2026 = Date.parse('2027-01-05T00:00:00Z');

/** Instants around 2026, at millisecond precision. */
const instant = fc.integer({ min: from2026, max: to2026 }).map((ms) => new Date(ms));
/** Up to about six weeks of office time. */
const minutes = fc.integer({ min: 0, max: 20_000 });

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** One day's periods: sorted, non-overlapping, on a 15-minute grid. */
const dayPeriods: fc.Arbitrary<WorkingPeriod[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((marks) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const periods: WorkingPeriod[] = [];
    for (let index = 0; index + 1 < sorted.length; index += 2) {
      const [start, end] = [sorted[index], sorted[index + 1]];
      if (start !== undefined && end !== undefined)
        periods.push({ start: hhmm(start * 15), end: hhmm(end * 15) });
    }
    return periods;
  });

const isoDay = fc
  .integer({
    min: Date.parse('2026-01-01T00:00:00Z') / dayMs,
    max: Date.parse('2026-12-31T00:00:00Z') / dayMs,
  })
  .map((day) => new Date(day * dayMs).toISOString().slice(0, 10));

/** Any calendar with some working time, its own holidays and make-up days, in either zone. */
const anyCalendar: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    timeZone: fc.constantFrom('Asia/Shanghai', 'Europe/Berlin'),
    weekly: fc.array(dayPeriods, { minLength: 7, maxLength: 7 }),
    holidays: fc.uniqueArray(isoDay, { maxLength: 30 }),
    makeUp: fc.uniqueArray(isoDay, { maxLength: 8 }),
    makeUpPeriods: fc.option(
      dayPeriods.filter((periods) => periods.length > 0),
      { nil: undefined },
    ),
  })
  .filter(({ weekly }) => weekly.some((periods) => periods.length > 0))
  .map(({ timeZone, weekly, holidays, makeUp, makeUpPeriods }) => ({
    timeZone,
    weekly: Object.fromEntries(weekly.map((periods, index) => [String(index + 1) as IsoWeekday, periods])),
    holidays,
    makeUpWorkdays: makeUp.filter((day) => !holidays.includes(day)),
    ...(makeUpPeriods === undefined ? {} : { makeUpPeriods }),
  }));

const fixedCalendars: Array<[string, WorkingCalendar]> = [
  ['office, Asia/Shanghai', officeCalendar()],
  ['patrol, Asia/Shanghai', patrolCalendar()],
  ['office, Europe/Berlin', officeCalendar({ timeZone: 'Europe/Berlin' })],
];

describe.each(fixedCalendars)('working time on the %s calendar', (_name, calendar) => {
  it('adding N minutes then measuring from the start gives N', () => {
    fc.assert(
      fc.property(instant, minutes, (start, amount) => {
        const due = addWorkingMinutes(calendar, start, amount);
        expect(workingMinutesBetween(calendar, start, due)).toBe(amount);
      }),
    );
  });

  it('the result grows with N and with the start', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (a, b, m, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [less, more] = m <= n ? [m, n] : [n, m];
        expect(addWorkingMinutes(calendar, early, less).getTime()).toBeLessThanOrEqual(
          addWorkingMinutes(calendar, early, more).getTime(),
        );
        expect(addWorkingMinutes(calendar, early, less).getTime()).toBeLessThanOrEqual(
          addWorkingMinutes(calendar, late, less).getTime(),
        );
      }),
    );
  });

  it('an instant outside work time rolls to the next period start; inside, it stays', () => {
    fc.assert(
      fc.property(instant, (start) => {
        const rolled = addWorkingMinutes(calendar, start, 0);
        expect(isWorkingTime(calendar, rolled)).toBe(true);
        if (isWorkingTime(calendar, start)) {
          expect(rolled).toEqual(start);
        } else {
          expect(rolled.getTime()).toBeGreaterThan(start.getTime());
          expect(workingMinutesBetween(calendar, start, rolled)).toBe(0);
          // A period start: the instant just before it is not working time.
          expect(isWorkingTime(calendar, new Date(rolled.getTime() - 1))).toBe(false);
        }
      }),
    );
  });
});

describe('working time on random calendars', () => {
  it('holidays have no working time; make-up days have their periods', () => {
    fc.assert(
      fc.property(anyCalendar, (calendar) => {
        for (const day of calendar.holidays) expect(localDayMinutes(calendar, day)).toBe(0);
        for (const day of calendar.makeUpWorkdays) {
          // With make-up periods given, a make-up day works exactly those (less any hour DST skips).
          if (calendar.makeUpPeriods !== undefined && calendar.timeZone === 'Asia/Shanghai') {
            expect(localDayMinutes(calendar, day)).toBe(periodMinutes(calendar.makeUpPeriods));
          } else if (calendar.makeUpPeriods !== undefined) {
            expect(localDayMinutes(calendar, day)).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('adding then measuring gives back the amount, and results are monotonic', () => {
    fc.assert(
      fc.property(anyCalendar, instant, minutes, minutes, (calendar, start, m, n) => {
        const [less, more] = m <= n ? [m, n] : [n, m];
        const first = addWorkingMinutes(calendar, start, less);
        expect(workingMinutesBetween(calendar, start, first)).toBe(less);
        expect(first.getTime()).toBeLessThanOrEqual(addWorkingMinutes(calendar, start, more).getTime());
      }),
      { numRuns: 200 },
    );
  });
});

/** Working minutes of one local date, midnight to midnight in the calendar's own zone. */
function localDayMinutes(calendar: WorkingCalendar, day: string): number {
  const midnight = DateTime.fromISO(day, { zone: calendar.timeZone }).startOf('day');
  return workingMinutesBetween(calendar, midnight.toJSDate(), midnight.plus({ days: 1 }).toJSDate());
}

function periodMinutes(periods: readonly WorkingPeriod[]): number {
  const minute = (value: string): number => Number(value.slice(0, 2)) * 60 + Number(value.slice(3));
  return periods.reduce((sum, period) => sum + minute(period.end) - minute(period.start), 0);
}
