import { DateTime } from 'luxon';

/**
 * A local wall-clock time as people write it in a sheet — `2026-03-02 08:00`, `2026-03-02T08:00`,
 * with seconds or not — as the instant it is in `timeZone`; null when it is no such time. A
 * spreadsheet's date cell arrives as the wall clock in UTC (`…Z`): its digits are the local time.
 */
export function parseLocalTime(text: string, timeZone: string): Date | null {
  const wallClock = text
    .trim()
    .replace(/(\.\d+)?Z$/, '')
    .replace(' ', 'T');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(wallClock)) return null;
  const at = DateTime.fromISO(wallClock, { zone: timeZone });
  return at.isValid ? at.toJSDate() : null;
}

/** An instant as the local wall-clock time of `timeZone`, `YYYY-MM-DD HH:mm`. */
export function formatLocalTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
}
