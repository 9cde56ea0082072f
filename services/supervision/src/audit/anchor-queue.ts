/**
 * The anchor schedule: the queue map's `anchors` queue fires every hour, after the publication
 * (packages/engine scheduled-queue.ts), and its worker signs the chain heads of each city's
 * finished local days (local-midnights.ts). A job that runs twice writes the same files.
 */
import type { Db } from '@urbangrid/db';
import {
  type AuditKeys,
  queueName,
  type ScheduledQueue,
  type ScheduleOptions,
  startScheduledQueue,
} from '@urbangrid/engine';
import { afterEveryLocalMidnight } from '../local-midnights.js';
import { anchorFinishedDays } from './anchor-days.js';

export const anchorQueueName = queueName('anchors');
export const anchorSchedulerId = 'daily-chain-anchors';

export type AnchorScheduler = ScheduledQueue<'anchors'>;

export async function startAnchorScheduler(
  options: ScheduleOptions & {
    db: Db;
    keys: AuditKeys;
    /** ANCHOR_DIR: where the signed anchors are kept. */
    dir: string;
    now?: () => Date;
  },
): Promise<AnchorScheduler> {
  return startScheduledQueue(
    'anchors',
    {
      schedulerId: anchorSchedulerId,
      jobName: 'anchor-finished-days',
      // Twenty past every hour: each city's finished days within the hour after its midnight.
      pattern: afterEveryLocalMidnight('20 * * * *').pattern,
      async run() {
        const run = await anchorFinishedDays(options.db, {
          keys: options.keys,
          dir: options.dir,
          now: options.now?.() ?? new Date(),
        });
        options.logger?.info(
          { written: run.written.length, unchanged: run.unchanged },
          'chain heads anchored',
        );
        if (run.differs.length > 0) {
          options.logger?.error(
            { days: run.differs },
            'case histories differ from their signed anchors: run npm run audit:verify',
          );
        }
        return { written: run.written.length, unchanged: run.unchanged, differs: run.differs };
      },
    },
    options,
  );
}
