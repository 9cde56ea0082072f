import type { CityPlan } from './city-plans.js';
import type { CalendarRow } from './rows.js';

/**
 * Working-time calendars per city, in the city's zone (Asia/Shanghai for both demo cities):
 * - `office` (Mon–Fri 08:00–12:00, 14:00–18:00, 480 minutes a day) for filing, dispatch, handling
 *   and closing, following China's public holidays and make-up working days (调休), which the seed
 *   loads through @urbangrid/reference's loader like any city's;
 * - `patrol` (every day 07:30–22:30) for verification and checks.
 *
 * The patrol calendar deliberately does not follow public holidays: field patrol runs every day,
 * holidays included, so the officers' verification and check clocks keep running on them.
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

export const calendarId = (city: string, code: string) => `cal-${city}-${code}`;

export function buildCalendars(plan: CityPlan): CalendarRow[] {
  return [
    {
      id: calendarId(plan.code, 'office'),
      city: plan.code,
      code: 'office',
      name: `${plan.name}办公日历`,
      timeZone: plan.timeZone,
      weekly: weekly([1, 2, 3, 4, 5], officeDay),
      makeUpPeriods: officeDay,
      followsPublicHolidays: true,
    },
    {
      id: calendarId(plan.code, 'patrol'),
      city: plan.code,
      code: 'patrol',
      name: `${plan.name}巡查日历`,
      timeZone: plan.timeZone,
      weekly: weekly([1, 2, 3, 4, 5, 6, 7], patrolDay),
      makeUpPeriods: patrolDay,
      followsPublicHolidays: false,
    },
  ];
}
