/**
 * Reporting and ranking periods of the region (考核周期): a month `2026-11`, a quarter `2026-Q4` or a
 * year `2026`. Cities report an indicator per the period kind its target names (quarter by
 * default); the region ranks cities per month and per quarter. One place for what a period is, when
 * it is open for reports, and which one came before.
 */
import { z } from 'zod';

export const periodKinds = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** The kinds the region ranks and publishes (月度、季度通报). */
export const rankingPeriodKinds = ['month', 'quarter'] as const;

export interface Period {
  /** `2026-11`, `2026-Q4` or `2026`. */
  key: string;
  kind: PeriodKind;
  year: number;
  /** First and last day, YYYY-MM-DD, in the region's local dates. */
  from: string;
  to: string;
}

/**
 * Days after a period's end during which its reports are still taken (and returned ones
 * resubmitted); after them the period is closed (报送截止).
 */
export const reportingWindowDays = 30;

const patterns = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
} as const;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function periodOfMonths(key: string, kind: PeriodKind, year: number, first: number, last: number): Period {
  return {
    key,
    kind,
    year,
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}`,
  };
}

/** The period a key names; null when it names none. */
export function parsePeriod(key: string): Period | null {
  const month = patterns.month.exec(key);
  if (month) {
    const m = Number(month[2]);
    return periodOfMonths(key, 'month', Number(month[1]), m, m);
  }
  const quarter = patterns.quarter.exec(key);
  if (quarter) {
    const q = Number(quarter[2]);
    return periodOfMonths(key, 'quarter', Number(quarter[1]), q * 3 - 2, q * 3);
  }
  const year = patterns.year.exec(key);
  if (year) return periodOfMonths(key, 'year', Number(year[1]), 1, 12);
  return null;
}

const periodMessage = 'a period is a month (2026-11), a quarter (2026-Q4) or a year (2026)';

/** A period key at a boundary, parsed. */
export const periodSchema = z
  .string()
  .max(7)
  .transform((key, context) => {
    const period = parsePeriod(key);
    if (period === null) {
      context.addIssue({ code: 'custom', message: periodMessage });
      return z.NEVER;
    }
    return period;
  });

/** A ranking period key (a month or a quarter). */
export const rankingPeriodKey = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'a ranking period is a month (2026-11) or a quarter (2026-Q4)');

/** The period of `kind` holding the local day `day` (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const key =
    kind === 'month'
      ? `${year}-${pad(month)}`
      : kind === 'quarter'
        ? `${year}-Q${Math.ceil(month / 3)}`
        : `${year}`;
  return parsePeriod(key) as Period;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The period of the same kind just before `period`. */
export function previousPeriod(period: Period): Period {
  return periodOf(period.kind, addDays(period.from, -1));
}

/** The last local day reports of `period` are taken. */
export function reportingDeadline(period: Period): string {
  return addDays(period.to, reportingWindowDays);
}

/**
 * Whether reports of `period` are taken on local day `today`: from its first day until its
 * reporting deadline. Null when open; else why not (not begun, or closed).
 */
export function reportingClosedReason(period: Period, today: string): 'notBegun' | 'closed' | null {
  if (today < period.from) return 'notBegun';
  if (today > reportingDeadline(period)) return 'closed';
  return null;
}

/** Whether `period` has ended by local day `today` (a ranking is published only then). */
export const periodFinished = (period: Period, today: string) => today > period.to;
