/**
 * The region's ranking periods in the console: a month (2026-11) or a quarter (2026-Q4), its days,
 * the one holding today and the ones before it — the same keys GET /api/region/ranking takes.
 */
export type PeriodKind = 'month' | 'quarter';

const monthKey = /^(\d{4})-(0[1-9]|1[0-2])$/;
const quarterKey = /^(\d{4})-Q([1-4])$/;
const pad = (n: number) => String(n).padStart(2, '0');

export function isPeriodKey(key: string): boolean {
  return monthKey.test(key) || quarterKey.test(key);
}

export function kindOf(key: string): PeriodKind {
  return quarterKey.test(key) ? 'quarter' : 'month';
}

/** Year and the first and last month (1–12) of a period key. */
function monthsOf(key: string): { year: number; first: number; last: number } {
  const q = quarterKey.exec(key);
  if (q) return { year: Number(q[1]), first: Number(q[2]) * 3 - 2, last: Number(q[2]) * 3 };
  const m = monthKey.exec(key);
  if (!m) throw new Error(`not a month or quarter: ${key}`);
  return { year: Number(m[1]), first: Number(m[2]), last: Number(m[2]) };
}

/** The period's days; `to` stops at `today` when the period is under way. */
export function daysOf(key: string, today?: string): { from: string; to: string } {
  const { year, first, last } = monthsOf(key);
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const from = `${year}-${pad(first)}-01`;
  const end = `${year}-${pad(last)}-${pad(lastDay)}`;
  return { from, to: today !== undefined && today >= from && today < end ? today : end };
}

/** The month or quarter holding `day` (YYYY-MM-DD). */
export function periodHolding(kind: PeriodKind, day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return kind === 'month' ? `${year}-${pad(month)}` : `${year}-Q${Math.ceil(month / 3)}`;
}

/** `count` periods ending with `key`, oldest first. */
export function periodsUpTo(key: string, count: number): string[] {
  const kind = kindOf(key);
  const { year, first } = monthsOf(key);
  const step = kind === 'month' ? 1 : 3;
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (first - 1) - (count - 1 - i) * step;
    const day = `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
    return periodHolding(kind, day);
  });
}
