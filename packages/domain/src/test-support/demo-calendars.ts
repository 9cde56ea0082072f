/**
 * The two calendars of the demo deployment (api.md) as fixtures for domain's own tests: `office`
 * for filing, dispatch, handling and closing, `patrol` for verification and checks. The system
 * itself reads every calendar from the database (@urbangrid/reference), never from here.
 */

import type { WorkingCalendar, WorkingPeriod } from '../calendar/working-calendar.js';
import { chinaHolidays2026, chinaMakeUpWorkdays2026 } from './china-holidays-2026.js';

const shanghai = 'Asia/Shanghai';

export interface CalendarOptions {
  /** Defaults to Asia/Shanghai. */
  readonly timeZone?: string;
  /** Defaults to China's 2026 public holidays. */
  readonly holidays?: readonly string[];
  /** Defaults to China's 2026 make-up working days. */
  readonly makeUpWorkdays?: readonly string[];
}

const officeDay: readonly WorkingPeriod[] = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];

const patrolDay: readonly WorkingPeriod[] = [{ start: '07:30', end: '22:30' }];

/** Monday–Friday 08:00–12:00 and 14:00–18:00 (480 working minutes a day). */
export function officeCalendar(options: CalendarOptions = {}): WorkingCalendar {
  return {
    timeZone: options.timeZone ?? shanghai,
    weekly: { 1: officeDay, 2: officeDay, 3: officeDay, 4: officeDay, 5: officeDay },
    holidays: options.holidays ?? chinaHolidays2026,
    makeUpWorkdays: options.makeUpWorkdays ?? chinaMakeUpWorkdays2026,
  };
}

/** Every day 07:30–22:30 (900 working minutes a day), resting on public holidays. */
export function patrolCalendar(options: CalendarOptions = {}): WorkingCalendar {
  return {
    timeZone: options.timeZone ?? shanghai,
    weekly: {
      1: patrolDay,
      2: patrolDay,
      3: patrolDay,
      4: patrolDay,
      5: patrolDay,
      6: patrolDay,
      7: patrolDay,
    },
    holidays: options.holidays ?? chinaHolidays2026,
    makeUpWorkdays: options.makeUpWorkdays ?? chinaMakeUpWorkdays2026,
  };
}
