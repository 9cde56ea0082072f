/**
 * Report groups: reports of one process that reach their write within a few milliseconds of each
 * other are written by ONE statement (`writeNewCasesTogether`) — one commit, one round trip, the
 * day's case-number counter taken once for all of them and the shared rollup rows added to once —
 * instead of one statement each that queue behind each other on those rows. Each report is still
 * answered only once its group has committed, and with its own case, number and first event.
 *
 * A group that fails is not every member's failure: unless the database is away (then each member
 * gets that same error, as it would alone), each member is written again alone, in its own
 * statement as before grouping, and answers as it would have alone (a key taken meanwhile, a
 * camera burst opened by another). Nothing of a failed group is written, so it takes no number. A
 * repeated Idempotency-Key waits for the group its first request is in, then is written alone (and
 * answers as that request did).
 */
import {
  type Db,
  isDatabaseUnavailable,
  type NewCaseOfGroup,
  type RollupIncrement,
  rollupIncrementQuery,
  type WrittenCase,
  writeNewCasesTogether,
} from '@urbangrid/db';
import DataLoader from 'dataloader';
import type { EngineContext, ReportGrouping } from './engine-context.js';

/** A report ready to be written: all it writes, computed before the write. */
export interface ReportToWrite {
  city: string;
  /** The city's local day of the report: its case number's date. */
  day: string;
  /** Its Idempotency-Key with the key's scope, or null. */
  key: string | null;
  /** The case row and its own writes, the rollups left out (`rollups`). */
  case: NewCaseOfGroup;
  rollups: readonly RollupIncrement[];
  /** The report written alone, in a statement of its own with its rollups. */
  alone: () => Promise<WrittenCase | null>;
}

type Outcome = WrittenCase | null | Error;

const loaders = new WeakMap<EngineContext, DataLoader<ReportToWrite, WrittenCase | null>>();

/** Writes the report, in a group with the others of this moment; resolves once it is committed. */
export function writeReportInGroup(
  context: EngineContext,
  report: ReportToWrite,
): Promise<WrittenCase | null> {
  const grouping = context.reportGroups;
  if (grouping === false) return report.alone();
  let loader = loaders.get(context);
  if (loader === undefined) {
    loader = reportLoader(context.db, grouping);
    loaders.set(context, loader);
  }
  return loader.load(report);
}

function reportLoader(db: Db, grouping: ReportGrouping): DataLoader<ReportToWrite, WrittenCase | null> {
  return new DataLoader<ReportToWrite, WrittenCase | null>((reports) => writeGroups(db, reports), {
    cache: false,
    maxBatchSize: grouping.maxSize,
    batchScheduleFn: (dispatch) => setTimeout(dispatch, grouping.windowMs),
  });
}

/** One group per city and day (a statement takes one counter): each member's outcome, in order. */
async function writeGroups(db: Db, reports: readonly ReportToWrite[]): Promise<Outcome[]> {
  const groups = new Map<string, ReportToWrite[]>();
  for (const report of reports) {
    const id = `${report.city}\u0000${report.day}`;
    groups.set(id, [...(groups.get(id) ?? []), report]);
  }
  const outcomes = new Map<ReportToWrite, Outcome>();
  await Promise.all([...groups.values()].map((group) => writeGroup(db, group, outcomes)));
  return reports.map((report) => outcomes.get(report) ?? new Error('a report of a group was not written'));
}

async function writeGroup(
  db: Db,
  reports: readonly ReportToWrite[],
  outcomes: Map<ReportToWrite, Outcome>,
): Promise<void> {
  const keys = new Set<string>();
  const together: ReportToWrite[] = [];
  const after: ReportToWrite[] = [];
  for (const report of reports) {
    if (report.key !== null && keys.has(report.key)) {
      after.push(report);
      continue;
    }
    if (report.key !== null) keys.add(report.key);
    together.push(report);
  }
  const first = together[0];
  if (together.length === 1 && first !== undefined) {
    outcomes.set(first, await alone(first));
  } else if (first !== undefined) {
    try {
      const written = await writeNewCasesTogether(
        db,
        first.city,
        first.day,
        together.map((report) => report.case),
        [rollupIncrementQuery(together.flatMap((report) => report.rollups))],
      );
      for (const [index, report] of together.entries()) outcomes.set(report, written[index] ?? null);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        for (const report of together) outcomes.set(report, asError(error));
      } else {
        const each = await Promise.all(together.map(alone));
        for (const [index, report] of together.entries()) outcomes.set(report, each[index] ?? null);
      }
    }
  }
  for (const report of after) outcomes.set(report, await alone(report));
}

async function alone(report: ReportToWrite): Promise<Outcome> {
  try {
    return await report.alone();
  } catch (error) {
    return asError(error);
  }
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
