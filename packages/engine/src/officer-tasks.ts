/**
 * The personal tasks of officers (核实 verification, 核查 check): the task row a command hands over
 * with it, whether a stage worker chose the officer or the shift lead did (改派).
 */
import { type CaseRow, listOfficersForCase, taskInsertQuery, type WriteQuery } from '@urbangrid/db';
import type { Actor, OfficerTaskKind } from '@urbangrid/domain';
import { applyCommand, type CommandResult } from './apply-command.js';
import type { EngineContext } from './engine-context.js';
import { EngineError } from './errors.js';
import { newId } from './ids.js';
import type { EventData } from './transition-checks.js';

/** The task row for the officer the command named, built to join the command's statement. */
export function officerTaskWrite(
  result: CommandResult,
  task: { kind: OfficerTaskKind; officerId: string; fallback: boolean; caseVersion: number },
): WriteQuery {
  const after = result.case;
  return taskInsertQuery({
    id: newId(result.event.at),
    caseId: after.id,
    city: after.city,
    kind: task.kind,
    assigneeId: task.officerId,
    assignee: after.assignee ?? '',
    gridCode: after.gridCode,
    fallback: task.fallback,
    caseVersion: task.caseVersion,
    createdAt: result.event.at,
    dueAt: after.deadlineDue,
  });
}

export interface ReassignRequest {
  caseId: string;
  /** The case as the caller just read it (see `CommandRequest.loaded`). */
  loaded?: CaseRow;
  /** The username of the officer to send. */
  officer: string;
  actor: Actor;
  expectedVersion?: number;
  data?: EventData;
}

/**
 * 改派: the shift lead sends this officer to the case's verification or check — nobody was sent
 * (no officer covers the grid or its street) or the one sent cannot go. Any active officer of the
 * case's city may be sent; one from outside the grid gets the task flagged `fallback`, as a stage
 * worker's choice from the street would be. The earlier officer's open task is cancelled.
 */
export async function reassignTask(context: EngineContext, request: ReassignRequest): Promise<CommandResult> {
  return applyCommand(
    context,
    {
      caseId: request.caseId,
      loaded: request.loaded,
      command: { type: 'reassign', assignee: request.officer },
      actor: request.actor,
      expectedVersion: request.expectedVersion,
      data: request.data,
    },
    {
      // Only once the rules allow it: a caller who may not reassign (or a case in the wrong state)
      // learns nothing of officers.
      alsoWrite: async (result) => {
        const after = result.case;
        const [officer] = await listOfficersForCase(context.db, {
          city: after.city,
          gridCode: after.gridCode,
          streetCode: after.streetCode,
          at: context.now(),
          username: request.officer,
        });
        if (officer === undefined) {
          throw new EngineError(
            'VALIDATION_FAILED',
            `${request.officer} is not an active grid officer of this city`,
          );
        }
        return result.plan.opensTask === null
          ? []
          : [
              officerTaskWrite(result, {
                kind: result.plan.opensTask,
                officerId: officer.id,
                fallback: !officer.coversGrid,
                caseVersion: after.version,
              }),
            ];
      },
    },
  );
}
