import type { CaseState } from '@urbangrid/domain';
import {
  and,
  asc,
  count,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  max,
  min,
  or,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { cases } from '../schema/cases.js';
import { outbox } from '../schema/infrastructure.js';
import type { WriteQuery } from './case-write.js';
import { jsonRowsInsert } from './json-rows.js';

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;

/**
 * The outbox's key for a job (migration 0030): its id within the month the row was written in. An
 * insert of a job that may be written already ends `on conflict <this> do nothing`.
 */
export const outboxJobKey = '("job_id", "created_month")';

/**
 * The insert of a case write's follow-up jobs, built but not run; null for none. A job whose id is
 * written already this month (the outbox's partition, migration 0030) is kept as it is: a replayed
 * command enqueues nothing twice.
 */
export function outboxInsertQuery(rows: readonly NewOutboxRow[]): WriteQuery | null {
  if (rows.length === 0) return null;
  return (caseWrite) =>
    jsonRowsInsert(outbox, rows, {
      where: caseWrite.written,
      suffix: ` on conflict ${outboxJobKey} do nothing`,
    });
}

export async function insertOutboxRows(tx: DbOrTx, rows: readonly NewOutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(outbox)
    .values([...rows])
    .onConflictDoNothing({ target: [outbox.jobId, outbox.createdMonth] });
}

/**
 * Claims up to `limit` rows that are due, oldest first, locking them until the transaction ends;
 * rows another relay holds are skipped (`FOR UPDATE SKIP LOCKED`), so relays never wait on each other.
 * Due-ness is judged by the database clock, the same clock that stamped the rows.
 */
export async function claimPendingOutbox(tx: DbOrTx, limit: number): Promise<OutboxRow[]> {
  return tx
    .select()
    .from(outbox)
    .where(and(isNull(outbox.relayedAt), lte(outbox.availableAt, sql`now()`)))
    .orderBy(asc(outbox.availableAt), asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markOutboxRelayed(tx: DbOrTx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(outbox)
    .set({ relayedAt: sql`now()`, lastError: null })
    // One array parameter for a batch of up to a hundred ids.
    .where(sql`${outbox.id} = any(${sql.param([...ids])}::bigint[])`);
}

/** Records a failed hand-over; the row waits `retryInMs` before it is tried again. */
export async function markOutboxFailed(
  tx: DbOrTx,
  id: number,
  error: string,
  retryInMs: number,
): Promise<void> {
  await tx
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 2000),
      availableAt: sql`now() + make_interval(secs => ${retryInMs / 1000})`,
    })
    .where(eq(outbox.id, id));
}

/**
 * Every row waiting out a retry delay is due now: the relay calls it when the queues answer again
 * after an outage, so what failed during it is handed over at once instead of at the end of its
 * backoff (up to a minute). Returns how many rows it moved.
 */
export async function makeWaitingOutboxDue(db: DbOrTx): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ availableAt: sql`now()` })
    .where(and(isNull(outbox.relayedAt), gt(outbox.attempts, 0), gt(outbox.availableAt, sql`now()`)))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Marks every row as not yet relayed and due now: an operator's full replay (jobs are idempotent). */
export async function resetOutboxForReplay(db: DbOrTx): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ relayedAt: null, availableAt: sql`now()`, attempts: 0, lastError: null })
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * After a restore from a backup, the queues' work of that moment is gone (Redis held it, the backup
 * did not): hands again every row of the cases still in `caseStates` (their stage jobs and armed
 * deadlines) and every row written in the `recentSeconds` before the newest row (follow-ups of
 * cases that ended just before the backup). Jobs are idempotent, so those already done change nothing.
 */
export async function reopenOutboxAfterRestore(
  db: DbOrTx,
  options: { caseStates: readonly CaseState[]; recentSeconds: number },
): Promise<number> {
  const newest = db.select({ at: max(outbox.createdAt) }).from(outbox);
  const rows = await db
    .update(outbox)
    .set({ relayedAt: null, availableAt: sql`now()`, attempts: 0, lastError: null })
    .where(
      and(
        isNotNull(outbox.relayedAt),
        or(
          inArray(
            outbox.caseId,
            db
              .select({ id: cases.id })
              .from(cases)
              .where(inArray(cases.state, [...options.caseStates])),
          ),
          gte(outbox.createdAt, sql`(${newest}) - make_interval(secs => ${options.recentSeconds})`),
        ),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/** Seconds since the oldest row still waiting was written, by the database clock; 0 when none waits. */
export async function oldestPendingOutboxAgeSeconds(db: DbOrTx): Promise<number> {
  const rows = await db
    .select({
      age: sql<number>`coalesce(extract(epoch from (now() - min(${outbox.createdAt}))), 0)::float8`,
    })
    .from(outbox)
    .where(isNull(outbox.relayedAt));
  return Math.max(0, rows[0]?.age ?? 0);
}

/** The creation time of the oldest row not yet relayed, or null when nothing waits. */
export async function oldestPendingOutboxCreatedAt(db: DbOrTx): Promise<Date | null> {
  const rows = await db
    .select({ oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(isNull(outbox.relayedAt));
  return rows[0]?.oldest ?? null;
}

export async function countPendingOutbox(db: DbOrTx): Promise<number> {
  const rows = await db.select({ n: count() }).from(outbox).where(isNull(outbox.relayedAt));
  return rows[0]?.n ?? 0;
}

export async function listOutboxOfCase(db: DbOrTx, caseId: string): Promise<OutboxRow[]> {
  return db.select().from(outbox).where(eq(outbox.caseId, caseId)).orderBy(asc(outbox.id));
}
