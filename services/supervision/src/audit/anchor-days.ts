/**
 * The daily anchors (architecture.md): each city's finished local days have their chain heads
 * signed and written outside the database (engine chain-anchors). Catches up the days a stopped
 * scheduler missed; a run makes each day's anchor again and compares it with the file, so running
 * twice writes the same anchor, and a day whose history changed since it was signed is reported,
 * never re-signed.
 */
import { type Db, listCities } from '@urbangrid/db';
import { endOfLocalDay, startOfLocalDay } from '@urbangrid/domain';
import {
  type AuditKeys,
  type ChainAnchor,
  localDay,
  makeChainAnchor,
  writeChainAnchor,
} from '@urbangrid/engine';

/** How far back a run makes (or checks) anchors. */
export const anchorCatchUpDays = 7;

const dayBefore = (day: string, n = 1) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export interface AnchorRun {
  written: Array<Pick<ChainAnchor, 'city' | 'day' | 'cases'>>;
  unchanged: number;
  /** Days whose signed anchor no longer matches the database (kept as signed). */
  differs: Array<{ city: string; day: string }>;
}

export async function anchorFinishedDays(
  db: Db,
  options: { keys: AuditKeys; dir: string; now: Date; days?: number },
): Promise<AnchorRun> {
  const run: AnchorRun = { written: [], unchanged: 0, differs: [] };
  for (const city of await listCities(db)) {
    const yesterday = dayBefore(localDay(options.now, city.timeZone));
    const first = dayBefore(yesterday, (options.days ?? anchorCatchUpDays) - 1);
    for (let day = first; day <= yesterday; day = dayBefore(day, -1)) {
      const anchor = await makeChainAnchor(db, options.keys, {
        city: city.code,
        day,
        from: startOfLocalDay(day, city.timeZone),
        to: endOfLocalDay(day, city.timeZone),
      });
      const outcome = await writeChainAnchor(options.dir, anchor);
      if (outcome === 'written')
        run.written.push({ city: anchor.city, day: anchor.day, cases: anchor.cases });
      else if (outcome === 'unchanged') run.unchanged += 1;
      else run.differs.push({ city: anchor.city, day: anchor.day });
    }
  }
  return run;
}
