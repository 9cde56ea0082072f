/**
 * A working-time calendar (工作日历) as data: weekly working periods in a time zone, public holidays
 * (法定节假日) and the make-up working days China moves onto weekends (调休上班). Cities edit them
 * every year, so the calendar is configuration, validated here at the edge.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';

/** A working period of one day in local wall-clock time, `HH:mm`, end after start, end may be 24:00. */
export interface WorkingPeriod {
  readonly start: string;
  readonly end: string;
}

export const isoWeekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = (typeof isoWeekdays)[number];

export interface WorkingCalendar {
  /** IANA time zone the periods are in, e.g. Asia/Shanghai. */
  readonly timeZone: string;
  readonly weekly: Readonly<Partial<Record<IsoWeekday, readonly WorkingPeriod[]>>>;
  /** Local dates (YYYY-MM-DD) with no working time at all. */
  readonly holidays: readonly string[];
  /** Local dates that are working days although their weekday is not (调休上班). */
  readonly makeUpWorkdays: readonly string[];
  /**
   * Periods of a make-up working day. When absent or empty, a make-up day keeps its weekday's
   * periods, or Monday's when its weekday has none (the usual case: a Saturday worked as a Monday).
   * Empty reads as absent because a make-up *working* day without working time is no such day.
   */
  readonly makeUpPeriods?: readonly WorkingPeriod[];
  /**
   * The last local date (YYYY-MM-DD) whose holidays and make-up days are known. Past it, days are
   * counted on the weekly periods alone, which a deadline must say (`isBeyondKnownDays`). Absent
   * for a calendar that keeps its weekly periods all year (no holidays to know).
   */
  readonly knownUntil?: string;
}

/** Parses `HH:mm` (00:00–24:00) to minutes since local midnight, or null. */
export function minuteOfDay(value: string): number | null {
  const match = /^([0-9]{2}):([0-9]{2})$/.exec(value);
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** Why a list of periods is unusable, or null: each must end after it starts, in order, not overlapping. */
export function periodsProblem(periods: readonly WorkingPeriod[]): string | null {
  let previousEnd = -1;
  for (const period of periods) {
    const start = minuteOfDay(period.start);
    const end = minuteOfDay(period.end);
    if (start === null || start === 1440)
      return `period start '${period.start}' is not a time HH:mm before 24:00`;
    if (end === null) return `period end '${period.end}' is not a time HH:mm up to 24:00`;
    if (end <= start) return `period ${period.start}–${period.end} must end after it starts`;
    if (start < previousEnd)
      return `period ${period.start}–${period.end} overlaps or precedes the one before it`;
    previousEnd = end;
  }
  return null;
}

const periodSchema = z.object({ start: z.string(), end: z.string() });
const periodsSchema = z.array(periodSchema).superRefine((periods, context) => {
  const problem = periodsProblem(periods);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem });
});

const isoDateSchema = z.iso.date();

export const workingCalendarSchema = z
  .object({
    // No default: a calendar without its zone would count another city's hours.
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'not an IANA time zone' }),
    weekly: z.partialRecord(z.enum(isoWeekdays), periodsSchema),
    holidays: z.array(isoDateSchema).default([]),
    makeUpWorkdays: z.array(isoDateSchema).default([]),
    makeUpPeriods: periodsSchema.optional(),
    knownUntil: isoDateSchema.optional(),
  })
  .superRefine((calendar, context) => {
    const holidays = new Set(calendar.holidays);
    for (const day of calendar.makeUpWorkdays) {
      if (holidays.has(day)) {
        context.addIssue({ code: 'custom', path: ['makeUpWorkdays'], message: `${day} is also a holiday` });
      }
    }
    const weeklyTime = Object.values(calendar.weekly).some((periods) => periods.length > 0);
    if (!weeklyTime) {
      context.addIssue({
        code: 'custom',
        path: ['weekly'],
        message: 'the calendar has no working time in any week',
      });
    }
  }) satisfies z.ZodType<WorkingCalendar>;

export type WorkingCalendarInput = z.input<typeof workingCalendarSchema>;
