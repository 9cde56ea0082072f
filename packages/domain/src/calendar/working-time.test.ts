import { describe, expect, it } from 'vitest';
import { chinaHolidays2026, chinaMakeUpWorkdays2026 } from '../test-support/china-holidays-2026.js';
import { officeCalendar, patrolCalendar } from '../test-support/demo-calendars.js';
import { daysLeftOfKnown, isBeyondKnownDays, knownUntilOfYears, nothingKnown } from './calendar-coverage.js';
import { CalendarError } from './calendar-error.js';
import { light, overdueMultiple } from './lights.js';
import { type WorkingCalendar, workingCalendarSchema } from './working-calendar.js';
import {
  addWorkingMinutes,
  isWorkingTime,
  lightAt,
  lightThresholdInstants,
  workingMinutesBetween,
} from './working-time.js';

const office = officeCalendar();
const patrol = patrolCalendar();
/** Asia/Shanghai is UTC+8 all year. */
const shanghai = (local: string): Date => new Date(`${local}+08:00`);

describe('addWorkingMinutes on the office calendar (Mon–Fri 08:00–12:00, 14:00–18:00)', () => {
  it.each([
    ['2026-03-02T09:00', 60, '2026-03-02T10:00'],
    ['2026-03-02T11:30', 60, '2026-03-02T14:30'], // lunch is skipped
    ['2026-03-02T08:00', 240, '2026-03-02T12:00'], // lands on a period end and stays there
    ['2026-03-02T08:00', 480, '2026-03-02T18:00'],
    ['2026-03-02T08:00', 481, '2026-03-03T08:01'],
    ['2026-03-06T17:00', 120, '2026-03-09T09:00'], // Friday → Monday
    ['2026-03-07T10:00', 0, '2026-03-09T08:00'], // Saturday rolls to Monday's first period
    ['2026-03-02T12:30', 0, '2026-03-02T14:00'], // lunch rolls to the afternoon
    ['2026-03-02T09:15', 0, '2026-03-02T09:15'], // inside work time: unchanged
    ['2026-03-02T12:00', 0, '2026-03-02T14:00'], // a period end is outside work time
    ['2026-03-02T20:00', 30, '2026-03-03T08:30'],
  ])('%s + %i min → %s', (start, minutes, due) => {
    expect(addWorkingMinutes(office, shanghai(start), minutes)).toEqual(shanghai(due));
  });

  it('skips the National Day holiday and works the make-up Saturday 10-10 on Monday hours', () => {
    // Wed 2026-09-30 17:00 + 120: 60 min that day, then Oct 1–7 off, Thu Oct 8 08:00 + 60.
    expect(addWorkingMinutes(office, shanghai('2026-09-30T17:00'), 120)).toEqual(
      shanghai('2026-10-08T09:00'),
    );
    // Fri 2026-10-09 17:30 + 60: 30 min, then Saturday Oct 10 is a make-up working day.
    expect(addWorkingMinutes(office, shanghai('2026-10-09T17:30'), 60)).toEqual(shanghai('2026-10-10T08:30'));
  });

  it('counts the Spring Festival break: 9 days off between the two make-up Saturdays', () => {
    // Sat 2026-02-14 (make-up) 17:00 + 120 → 60 that day, then Feb 15–23 off, Tue Feb 24 09:00.
    expect(addWorkingMinutes(office, shanghai('2026-02-14T17:00'), 120)).toEqual(
      shanghai('2026-02-24T09:00'),
    );
  });

  it('accepts fractional minutes and refuses negative or non-finite ones', () => {
    expect(addWorkingMinutes(office, shanghai('2026-03-02T09:00'), 0.5)).toEqual(
      shanghai('2026-03-02T09:00:30'),
    );
    expect(() => addWorkingMinutes(office, shanghai('2026-03-02T09:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(office, shanghai('2026-03-02T09:00'), Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingMinutes(office, new Date(Number.NaN), 1)).toThrow(/start is not a valid date/);
  });
});

describe('workingMinutesBetween', () => {
  it('counts a working day as 480 office minutes and 900 patrol minutes', () => {
    expect(workingMinutesBetween(office, shanghai('2026-03-02T00:00'), shanghai('2026-03-03T00:00'))).toBe(
      480,
    );
    expect(workingMinutesBetween(patrol, shanghai('2026-03-07T00:00'), shanghai('2026-03-08T00:00'))).toBe(
      900,
    );
  });

  it('counts a week of the office calendar as 2400 minutes', () => {
    expect(workingMinutesBetween(office, shanghai('2026-03-02T00:00'), shanghai('2026-03-09T00:00'))).toBe(
      2400,
    );
  });

  it('is 0 for an empty or reversed interval', () => {
    const at = shanghai('2026-03-02T09:00');
    expect(workingMinutesBetween(office, at, at)).toBe(0);
    expect(workingMinutesBetween(office, at, shanghai('2026-03-02T08:00'))).toBe(0);
  });

  it('takes suspended intervals out, once even when they overlap', () => {
    const from = shanghai('2026-03-02T08:00');
    const to = shanghai('2026-03-03T18:00'); // 960 working minutes
    const suspended = [
      { from: shanghai('2026-03-02T10:00'), to: shanghai('2026-03-02T15:00') }, // 120 + 60
      { from: shanghai('2026-03-02T11:00'), to: shanghai('2026-03-02T14:30') }, // inside the first
      { from: shanghai('2026-03-03T17:00'), to: shanghai('2026-03-04T12:00') }, // 60 inside [from, to)
      { from: shanghai('2026-03-01T00:00'), to: shanghai('2026-03-01T10:00') }, // before from: ignored
    ];
    expect(workingMinutesBetween(office, from, to, suspended)).toBe(960 - 180 - 60);
  });

  it('has no working time on holidays, and make-up days count in full', () => {
    for (const day of chinaHolidays2026) {
      expect(workingMinutesBetween(office, shanghai(`${day}T00:00`), shanghai(`${day}T23:59`))).toBe(0);
      expect(workingMinutesBetween(patrol, shanghai(`${day}T00:00`), shanghai(`${day}T23:59`))).toBe(0);
    }
    for (const day of chinaMakeUpWorkdays2026) {
      expect(workingMinutesBetween(office, shanghai(`${day}T00:00`), shanghai(`${day}T23:59`))).toBe(480);
    }
  });
});

describe('lights and thresholds', () => {
  it('green under 80 %, yellow from 80 % to 100 %, red over', () => {
    expect(light(0, 240)).toBe('green');
    expect(light(191.9, 240)).toBe('green');
    expect(light(192, 240)).toBe('yellow');
    expect(light(240, 240)).toBe('yellow');
    expect(light(240.1, 240)).toBe('red');
    expect(() => light(10, 0)).toThrow(RangeError);
  });

  it('overdue multiple = (used − limit) / limit, 0 when not over', () => {
    expect(overdueMultiple(100, 240)).toBe(0);
    expect(overdueMultiple(240, 240)).toBe(0);
    expect(overdueMultiple(360, 240)).toBe(0.5);
    expect(overdueMultiple(720, 240)).toBe(2);
  });

  it('gives the instants at which a 4-hour handling limit turns yellow and red', () => {
    const start = shanghai('2026-03-02T10:00');
    expect(lightThresholdInstants(office, start, 240)).toEqual({
      yellowAt: shanghai('2026-03-02T15:12'), // 192 minutes: 120 before lunch + 72
      redAt: shanghai('2026-03-02T16:00'),
    });
    expect(lightAt(office, start, 240, shanghai('2026-03-02T15:30'))).toBe('yellow');
    expect(lightAt(office, start, 240, shanghai('2026-03-02T16:01'))).toBe('red');
  });

  it('continues from time already used (after a suspension); a passed threshold fires at once', () => {
    const resumedAt = shanghai('2026-03-03T08:00');
    expect(lightThresholdInstants(office, resumedAt, 240, 200)).toEqual({
      yellowAt: resumedAt,
      redAt: shanghai('2026-03-03T08:40'),
    });
  });
});

describe('calendar data', () => {
  it('lists the 2026 holidays of the State Council notice', () => {
    expect(chinaHolidays2026).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(chinaHolidays2026).toContain('2026-02-23');
    expect(chinaHolidays2026).toContain('2026-10-07');
    expect(chinaHolidays2026).not.toContain('2026-10-08');
    // Make-up days are weekend days.
    for (const day of chinaMakeUpWorkdays2026)
      expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
  });

  it('validates calendars with clear messages', () => {
    expect(workingCalendarSchema.safeParse(office).success).toBe(true);
    // A calendar without its zone is refused, never read in Asia/Shanghai by default.
    const zoneless = workingCalendarSchema.safeParse({ weekly: { 1: [{ start: '09:00', end: '17:00' }] } });
    expect(zoneless.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['timeZone']);
    const problems = (input: object): string[] => {
      const result = workingCalendarSchema.safeParse({ timeZone: 'Asia/Shanghai', ...input });
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(problems({ weekly: { 1: [{ start: '12:00', end: '08:00' }] } })).toEqual([
      'period 12:00–08:00 must end after it starts',
    ]);
    expect(
      problems({
        weekly: {
          1: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      }),
    ).toEqual(['period 11:00–13:00 overlaps or precedes the one before it']);
    expect(problems({ weekly: { 1: [{ start: '8:00', end: '12:00' }] } })[0]).toMatch(/not a time/);
    expect(problems({ timeZone: 'Mars/Olympus', weekly: { 1: [{ start: '08:00', end: '12:00' }] } })).toEqual(
      ['not an IANA time zone'],
    );
    expect(problems({ weekly: {} })).toEqual(['the calendar has no working time in any week']);
    expect(
      problems({
        weekly: { 1: [{ start: '08:00', end: '12:00' }] },
        holidays: ['2026-10-10'],
        makeUpWorkdays: ['2026-10-10'],
      }),
    ).toEqual(['2026-10-10 is also a holiday']);
    expect(problems({ weekly: { 8: [] } }).length).toBeGreaterThan(0);
  });

  it('reads empty make-up periods as absent: a make-up Saturday works a Monday', () => {
    // 2026-02-14 (Saturday) is a make-up working day of the Spring Festival.
    const start = shanghai('2026-02-13T17:00');
    const absent = addWorkingMinutes(office, start, 120);
    expect(absent).toEqual(shanghai('2026-02-14T09:00'));
    expect(addWorkingMinutes({ ...office, makeUpPeriods: [] }, start, 120)).toEqual(absent);
  });

  it('says when a deadline falls past the days the calendar knows', () => {
    const known = { ...office, knownUntil: '2026-12-31' };
    // 31 December 17:00 + 120 office minutes: one hour that day, the rest on a day nobody knows yet.
    const due = addWorkingMinutes(known, shanghai('2026-12-31T17:00'), 120);
    expect(isBeyondKnownDays(known, due)).toBe(true);
    expect(isBeyondKnownDays(known, shanghai('2026-12-31T23:59'))).toBe(false);
    // A calendar that keeps its weekly periods all year knows every day.
    expect(isBeyondKnownDays(patrol, due)).toBe(false);
    expect(daysLeftOfKnown('2026-12-31', '2026-12-02')).toBe(29);
    expect(daysLeftOfKnown('2026-12-31', '2027-01-01')).toBe(-1);
    expect(knownUntilOfYears([2024, 2025, 2026])).toBe('2026-12-31');
    // A missing year ends what is known, even when a later one is loaded.
    expect(knownUntilOfYears([2025, 2027, 2026, 2029])).toBe('2027-12-31');
    expect(knownUntilOfYears([])).toBe(nothingKnown);
    expect(isBeyondKnownDays({ ...office, knownUntil: nothingKnown }, shanghai('2026-03-02T09:00'))).toBe(
      true,
    );
  });

  it('throws instead of spinning on a calendar with no working time', () => {
    const empty: WorkingCalendar = {
      timeZone: 'Asia/Shanghai',
      weekly: {},
      holidays: [],
      makeUpWorkdays: [],
    };
    expect(() => addWorkingMinutes(empty, shanghai('2026-03-02T09:00'), 10)).toThrow(CalendarError);
    expect(() => addWorkingMinutes(empty, shanghai('2026-03-02T09:00'), 10)).toThrow(/no working time/);
    const onlyMakeUp: WorkingCalendar = {
      ...empty,
      makeUpWorkdays: ['2026-03-07'],
      makeUpPeriods: [{ start: '08:00', end: '12:00' }],
    };
    expect(addWorkingMinutes(onlyMakeUp, shanghai('2026-03-02T09:00'), 0)).toEqual(
      shanghai('2026-03-07T08:00'),
    );
    expect(() => addWorkingMinutes(onlyMakeUp, shanghai('2026-03-02T09:00'), 10_000)).toThrow(
      /no working time/,
    );
  });

  it('rejects malformed calendars that skipped the schema', () => {
    const bad: WorkingCalendar = {
      timeZone: 'Asia/Shanghai',
      weekly: { 1: [{ start: '25:00', end: '26:00' }] },
      holidays: [],
      makeUpWorkdays: [],
    };
    expect(() => addWorkingMinutes(bad, new Date(), 1)).toThrow(/weekday 1/);
    expect(() => isWorkingTime({ ...bad, weekly: {}, timeZone: 'Nowhere/City' }, new Date())).toThrow(
      /time zone/,
    );
  });
});

describe('a time zone with daylight saving time (Europe/Berlin)', () => {
  const allDay = [{ start: '00:00', end: '24:00' }];
  const always: WorkingCalendar = {
    timeZone: 'Europe/Berlin',
    weekly: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay },
    holidays: [],
    makeUpWorkdays: [],
  };
  const berlinOffice = officeCalendar({ timeZone: 'Europe/Berlin', holidays: [], makeUpWorkdays: [] });

  it('a local day has 23 hours when the clocks go forward and 25 when they go back', () => {
    // 2026-03-29 00:00 CET = 03-28T23:00Z; 03-30 00:00 CEST = 03-29T22:00Z.
    expect(workingMinutesBetween(always, new Date('2026-03-28T23:00Z'), new Date('2026-03-29T22:00Z'))).toBe(
      23 * 60,
    );
    expect(workingMinutesBetween(always, new Date('2026-10-24T22:00Z'), new Date('2026-10-25T23:00Z'))).toBe(
      25 * 60,
    );
  });

  it('office hours follow local time across the change', () => {
    // Fri 2026-03-27 17:00 CET (16:00Z) + 120 min → Mon 03-30 09:00 CEST (07:00Z).
    expect(addWorkingMinutes(berlinOffice, new Date('2026-03-27T16:00Z'), 120)).toEqual(
      new Date('2026-03-30T07:00Z'),
    );
    // Fri 2026-10-23 17:00 CEST (15:00Z) + 120 min → Mon 10-26 09:00 CET (08:00Z).
    expect(addWorkingMinutes(berlinOffice, new Date('2026-10-23T15:00Z'), 120)).toEqual(
      new Date('2026-10-26T08:00Z'),
    );
    expect(isWorkingTime(berlinOffice, new Date('2026-03-30T06:30Z'))).toBe(true); // 08:30 CEST
    expect(isWorkingTime(berlinOffice, new Date('2026-03-30T05:30Z'))).toBe(false); // 07:30 CEST
  });

  it('a period ending inside the skipped hour does not overlap the next one', () => {
    // Sun 2026-03-29: 00:00–02:15 and 03:00–03:15 local. 02:15 does not exist and reads as 03:15
    // CEST (01:15Z), so the first period covers the second, which must not be counted again.
    const sundayNights: WorkingCalendar = {
      ...always,
      weekly: {
        7: [
          { start: '00:00', end: '02:15' },
          { start: '03:00', end: '03:15' },
        ],
      },
    };
    const day = [new Date('2026-03-28T23:00Z'), new Date('2026-03-29T22:00Z')] as const;
    expect(workingMinutesBetween(sundayNights, ...day)).toBe(135);
    const due = addWorkingMinutes(sundayNights, day[0], 135);
    expect(due).toEqual(new Date('2026-03-29T01:15Z'));
    expect(workingMinutesBetween(sundayNights, day[0], due)).toBe(135);
  });
});
