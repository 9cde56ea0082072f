/**
 * Time limits (时限) counted in working time: deadlines, time used, and when the lights change.
 * Every walk goes period by period (a few per day), never minute by minute.
 */
import { CalendarError } from './calendar-error.js';
import { type Light, light, yellowShare } from './lights.js';
import { compileCalendar, type Interval } from './local-days.js';
import type { WorkingCalendar } from './working-calendar.js';

const minuteMs = 60_000;
/** A walk longer than this is a mistake in the input (a limit of centuries), not a deadline. */
const maxDaysWalked = 366 * 200;

/** An interval of wall-clock time, e.g. a suspension (挂账) during which the clock stood still. */
export interface TimeInterval {
  readonly from: Date;
  readonly to: Date;
}

function instantOf(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}

/**
 * The instant reached after `minutes` working minutes from `start`. An instant outside working time
 * first rolls to the next period start, so adding 0 there gives that period start; a result that
 * lands exactly on a period end stays there (a deadline at 12:00 is 12:00, not 14:00).
 */
export function addWorkingMinutes(calendar: WorkingCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`working minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  const days = compileCalendar(calendar);
  let remaining = Math.round(minutes * minuteMs);
  let cursor = instantOf(start, 'start');
  let day = days.dayOf(cursor);
  for (let walked = 0; walked <= maxDaysWalked; walked += 1, day += 1) {
    days.assertTimeAhead(day);
    for (const [periodStart, periodEnd] of days.periodsOn(day)) {
      if (periodEnd <= cursor) continue;
      const from = Math.max(periodStart, cursor);
      const available = periodEnd - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
      cursor = periodEnd;
    }
  }
  throw new CalendarError(`adding ${minutes} working minutes walks more than ${maxDaysWalked} days`);
}

/** Working milliseconds inside [from, to). */
function workingMsBetween(calendar: WorkingCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const days = compileCalendar(calendar);
  const lastDay = days.dayOf(to);
  let total = 0;
  for (let day = days.dayOf(from); day <= lastDay; day += 1) {
    for (const [periodStart, periodEnd] of days.periodsOn(day)) {
      total += Math.max(0, Math.min(periodEnd, to) - Math.max(periodStart, from));
    }
  }
  return total;
}

/** Sorts, clips to [from, to) and merges overlapping intervals so none is taken out twice. */
function mergedWithin(intervals: readonly TimeInterval[], from: number, to: number): Interval[] {
  const clipped = intervals
    .map(
      ({ from: a, to: b }): Interval => [
        Math.max(instantOf(a, 'suspended.from'), from),
        Math.min(instantOf(b, 'suspended.to'), to),
      ],
    )
    .filter(([a, b]) => b > a)
    .sort((left, right) => left[0] - right[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of clipped) {
    const last = merged.at(-1);
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/**
 * Working minutes between two instants (0 when `to` is not after `from`), leaving out the working
 * time inside `suspended` intervals (挂账: the clock stood still).
 */
export function workingMinutesBetween(
  calendar: WorkingCalendar,
  from: Date,
  to: Date,
  suspended: readonly TimeInterval[] = [],
): number {
  const start = instantOf(from, 'from');
  const end = instantOf(to, 'to');
  let total = workingMsBetween(calendar, start, end);
  for (const [a, b] of mergedWithin(suspended, start, end)) total -= workingMsBetween(calendar, a, b);
  return total / minuteMs;
}

/** When a stage's light turns yellow (80 % used) and when its limit is used up. */
export interface LightThresholds {
  readonly yellowAt: Date;
  /** The due instant: a case still in the stage after it is overdue (red). */
  readonly redAt: Date;
}

/**
 * The instants the deadline timers fire at. `usedMinutes` is the working time already spent in the
 * stage before `from` (after a suspension, say); a threshold already passed is `from` itself, so its
 * timer fires at once.
 */
export function lightThresholdInstants(
  calendar: WorkingCalendar,
  from: Date,
  limitMinutes: number,
  usedMinutes = 0,
): LightThresholds {
  if (!Number.isFinite(limitMinutes) || limitMinutes <= 0) {
    throw new RangeError(`time limit must be a positive number of minutes, got ${limitMinutes}`);
  }
  const at = (share: number): Date => {
    const left = share * limitMinutes - usedMinutes;
    return left <= 0 ? new Date(instantOf(from, 'from')) : addWorkingMinutes(calendar, from, left);
  };
  return { yellowAt: at(yellowShare), redAt: at(1) };
}

/** The light of a stage started at `start` with this limit, as of `now`. */
export function lightAt(
  calendar: WorkingCalendar,
  start: Date,
  limitMinutes: number,
  now: Date,
  suspended: readonly TimeInterval[] = [],
): Light {
  return light(workingMinutesBetween(calendar, start, now, suspended), limitMinutes);
}

/** Whether `instant` falls inside a working period. */
export function isWorkingTime(calendar: WorkingCalendar, instant: Date): boolean {
  const days = compileCalendar(calendar);
  const ms = instantOf(instant, 'instant');
  return days.periodsOn(days.dayOf(ms)).some(([start, end]) => start <= ms && ms < end);
}
