/**
 * Report periods as calendar dates (YYYY-MM-DD) in the cities' own zones (city-zones.ts): the
 * default is this month so far, which is what a supervision centre reviews day to day.
 */
import type { TimelinessRow } from '../api/contract';
import { type CityZones, todayOf } from './city-zones';

/** This month so far where the user acts; empty when the session names no zone for it. */
export function monthToDate(zones: CityZones | null, nowMs: number): { from: string; to: string } {
  const today = zones === null ? undefined : todayOf(zones, nowMs);
  return today === undefined ? { from: '', to: '' } : { from: `${today.slice(0, 8)}01`, to: today };
}

/** A share as a whole percentage, or null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/**
 * Closed over what the group had to close: the cases received in an area, or, for a department
 * (which receives nothing itself: cases reach it by dispatch), the cases dispatched to it.
 */
export function closingRate(
  row: Pick<TimelinessRow, 'closed' | 'received' | 'dispatched'>,
  base: 'received' | 'dispatched' = 'received',
): number | null {
  return percent(row.closed, row[base]);
}

export function onTimeClosingRate(row: Pick<TimelinessRow, 'closed' | 'closedOnTime'>): number | null {
  return percent(row.closedOnTime, row.closed);
}

/** A rate the server sends as a fraction, shown as the exports show it: 75.00%, or — for none. */
export function ratePercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? '—' : `${(fraction * 100).toFixed(2)}%`;
}
