/**
 * When the daily jobs (publication, anchors) run. Each city's days are in its own zone and the
 * region may span several, so there is no one midnight to wait for: the job fires every hour (the
 * cron counted in UTC, the same in any zone) and each run serves every city's finished local days,
 * which reaches a city within the hour after its own midnight.
 */
export function afterEveryLocalMidnight(pattern: string): { pattern: string; tz: 'UTC' } {
  return { pattern, tz: 'UTC' };
}
