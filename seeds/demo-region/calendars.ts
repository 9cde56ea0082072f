import type { CityPlan } from './city-plans.js';
import type { CalendarDayRow, CalendarRow } from './rows.js';

/**
 * Working-time calendars per city, in Asia/Shanghai:
 * - `office` (Mon–Fri 08:00–12:00, 14:00–18:00, 480 minutes a day) for filing, dispatch, handling
 *   and closing, with China's 2026 public holidays and make-up working days (调休);
 * - `patrol` (every day 07:30–22:30) for verification and checks.
 *
 * The patrol calendar deliberately has no calendar days: field patrol runs every day, holidays
 * included, so the officers' verification and check clocks keep running on public holidays. The
 * holidays belong to the office calendar only.
 */

interface Period {
  readonly start: string;
  readonly end: string;
}

const officeDay: Period[] = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];
const patrolDay: Period[] = [{ start: '07:30', end: '22:30' }];

/** Weekly periods keyed by ISO weekday ("1" = Monday … "7" = Sunday). */
function weekly(workdays: readonly number[], periods: Period[]): Record<string, Period[]> {
  const week: Record<string, Period[]> = {};
  for (let day = 1; day <= 7; day++) week[String(day)] = workdays.includes(day) ? periods : [];
  return week;
}

interface Festival {
  readonly name: string;
  readonly first: string;
  readonly last: string;
  readonly makeUpDays: readonly string[];
}

/** The State Council's 2026 holiday arrangement (国务院办公厅 2026 年部分节假日安排). */
const holidays2026: readonly Festival[] = [
  { name: '元旦', first: '2026-01-01', last: '2026-01-03', makeUpDays: ['2026-01-04'] },
  { name: '春节', first: '2026-02-15', last: '2026-02-23', makeUpDays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', first: '2026-04-04', last: '2026-04-06', makeUpDays: [] },
  { name: '劳动节', first: '2026-05-01', last: '2026-05-05', makeUpDays: ['2026-05-09'] },
  { name: '端午节', first: '2026-06-19', last: '2026-06-21', makeUpDays: [] },
  { name: '中秋节', first: '2026-09-25', last: '2026-09-27', makeUpDays: [] },
  { name: '国庆节', first: '2026-10-01', last: '2026-10-07', makeUpDays: ['2026-09-20', '2026-10-10'] },
];

/** Every date from `first` to `last` inclusive, as YYYY-MM-DD (computed in UTC, no time zone drift). */
function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let at = Date.parse(`${first}T00:00:00Z`); at <= end; at += 86_400_000) {
    dates.push(new Date(at).toISOString().slice(0, 10));
  }
  return dates;
}

export const calendarId = (city: string, code: string) => `cal-${city}-${code}`;

export function buildCalendars(plan: CityPlan): { calendars: CalendarRow[]; days: CalendarDayRow[] } {
  const office = calendarId(plan.code, 'office');
  const calendars: CalendarRow[] = [
    {
      id: office,
      city: plan.code,
      code: 'office',
      name: `${plan.name}办公日历`,
      timeZone: plan.timeZone,
      weekly: weekly([1, 2, 3, 4, 5], officeDay),
      makeUpPeriods: officeDay,
    },
    {
      id: calendarId(plan.code, 'patrol'),
      city: plan.code,
      code: 'patrol',
      name: `${plan.name}巡查日历`,
      timeZone: plan.timeZone,
      weekly: weekly([1, 2, 3, 4, 5, 6, 7], patrolDay),
      makeUpPeriods: patrolDay,
    },
  ];
  const days: CalendarDayRow[] = [];
  for (const festival of holidays2026) {
    for (const day of datesBetween(festival.first, festival.last)) {
      days.push({ calendarId: office, day, kind: 'holiday', name: festival.name });
    }
    for (const day of festival.makeUpDays) {
      days.push({ calendarId: office, day, kind: 'workday', name: `${festival.name}调休上班` });
    }
  }
  return { calendars, days };
}
