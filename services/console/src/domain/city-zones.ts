/**
 * Each city's dates and times are in its own zone, as the server says (the session's `timeZones`):
 * the calendars count in it, whatever the browser's zone. Nothing falls back to a zone of its own.
 */
import type { SessionUser } from '../api/contract';

export type CityZones = Pick<SessionUser, 'city' | 'timeZones'>;

/** The zone of a city the user acts in; undefined for a city the session does not name. */
export function zoneOfCity(zones: CityZones, city: string): string | undefined {
  return zones.timeZones[city];
}

/**
 * The zone of the user's views where no city is shown: their city's; for region staff the one the
 * region's cities share, or undefined when they span several zones.
 */
export function homeZone(zones: CityZones): string | undefined {
  if (zones.city !== null) return zoneOfCity(zones, zones.city);
  const distinct = new Set(Object.values(zones.timeZones));
  return distinct.size === 1 ? [...distinct][0] : undefined;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(ms));
}

/**
 * Today where the user acts: their city's date; for region staff the latest date any of the
 * region's cities has reached. Undefined when the session names no city at all.
 */
export function todayOf(zones: CityZones, nowMs: number): string | undefined {
  if (zones.city !== null) {
    const own = zoneOfCity(zones, zones.city);
    return own === undefined ? undefined : dateIn(nowMs, own);
  }
  return Object.values(zones.timeZones)
    .map((zone) => dateIn(nowMs, zone))
    .sort()
    .at(-1);
}

/** An instant as the wall-clock time of a zone, `YYYY-MM-DD HH:mm`. */
export function localTimeIn(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * The instant a wall-clock time `YYYY-MM-DDTHH:mm` (a datetime-local input) is in a zone, as ISO
 * 8601; undefined when it is no such time. The zone's offset is read at the time itself (DST).
 */
export function instantOfLocal(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (ms: number) => Date.parse(`${localTimeIn(ms, timeZone).replace(' ', 'T')}:00Z`) - ms;
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first)).toISOString();
}
