/**
 * The region desk's rules on screen: which periods to offer, how a target cell reads (met, short —
 * red — or without data), how a rank change reads, the review queue's order and which targets a
 * city reports itself.
 */

export type CellState = 'met' | 'short' | 'noData';

/** A matrix cell: red (short) when it has a value or counts 0 and misses its target. */
export function cellState(cell: { met: boolean; attainment: number | null }): CellState {
  if (cell.met) return 'met';
  return cell.attainment === null ? 'noData' : 'short';
}

const signs: Record<string, string> = { atLeast: '≥', atMost: '≤', about: '≈', yesNo: '' };

/** The header's rule: ≥ 35 %, ≤ 10 %, ≈ 50 %; a yes/no task has none. */
export function targetRule(direction: string, target: number | null, unit: string): string {
  if (direction === 'yesNo' || target === null) return '';
  return `${signs[direction] ?? direction} ${target}${unit === '%' ? ' %' : ` ${unit}`}`;
}

/** A value as read in a cell: 36 %, 21.5 m²; yes/no as ✓ / ✗; nothing as —. */
export function valueText(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === 'yes-no') return value === 1 ? '✓' : '✗';
  return unit === '%' ? `${value} %` : `${value} ${unit}`;
}

/** ↑2 (up two places), ↓1, = ; nothing before a previous ranking. */
export function rankChangeText(change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return '=';
  return change > 0 ? `↑${change}` : `↓${-change}`;
}

/** The last `count` finished months and quarters, newest first, as of `today` (YYYY-MM-DD). */
export function periodChoices(today: string, count = 12): { months: string[]; quarters: string[] } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let i = 1; i <= count; i++) {
    const index = year * 12 + (month - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  const quarter = Math.floor((month - 1) / 3);
  const quarters: string[] = [];
  for (let i = 1; i <= Math.ceil(count / 3); i++) {
    const index = year * 4 + quarter - i;
    quarters.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  return { months, quarters };
}

/** The quarter (or month) under way on `today`, the one a city reports for by default. */
export function currentPeriod(today: string, kind: 'month' | 'quarter'): string {
  const month = Number(today.slice(5, 7));
  return kind === 'month' ? today.slice(0, 7) : `${today.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The region's queue: reports waiting for review first, oldest submission first; then the rest, newest first. */
export function reviewOrder<T extends { state: string; submittedAt: string }>(reports: readonly T[]): T[] {
  const waiting = reports.filter((r) => r.state === 'submitted');
  const rest = reports.filter((r) => r.state !== 'submitted');
  return [
    ...waiting.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
    ...rest.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)),
  ];
}

/** The targets a city reports itself: not measured from the cases, not limited to other cities. */
export function cityReportedTargets<
  T extends { measuredBy: string; appliesTo: { cities?: string[]; exceptCities?: string[] } },
>(targets: readonly T[], city: string): T[] {
  return targets.filter(
    (t) =>
      t.measuredBy === 'city' &&
      (t.appliesTo.cities === undefined || t.appliesTo.cities.includes(city)) &&
      !(t.appliesTo.exceptCities ?? []).includes(city),
  );
}

/** The target in force for a year: that year's, else the latest before it. */
export function targetFor(
  targets: ReadonlyArray<{ year: number; value: number }>,
  year: number,
): number | null {
  const inForce = targets.filter((t) => t.year <= year).sort((a, b) => b.year - a.year)[0];
  return inForce?.value ?? null;
}
