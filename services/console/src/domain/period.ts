/**
 * Report periods as calendar dates (YYYY-MM-DD) in the cities' zone: the default is this month
 * so far, which is what a supervision centre reviews day to day.
 */
import type { TimelinessRow } from '../api/contract';

const dateInShanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function localDate(ms: number): string {
  return dateInShanghai.format(new Date(ms));
}

export function monthToDate(nowMs: number): { from: string; to: string } {
  const today = localDate(nowMs);
  return { from: `${today.slice(0, 8)}01`, to: today };
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
