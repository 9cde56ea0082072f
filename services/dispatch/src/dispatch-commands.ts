/**
 * The dispatch desk's commands (派遣): verification (核实), filing (立案), rejection (不予立案),
 * dispatch (派遣), cancellation (作废), the decisions on extension (延期) and suspension (挂账)
 * requests, supervision orders (督办) and reassigning an officer's task (改派). Each is one engine command; the lifecycle table in
 * packages/domain decides who may issue it and from which state.
 */
import type { Urgency } from '@urbangrid/domain';
import {
  applyCommand,
  type CommandResult,
  type EngineContext,
  evidenceData,
  reassignTask,
} from '@urbangrid/engine';
import type { CaseCommandCall as CommandCall } from '@urbangrid/platform';

/** The case, as the route just read it within the caller's jurisdiction, and who acts at which version. */
const base = (call: CommandCall) => ({
  caseId: call.case.id,
  loaded: call.case,
  actor: call.actor,
  expectedVersion: call.expectedVersion,
});

/** 核实: the assigned officer reports whether the problem is there; not found rejects the case. */
export function verifyCase(
  engine: EngineContext,
  call: CommandCall,
  input: { found: boolean; note?: string; mediaIds?: string[] },
): Promise<CommandResult> {
  return applyCommand(engine, {
    ...base(call),
    command: { type: 'verify', found: input.found },
    data: evidenceData(input),
  });
}

/** 立案: the shift lead files the case, correcting its category or urgency if need be. */
export function fileCase(
  engine: EngineContext,
  call: CommandCall,
  input: { categoryCode?: string; urgency?: Urgency },
): Promise<CommandResult> {
  return applyCommand(engine, {
    ...base(call),
    command: { type: 'file' },
    amend: { categoryCode: input.categoryCode, urgency: input.urgency },
  });
}

/** 不予立案 */
export function rejectCase(engine: EngineContext, call: CommandCall, reason: string): Promise<CommandResult> {
  return applyCommand(engine, { ...base(call), command: { type: 'reject', reason } });
}

/** 作废: always with a reason (the lifecycle refuses an empty one). */
export function cancelCase(engine: EngineContext, call: CommandCall, reason: string): Promise<CommandResult> {
  return applyCommand(engine, { ...base(call), command: { type: 'cancel', reason } });
}

/** 派遣: to a department of the case's own city (the engine refuses any other). */
export function dispatchCase(
  engine: EngineContext,
  call: CommandCall,
  departmentId: string,
): Promise<CommandResult> {
  return applyCommand(engine, { ...base(call), command: { type: 'dispatch', departmentId } });
}

/** 延期审批: an approval moves the handling deadline by the requested working minutes. */
export function decideExtension(
  engine: EngineContext,
  call: CommandCall,
  input: { approve: boolean; note?: string },
): Promise<CommandResult> {
  return applyCommand(engine, {
    ...base(call),
    command: { type: 'decideExtension', approve: input.approve },
    data: evidenceData(input),
  });
}

/** 挂账审批: an approval suspends the case and stops its clock until the department resumes. */
export function decideSuspension(
  engine: EngineContext,
  call: CommandCall,
  input: { approve: boolean; note?: string },
): Promise<CommandResult> {
  return applyCommand(engine, {
    ...base(call),
    command: { type: 'decideSuspension', approve: input.approve },
    data: evidenceData(input),
  });
}

/** 督办: a supervisor escalates an overdue case; the engine marks it supervised and urgent. */
export function superviseCase(
  engine: EngineContext,
  call: CommandCall,
  note: string | undefined,
): Promise<CommandResult> {
  return applyCommand(engine, {
    ...base(call),
    command: note === undefined ? { type: 'superviseOrder' } : { type: 'superviseOrder', note },
  });
}

/** 改派: the shift lead sends an officer to the case's verification or check, with a note if any. */
export function reassignCase(
  engine: EngineContext,
  call: CommandCall,
  input: { officer: string; note?: string },
): Promise<CommandResult> {
  return reassignTask(engine, { ...base(call), officer: input.officer, data: evidenceData(input) });
}
