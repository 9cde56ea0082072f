/**
 * Daily publication (每日公布): each city's finished local days are frozen in `published_rollups`,
 * so a ranking once published does not change silently. Catches up the days a stopped scheduler
 * missed; a day already published is never touched again.
 */
import { type Db, listCities, listPublications, publishRollupDay } from '@urbangrid/db';
import { localDay } from '@urbangrid/engine';

/** How far back a run looks for unpublished days. */
export const catchUpDays = 7;

const dayBefore = (day: string, n = 1) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Publishes every finished, unpublished day of the last `catchUpDays` of each city; returns them. */
export async function publishFinishedDays(
  db: Db,
  now: Date,
): Promise<Array<{ city: string; day: string; rowCount: number }>> {
  const published: Array<{ city: string; day: string; rowCount: number }> = [];
  for (const city of await listCities(db)) {
    const yesterday = dayBefore(localDay(now, city.timeZone));
    const first = dayBefore(yesterday, catchUpDays - 1);
    const done = new Set(
      (await listPublications(db, { city: city.code, fromDay: first, toDay: yesterday })).map((p) => p.day),
    );
    for (let day = first; day <= yesterday; day = dayBefore(day, -1)) {
      if (done.has(day)) continue;
      const row = await publishRollupDay(db, { city: city.code, day, publishedAt: now });
      if (row !== null) published.push({ city: row.city, day: row.day, rowCount: row.rowCount });
    }
  }
  return published;
}
