/**
 * What every engine function needs, built once per process and passed around: the database, the
 * clock (injectable, so tests move time instead of sleeping), the process's reference data
 * (@urbangrid/reference), and what to do after a commit (publish the live change, wake the relay).
 */
import type { CaseRow, Db } from '@urbangrid/db';
import { type CaseChangedMessage, encodeLiveMessage, liveChannel } from '@urbangrid/live';
import { connectionTrouble, publish, type RedisClient } from '@urbangrid/redis';
import { createReferenceData, type ReferenceData } from '@urbangrid/reference';
import { ZodError } from 'zod';

/** The part of a pino logger the engine uses; a pino Logger fits as is. */
export interface EngineLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: EngineLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** One committed state change on the live channel (its shape is @urbangrid/live's). */
export type { CaseChangedMessage };

export type PublishCaseChanged = (message: CaseChangedMessage) => Promise<void> | void;

/** Publishes on the Redis channel every process's live hub listens to (`liveChannel(prefix)`). */
export function publishToRedis(redis: RedisClient, prefix: string): PublishCaseChanged {
  return async (message) => {
    await publish(redis, liveChannel(prefix), encodeLiveMessage(message));
  };
}

/** Point → unit grid code, or null outside every grid (packages/geo's locator fits). */
export type LocateGrid = (lat: number, lng: number) => string | null;

export interface EngineContext {
  readonly db: Db;
  readonly now: () => Date;
  readonly reference: ReferenceData;
  readonly logger: EngineLogger;
  readonly locateGrid: LocateGrid | undefined;
  /** How concurrent reports are written together (`report-groups.ts`); false: each alone. */
  readonly reportGroups: ReportGrouping | false;
  /** Announces a committed change: live publish (best effort) and in-process listeners. */
  committed(row: CaseRow): void;
  /** Listens to commits in this process (the relay wakes on them); returns the unsubscribe. */
  onCommitted(listener: (row: CaseRow) => void): () => void;
}

export interface EngineContextOptions {
  db: Db;
  now?: () => Date;
  publish?: PublishCaseChanged;
  logger?: EngineLogger;
  locateGrid?: LocateGrid;
  /** The process's reference data (shared with its HTTP layer); default one of its own. */
  reference?: ReferenceData;
  /** Default `defaultReportGrouping`. */
  reportGroups?: ReportGrouping | false;
}

/** Reports that reach their write within `windowMs` of each other share one statement, up to `maxSize`. */
export interface ReportGrouping {
  windowMs: number;
  maxSize: number;
}

export const defaultReportGrouping: ReportGrouping = { windowMs: 3, maxSize: 32 };

export function caseChangedMessage(row: CaseRow): CaseChangedMessage {
  return {
    type: 'case.changed',
    caseId: row.id,
    caseNo: row.caseNo,
    state: row.state,
    version: row.version,
    at: row.updatedAt.toISOString(),
    city: row.city,
    gridCode: row.gridCode,
    districtCode: row.districtCode,
    departmentId: row.departmentId,
    assignee: row.assignee,
    reporterUsername: row.reporterUsername,
  };
}

export function createEngineContext(options: EngineContextOptions): EngineContext {
  const logger = options.logger ?? silentLogger;
  const listeners = new Set<(row: CaseRow) => void>();
  const publish = options.publish;
  // While Redis is away every commit's publish fails: one line when that starts, one per 30 s
  // while it lasts and one when publishes go through again, not a line (and stack) per commit.
  const publishTrouble = connectionTrouble('live publish', logger);
  return {
    db: options.db,
    now: options.now ?? (() => new Date()),
    reference: options.reference ?? createReferenceData({ db: options.db }),
    logger,
    locateGrid: options.locateGrid,
    reportGroups: options.reportGroups ?? defaultReportGrouping,
    committed(row) {
      for (const listener of listeners) {
        try {
          listener(row);
        } catch (error) {
          logger.warn({ err: error, caseId: row.id }, 'commit listener failed');
        }
      }
      if (publish === undefined) return;
      // Best effort: the change is committed; a board that misses it re-reads on reconnect or poll.
      Promise.resolve()
        .then(() => publish(caseChangedMessage(row)))
        .then(publishTrouble.recovered, (error: unknown) => {
          // A message its schema refuses is a bug, not an outage: said each time, with its stack.
          if (error instanceof ZodError) logger.warn({ err: error, caseId: row.id }, 'live publish failed');
          else publishTrouble.error(error);
        });
    },
    onCommitted(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
