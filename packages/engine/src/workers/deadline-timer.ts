/**
 * A stage deadline timer fires (80 % → yellow, 100 % → red). The case is re-read: a timer armed at
 * another version (the stage moved on, an extension re-armed it, a suspension stopped it) or one
 * that would not raise the light does nothing; otherwise the system command `markOverdue` records
 * the light and the overdue event, and the commit publishes the change.
 */
import { findCaseById } from '@urbangrid/db';
import { lightRank, systemActor } from '@urbangrid/domain';
import { applyCommand } from '../apply-command.js';
import type { EngineContext } from '../engine-context.js';
import { isEngineError } from '../errors.js';
import type { DeadlineJob } from '../queues.js';

export type DeadlineOutcome = 'raised' | 'stale' | 'unchanged';

export async function fireDeadline(context: EngineContext, job: DeadlineJob): Promise<DeadlineOutcome> {
  const row = await findCaseById(context.db, job.caseId);
  if (row === null || row.deadlineStage !== job.stage || row.deadlineArmedVersion !== job.armedVersion) {
    return 'stale';
  }
  if (lightRank(row.light) >= lightRank(job.light)) return 'unchanged';
  try {
    await applyCommand(context, {
      caseId: row.id,
      loaded: row,
      command: { type: 'markOverdue', stage: job.stage, light: job.light },
      actor: systemActor('deadline-timer'),
      expectedVersion: row.version,
    });
  } catch (error) {
    if (isEngineError(error) && error.code === 'TRANSITION_NOT_ALLOWED') return 'stale';
    throw error;
  }
  return 'raised';
}
