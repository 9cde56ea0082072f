/**
 * Check and close (核查结案, domain.md §3 step 6): the assigned officer checks the fix on site; a
 * failed check sends the case back to the same department as rework (返工); the shift lead closes a
 * checked case, and the engine records the closure type (on time, overdue, special).
 */
import { applyCommand, type CommandResult, type EngineContext, evidenceData } from '@urbangrid/engine';
import type { CaseCommandCall as CommandCall } from '@urbangrid/platform';

/** 核查: reviewing → reviewed when fixed, else → handling with the same department (rework). */
export function checkCase(
  engine: EngineContext,
  call: CommandCall,
  input: { fixed: boolean; note?: string; mediaIds?: string[] },
): Promise<CommandResult> {
  return applyCommand(engine, {
    caseId: call.case.id,
    loaded: call.case,
    command: { type: 'check', fixed: input.fixed },
    actor: call.actor,
    expectedVersion: call.expectedVersion,
    data: evidenceData(input),
  });
}

/** 结案: reviewed → closed; the closure type follows from the case's history. */
export function closeCase(engine: EngineContext, call: CommandCall): Promise<CommandResult> {
  return applyCommand(engine, {
    caseId: call.case.id,
    loaded: call.case,
    command: { type: 'close' },
    actor: call.actor,
    expectedVersion: call.expectedVersion,
  });
}
