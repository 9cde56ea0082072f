/**
 * Where the reports read (DATABASE_REPLICA_URL): a streaming replica when one is configured and
 * answers, else the primary. A probe asks the replica every few seconds; while it does not answer
 * (stopped, promoted away, network), the reports read from the primary, so a replica's outage
 * costs the primary some load and no report a 503.
 */
import { createDatabase, type Db } from '@urbangrid/db';
import type { Logger } from 'pino';

export interface ReportReads {
  /** The database the reports read from now. */
  db(): Db;
  /** Whether the replica answered its last probe (false without a replica). */
  onReplica(): boolean;
  close(): Promise<void>;
}

/** How often the replica is asked whether it answers; how long it may take to answer. */
export const replicaProbe = { everyMs: 3_000, timeoutMs: 1_500 };

export function primaryReads(primary: Db): ReportReads {
  return { db: () => primary, onReplica: () => false, close: async () => undefined };
}

export async function replicaReads(primary: Db, replicaUrl: string, logger: Logger): Promise<ReportReads> {
  const replica = createDatabase(replicaUrl, {
    max: 10,
    applicationName: 'urbangrid-reports',
    connectTimeoutMs: replicaProbe.timeoutMs,
  });
  let answering = false;
  const probe = async () => {
    let now: boolean;
    try {
      // A hot standby answers true; a primary here (a promoted replica, a wrong URL) reads fine too.
      await Promise.race([
        replica.pool.query('select pg_is_in_recovery()'),
        new Promise((_, reject) => setTimeout(reject, replicaProbe.timeoutMs).unref()),
      ]);
      now = true;
    } catch {
      now = false;
    }
    if (now !== answering) {
      if (now) logger.info('the reports read from the replica (DATABASE_REPLICA_URL)');
      else
        logger.warn('the replica (DATABASE_REPLICA_URL) does not answer: the reports read from the primary');
    }
    answering = now;
  };
  await probe();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    timer = setTimeout(() => {
      void probe().finally(() => {
        if (!stopped) next();
      });
    }, replicaProbe.everyMs);
    timer.unref();
  };
  next();
  return {
    db: () => (answering ? replica.db : primary),
    onReplica: () => answering,
    close: async () => {
      stopped = true;
      clearTimeout(timer);
      await replica.close();
    },
  };
}
