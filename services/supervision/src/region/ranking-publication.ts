/**
 * Publishing the region's ranking (发布排名通报): a finished month or quarter is counted once and
 * frozen with its bulletin in region_ranking_publications, like the daily rollups' publication; what
 * arrives later (a report accepted, a case closed) shows in the recount beside it, never in it. The
 * region publishes by hand once a period has ended; the hourly publication job publishes every
 * period whose reporting window has closed.
 */
import {
  type Db,
  findRankingPublication,
  insertRankingPublication,
  listCities,
  publishedPeriods,
  type RankingPublicationRow,
} from '@urbangrid/db';
import {
  type Period,
  periodFinished,
  periodOf,
  previousPeriod,
  rankingPeriodKinds,
  reportingDeadline,
} from '@urbangrid/domain';
import { localDay } from '@urbangrid/engine';
import { ConflictError, withProblemExtensions } from '@urbangrid/platform';
import { countRanking } from './ranking.js';

/** The region's local day: its cities share one zone (the first city's; UTC without cities). */
export async function regionToday(db: Db, now: Date): Promise<string> {
  const [city] = await listCities(db);
  return localDay(now, city?.timeZone ?? 'UTC');
}

/** Publishes a finished period's ranking and bulletin; 409 when unfinished or published already. */
export async function publishRanking(
  db: Db,
  period: Period,
  by: string,
  now: Date,
): Promise<RankingPublicationRow> {
  const today = await regionToday(db, now);
  if (!periodFinished(period, today))
    throw withProblemExtensions(
      new ConflictError(`period ${period.key} runs until ${period.to}; it is published once it has ended`),
      { detailZh: `${period.key} 尚未结束（至 ${period.to}），结束后才能发布` },
    );
  const existing = await findRankingPublication(db, period.key);
  if (existing !== null)
    throw withProblemExtensions(
      new ConflictError(`period ${period.key} was published on ${existing.publishedAt.toISOString()}`),
      {
        detailZh: `${period.key} 的排名通报已于 ${existing.publishedAt.toISOString().slice(0, 10)} 发布，不能重复发布`,
        publishedAt: existing.publishedAt.toISOString(),
      },
    );
  const count = await countRanking(db, period);
  const row = await insertRankingPublication(db, {
    period: period.key,
    kind: period.kind,
    publishedAt: now,
    publishedBy: by,
    settingsVersion: count.settingsVersion,
    bulletin: count,
  });
  if (row === null) throw new ConflictError(`period ${period.key} was published meanwhile`);
  return row;
}

/** How many finished periods of each kind a run looks back over (a stopped scheduler catches up). */
const catchUp = { month: 3, quarter: 2 } as const;

/**
 * Publishes, oldest first (so each one's rank change reads the one before), every recent month and
 * quarter whose reporting window has closed and that is not published yet. Idempotent.
 */
export async function publishClosedRankings(db: Db, now: Date): Promise<string[]> {
  const today = await regionToday(db, now);
  const due: Period[] = [];
  for (const kind of rankingPeriodKinds) {
    let period = previousPeriod(periodOf(kind, today));
    for (let i = 0; i < catchUp[kind]; i++, period = previousPeriod(period))
      if (today > reportingDeadline(period)) due.push(period);
  }
  const done = await publishedPeriods(
    db,
    due.map((period) => period.key),
  );
  const published: string[] = [];
  for (const period of due.filter((p) => !done.has(p.key)).sort((a, b) => a.from.localeCompare(b.from))) {
    const row = await publishRanking(db, period, 'system', now).catch((error: unknown) => {
      // Another process published it meanwhile: nothing to do.
      if (error instanceof Error && 'code' in error && error.code === 'CONFLICT') return null;
      throw error;
    });
    if (row !== null) published.push(row.period);
  }
  return published;
}
