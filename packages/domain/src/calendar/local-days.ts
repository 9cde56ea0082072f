/**
 * The working periods of each local day as instants, computed once per day and cached. Days are
 * numbered like epoch days (0 = 1970-01-01) so walking is integer arithmetic; luxon is used only to
 * turn a local wall-clock time into an instant in the calendar's zone, which is where DST matters.
 */
import { DateTime, IANAZone } from 'luxon';
import { CalendarError } from './calendar-error.js';
import {
  type IsoWeekday,
  minuteOfDay,
  periodsProblem,
  type WorkingCalendar,
  type WorkingPeriod,
} from './working-calendar.js';

const dayMs = 86_400_000;

/** [start, end) in epoch milliseconds. */
export type Interval = readonly [number, number];

type MinuteRange = readonly [number, number];

export interface CompiledCalendar {
  readonly zone: string;
  /** Day number of an instant, in the calendar's zone. */
  dayOf(instantMs: number): number;
  /** The working intervals of a local day, in order. */
  periodsOn(day: number): readonly Interval[];
  /** Throws when no working time can follow this day: the walk would never end. */
  assertTimeAhead(day: number): void;
}

const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

/** Compiles (once per calendar object) the lookups that the working-time walks need. */
export function compileCalendar(calendar: WorkingCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached !== undefined) return cached;
  const result = buildCompiled(calendar);
  compiled.set(calendar, result);
  return result;
}

function toMinuteRanges(
  periods: readonly WorkingPeriod[] | undefined,
  where: string,
): readonly MinuteRange[] {
  if (periods === undefined) return [];
  const problem = periodsProblem(periods);
  if (problem !== null) throw new CalendarError(`calendar ${where}: ${problem}`);
  return periods.map((period) => [minuteOfDay(period.start) ?? 0, minuteOfDay(period.end) ?? 0] as const);
}

/** Day number (0 = 1970-01-01) of a local date YYYY-MM-DD; CalendarError when it is no date. */
export function dayNumber(isoDate: string): number {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(isoDate);
  const time =
    match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== isoDate) {
    throw new CalendarError(`calendar date '${isoDate}' is not a date YYYY-MM-DD`);
  }
  return time / dayMs;
}

function buildCompiled(calendar: WorkingCalendar): CompiledCalendar {
  const zone = calendar.timeZone;
  if (!IANAZone.isValidZone(zone))
    throw new CalendarError(`calendar time zone '${zone}' is not an IANA zone`);
  const weekly = new Map<number, readonly MinuteRange[]>();
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const key = String(weekday) as IsoWeekday;
    weekly.set(weekday, toMinuteRanges(calendar.weekly[key], `weekday ${weekday}`));
  }
  // The one reading of make-up periods (the engine and the API once differed): empty is absent.
  const makeUpPeriods =
    calendar.makeUpPeriods !== undefined && calendar.makeUpPeriods.length > 0
      ? toMinuteRanges(calendar.makeUpPeriods, 'make-up periods')
      : null;
  const holidays = new Set(calendar.holidays.map(dayNumber));
  const makeUpDays = new Set(calendar.makeUpWorkdays.map(dayNumber));
  const weeklyTime = [...weekly.values()].some((ranges) => ranges.length > 0);
  const lastMakeUpDay = Math.max(Number.NEGATIVE_INFINITY, ...makeUpDays);
  const cache = new Map<number, readonly Interval[]>();

  const minuteRangesOn = (day: number): readonly MinuteRange[] => {
    if (holidays.has(day)) return [];
    // 1970-01-01 was a Thursday (ISO weekday 4).
    const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
    const own = weekly.get(weekday) ?? [];
    if (!makeUpDays.has(day)) return own;
    return makeUpPeriods ?? (own.length > 0 ? own : (weekly.get(1) ?? []));
  };

  const instantOf = (day: number, minute: number): number => {
    const date = new Date((day + (minute === 1440 ? 1 : 0)) * dayMs);
    const wallMinute = minute === 1440 ? 0 : minute;
    return DateTime.fromObject(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: Math.floor(wallMinute / 60),
        minute: wallMinute % 60,
      },
      { zone },
    ).toMillis();
  };

  return {
    zone,
    dayOf(instantMs) {
      const local = DateTime.fromMillis(instantMs, { zone });
      return Date.UTC(local.year, local.month - 1, local.day) / dayMs;
    },
    periodsOn(day) {
      const hit = cache.get(day);
      if (hit !== undefined) return hit;
      const intervals: Interval[] = [];
      for (const [start, end] of minuteRangesOn(day)) {
        // A wall time inside a skipped DST hour maps an hour later, so a period ending there can
        // reach into the next one: each period starts no earlier than the previous one ended.
        const from = Math.max(instantOf(day, start), intervals.at(-1)?.[1] ?? Number.NEGATIVE_INFINITY);
        const to = instantOf(day, end);
        // A period inside a skipped DST hour has no length; drop it.
        if (to > from) intervals.push([from, to]);
      }
      if (cache.size >= 4096) cache.clear();
      cache.set(day, intervals);
      return intervals;
    },
    assertTimeAhead(day) {
      if (!weeklyTime && day > lastMakeUpDay) {
        throw new CalendarError(
          'the calendar has no working time: no weekly periods and no make-up day ahead',
        );
      }
    },
  };
}
