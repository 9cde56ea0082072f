/**
 * The verify and review stages' automatic part: hand the verification (核实) or check (核查) task
 * to an officer — the system command `assignVerification` / `startReview` and the officer's task
 * row, committed together. A job that runs twice finds the case already moved on (the command is no
 * longer allowed) and does nothing. With nobody to send (no officer of the grid or its street), the
 * job fails and is tried again (every minute, see `queues.ts`); the shift lead hears of it at the
 * first try, and the case waits in their queue (`awaitingOfficer`) meanwhile.
 */
import { type CaseRow, findCaseById } from '@urbangrid/db';
import { type CaseCommand, systemActor } from '@urbangrid/domain';
import { applyCommand } from '../apply-command.js';
import type { EngineContext } from '../engine-context.js';
import { isEngineError } from '../errors.js';
import { officerTaskWrite } from '../officer-tasks.js';
import type { TaskJob } from '../queues.js';
import { type DeliverNotice, sendNoticeAbout } from './notices.js';
import { chooseOfficer } from './officer-choice.js';
import type { JobRun } from './stage-workers.js';

export type TaskOutcome =
  | { kind: 'assigned'; assignee: string; fallback: boolean }
  | { kind: 'done already' };

const waitingState = { verification: 'reported', check: 'handled' } as const;

/** Nobody can be sent: the job fails, so the queue tries again later. */
export class NoOfficerError extends Error {
  override readonly name = 'NoOfficerError';
  constructor(gridCode: string, streetCode: string) {
    super(`no officer for grid ${gridCode} or street ${streetCode}`);
  }
}

export async function assignTask(
  context: EngineContext,
  deliver: DeliverNotice,
  job: TaskJob,
  run: JobRun,
  /** The case as the job already read it; read here when not given. */
  loaded?: CaseRow | null,
): Promise<TaskOutcome> {
  const row = loaded === undefined ? await findCaseById(context.db, job.caseId) : loaded;
  // Moved on since the job was written (assigned by an earlier run, cancelled, rejected...).
  if (row === null || row.state !== waitingState[job.task]) return { kind: 'done already' };
  const choice = await chooseOfficer(context.db, {
    gridCode: row.gridCode,
    streetCode: row.streetCode,
    at: context.now(),
    avoid: job.task === 'check' && row.reporterUsername !== null ? [row.reporterUsername] : [],
  });
  if (choice === null) {
    if (run.attemptsMade === 0) {
      await sendNoticeAbout(context, deliver, row, {
        id: `${run.id}-no-officer`,
        audience: 'shift_lead',
        event: `${job.task}.noOfficer`,
        departmentId: null,
      });
    }
    throw new NoOfficerError(row.gridCode, row.streetCode);
  }
  const assignee = choice.officer.username;
  const command: CaseCommand =
    job.task === 'verification'
      ? { type: 'assignVerification', assignee }
      : { type: 'startReview', assignee };
  try {
    await applyCommand(
      context,
      {
        caseId: row.id,
        loaded: row,
        command,
        actor: systemActor(job.task === 'verification' ? 'verify-stage' : 'review-stage'),
        expectedVersion: row.version,
        data: choice.fallback ? { fallback: true } : undefined,
      },
      {
        alsoWrite: (result) => [
          officerTaskWrite(result, {
            kind: job.task,
            officerId: choice.officer.id,
            fallback: choice.fallback,
            caseVersion: job.caseVersion,
          }),
        ],
      },
    );
  } catch (error) {
    if (isEngineError(error) && error.code === 'TRANSITION_NOT_ALLOWED') return { kind: 'done already' };
    throw error;
  }
  return { kind: 'assigned', assignee, fallback: choice.fallback };
}
