/**
 * How a work queue is ordered: the most urgent light first (red, yellow, green), then the earliest
 * due moment, then the oldest case. Cases without a running clock go last.
 */
import type { CaseRecord, Light } from '../api/contract';

const lightRank: Record<Light, number> = { red: 2, yellow: 1, green: 0 };

/**
 * The light to show now: the server raises yellow and red with its timers; a case whose due
 * moment has passed is shown red even before the timer's message arrives.
 */
export function effectiveLight(item: Pick<CaseRecord, 'deadline'>, nowMs: number): Light | null {
  if (!item.deadline?.due) return null;
  const due = Date.parse(item.deadline.due);
  if (!Number.isNaN(due) && due < nowMs) return 'red';
  return item.deadline.light;
}

function dueOf(item: Pick<CaseRecord, 'deadline'>): number {
  const due = item.deadline?.due ? Date.parse(item.deadline.due) : Number.NaN;
  return Number.isNaN(due) ? Number.POSITIVE_INFINITY : due;
}

export function compareByDeadline(nowMs: number) {
  return (a: CaseRecord, b: CaseRecord): number => {
    const la = effectiveLight(a, nowMs);
    const lb = effectiveLight(b, nowMs);
    const ra = la === null ? -1 : lightRank[la];
    const rb = lb === null ? -1 : lightRank[lb];
    if (ra !== rb) return rb - ra;
    const da = dueOf(a);
    const db = dueOf(b);
    if (da !== db) return da < db ? -1 : 1;
    return a.createdAt.localeCompare(b.createdAt);
  };
}

export function sortQueue(items: readonly CaseRecord[], nowMs: number): CaseRecord[] {
  return [...items].sort(compareByDeadline(nowMs));
}
