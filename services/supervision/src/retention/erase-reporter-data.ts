/**
 * One run of the reporter-data retention (个人信息保存期限, README: Security): every case that
 * ended more than `retentionDays` ago loses its reporter's personal data, a batch per transaction,
 * until none is due (packages/db reporter-erasure). The case, its history and its statistics stay.
 */
import { type Db, eraseReporterDataBatch } from '@urbangrid/db';
import { redactPhoneNumbers } from '@urbangrid/platform';

const dayMs = 24 * 3_600_000;

export interface ReporterErasureRun {
  /** Cases that ended before this instant were due. */
  endedBefore: Date;
  erased: number;
}

export async function eraseExpiredReporterData(
  db: Db,
  options: { retentionDays: number; now: Date; batchSize?: number },
): Promise<ReporterErasureRun> {
  const endedBefore = new Date(options.now.getTime() - options.retentionDays * dayMs);
  const limit = options.batchSize ?? 500;
  let erased = 0;
  for (;;) {
    const n = await eraseReporterDataBatch(db, {
      endedBefore,
      at: options.now,
      limit,
      redactDescription: redactPhoneNumbers,
    });
    erased += n;
    if (n < limit) return { endedBefore, erased };
  }
}
