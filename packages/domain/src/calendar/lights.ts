/**
 * Deadline lights (红黄绿灯) and the overdue multiple (超时倍数), domain.md §5.
 */

export const lights = ['green', 'yellow', 'red'] as const;
export type Light = (typeof lights)[number];

/** Share of the limit at which a case turns yellow. */
export const yellowShare = 0.8;

function assertLimit(limitMinutes: number): void {
  if (!Number.isFinite(limitMinutes) || limitMinutes <= 0) {
    throw new RangeError(`time limit must be a positive number of minutes, got ${limitMinutes}`);
  }
}

/**
 * Green while under 80 % of the limit is used, yellow from 80 % up to and including 100 %, red once
 * the time used is over the limit.
 */
export function light(usedMinutes: number, limitMinutes: number): Light {
  assertLimit(limitMinutes);
  if (usedMinutes > limitMinutes) return 'red';
  if (usedMinutes >= yellowShare * limitMinutes) return 'yellow';
  return 'green';
}

/** (time used − limit) / limit, or 0 when the limit is not exceeded. */
export function overdueMultiple(usedMinutes: number, limitMinutes: number): number {
  assertLimit(limitMinutes);
  return usedMinutes > limitMinutes ? (usedMinutes - limitMinutes) / limitMinutes : 0;
}

/** Orders lights so a timer can only raise one: green < yellow < red. */
export function lightRank(value: Light): number {
  return lights.indexOf(value);
}
