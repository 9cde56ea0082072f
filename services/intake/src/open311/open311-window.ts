/**
 * The dates and pages of Open311 lists (GET requests, GET servicerequestupdates): `start_date` and
 * `end_date` as W3C date-times or plain ISO dates (a date is the whole local day of the city), a
 * window of at most 90 days (the spec's; without dates, the last 90 days), and `page_size`/`page`
 * over it with at most 1000 items a page and a bounded depth, so every read costs what it returns.
 */
import { httpError } from '@urbangrid/platform';
import { DateTime } from 'luxon';
import { z } from 'zod';

/** The spec's longest window, and its default when no date is given. */
export const windowDays = 90;
const dayMs = 86_400_000;
/** The spec's cap on one answer. */
export const maxPageSize = 1000;
/** How deep paging goes (items skipped); past it a narrower window is the way on. */
export const maxSkipped = 50_000;

const blankIsAbsent = (value: unknown) => (value === '' ? undefined : value);

/** A W3C date-time with its offset (2026-12-01T08:00:00+08:00) or an ISO date (2026-12-01). */
export const open311Date = z.preprocess(
  blankIsAbsent,
  z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
);

export const pagingQuery = {
  page_size: z.preprocess(blankIsAbsent, z.coerce.number().int().min(1).max(maxPageSize).optional()),
  page: z.preprocess(blankIsAbsent, z.coerce.number().int().min(1).max(maxSkipped).optional()),
};

export interface Window {
  from: Date;
  to: Date;
}

export interface Page {
  limit: number;
  offset: number;
}

const isDateOnly = (value: string) => !value.includes('T');

/** An instant of the parameter: a plain date opens (`start`) or closes (`end`) that local day. */
function instantOf(value: string, timeZone: string, edge: 'start' | 'end'): Date {
  if (!isDateOnly(value)) return new Date(value);
  const day = DateTime.fromISO(value, { zone: timeZone });
  return (edge === 'start' ? day.startOf('day') : day.endOf('day')).toJSDate();
}

/**
 * The window asked for: both dates as given (400 beyond 90 days or reversed), one date and the 90
 * days after (start) or before (end) it, or the last 90 days.
 */
export function windowOf(asked: { start?: string; end?: string }, timeZone: string, now: Date): Window {
  const from = asked.start === undefined ? undefined : instantOf(asked.start, timeZone, 'start');
  const to = asked.end === undefined ? undefined : instantOf(asked.end, timeZone, 'end');
  const span = windowDays * dayMs;
  if (from !== undefined && to !== undefined) {
    if (to < from) throw httpError('VALIDATION_FAILED', 'end_date is before start_date');
    if (to.getTime() - from.getTime() > span) {
      throw httpError(
        'VALIDATION_FAILED',
        `start_date and end_date may not span more than ${windowDays} days`,
      );
    }
    return { from, to };
  }
  if (from !== undefined) return { from, to: new Date(from.getTime() + span) };
  const end = to ?? now;
  return { from: new Date(end.getTime() - span), to: end };
}

/** The rows a page covers: `page_size` (default `defaultSize`) from the start of page `page`. */
export function pageOf(asked: { page_size?: number; page?: number }, defaultSize = maxPageSize): Page {
  const limit = asked.page_size ?? defaultSize;
  const offset = ((asked.page ?? 1) - 1) * limit;
  if (offset > maxSkipped) {
    throw httpError(
      'VALIDATION_FAILED',
      `page: at most ${maxSkipped} items can be skipped; narrow start_date and end_date instead`,
    );
  }
  return { limit, offset };
}
