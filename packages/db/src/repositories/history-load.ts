/**
 * Writes a made history (seeds/demo-history): cases, their chained events and the day counters of
 * their numbers, then the day rollups, each table as multi-row inserts of a JSON array (one
 * parameter per batch, however many rows).
 */
import type { DbOrTx } from '../client.js';
import { caseEvents, cases } from '../schema/cases.js';
import { caseNumberCounters } from '../schema/infrastructure.js';
import { reportRollups } from '../schema/rollups.js';
import { jsonRowsInsert } from './json-rows.js';

export interface HistoryRows {
  cases: ReadonlyArray<Record<string, unknown>>;
  events: ReadonlyArray<Record<string, unknown>>;
  numberCounters: ReadonlyArray<{ city: string; day: string; last: number }>;
}

const batchSize = 2_000;

async function inBatches(
  db: DbOrTx,
  rows: ReadonlyArray<object>,
  insert: (batch: object[]) => ReturnType<typeof jsonRowsInsert>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) await db.execute(insert(rows.slice(i, i + batchSize)));
}

export async function insertHistoryRows(db: DbOrTx, rows: HistoryRows): Promise<void> {
  await inBatches(db, rows.cases, (batch) => jsonRowsInsert(cases, batch));
  await inBatches(db, rows.events, (batch) => jsonRowsInsert(caseEvents, batch));
  await inBatches(db, rows.numberCounters, (batch) =>
    jsonRowsInsert(caseNumberCounters, batch, { suffix: ' on conflict do nothing' }),
  );
}

/** Day rollup rows of days nobody counted yet (a recount of a made history). */
export async function insertRollupRows(
  db: DbOrTx,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  await inBatches(db, rows, (batch) => jsonRowsInsert(reportRollups, batch));
}
