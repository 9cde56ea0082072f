/**
 * A department's commands on its case (处置): sign for it (签收), report the fix (处理反馈), send it
 * back (回退), ask for more time (延期申请) or to park it (挂账申请), and resume after a suspension
 * (恢复处置). The lifecycle table in packages/domain allows them only to a handler of the case's
 * department.
 */
import { applyCommand, type CommandResult, type EngineContext, evidenceData } from '@urbangrid/engine';
import type { CaseCommandCall as CommandCall } from '@urbangrid/platform';

/** The case, as the route just read it within the caller's jurisdiction, and who acts at which version. */
const base = (call: CommandCall) => ({
  caseId: call.case.id,
  loaded: call.case,
  actor: call.actor,
  expectedVersion: call.expectedVersion,
});

/** 签收: dispatched → handling. */
export function acceptCase(engine: EngineContext, call: CommandCall): Promise<CommandResult> {
  return applyCommand(engine, { ...base(call), command: { type: 'accept' } });
}

/** 处理反馈: handling → handled; the case then goes to an officer of the grid for the check. */
export function completeCase(
  engine: EngineContext,
  call: CommandCall,
  input: { note: string; mediaIds?: string[] },
): Promise<CommandResult> {
  return applyCommand(engine, { ...base(call), command: { type: 'complete' }, data: evidenceData(input) });
}

/** 回退: not ours — back to `filed` for the dispatcher; the first dispatch counts as a dispatch error. */
export function returnCase(engine: EngineContext, call: CommandCall, reason: string): Promise<CommandResult> {
  return applyCommand(engine, { ...base(call), command: { type: 'return', reason } });
}

/** 延期申请: asks the dispatcher for more working minutes on the handling deadline. */
export function requestExtension(
  engine: EngineContext,
  call: CommandCall,
  input: { workMinutes: number; reason: string },
): Promise<CommandResult> {
  return applyCommand(engine, {
    ...base(call),
    command: { type: 'requestExtension', workMinutes: input.workMinutes, reason: input.reason },
  });
}

/** 挂账申请: asks the dispatcher to park the case with its clock stopped. */
export function requestSuspension(
  engine: EngineContext,
  call: CommandCall,
  reason: string,
): Promise<CommandResult> {
  return applyCommand(engine, { ...base(call), command: { type: 'requestSuspension', reason } });
}

/** 恢复处置: suspended → handling; the clock runs again with the time that was left. */
export function resumeCase(engine: EngineContext, call: CommandCall): Promise<CommandResult> {
  return applyCommand(engine, { ...base(call), command: { type: 'resume' } });
}
