/**
 * applyCommand: one command on one existing case, in one transaction — load the case, ask
 * packages/domain for the plan, write the case at its version (optimistic lock), append the sealed
 * event, bump the rollups, queue the follow-ups in the outbox. After the commit the change is
 * announced (live hub, relay wake-up).
 */
import {
  type CaseChanges,
  type CaseEventRow,
  type CaseRow,
  findCaseById,
  type Tx,
  updateCaseAtVersion,
} from '@urbangrid/db';
import { type Actor, applyPlan, type CaseCommand, planTransition, type Urgency } from '@urbangrid/domain';
import { snapshotColumns, snapshotOf } from './case-snapshot.js';
import { clockChanges } from './deadline-clock.js';
import type { EngineContext } from './engine-context.js';
import { CaseNotFoundError, CommandRefusedError, EngineError, VersionConflictError } from './errors.js';
import { genesisHash } from './event-chain.js';
import { newId } from './ids.js';
import { responsibleDepartment } from './responsibility.js';
import {
  checkMedia,
  type EventData,
  eventData,
  pendingRequestChange,
  type RecordTransitionInput,
  recordRollups,
  recordTransition,
  sealDraft,
  stageTimestamps,
} from './transition-writes.js';

/** Case fields the shift lead may correct when filing (立案): category and urgency. */
export interface CaseAmendment {
  categoryCode?: string;
  urgency?: Urgency;
}

export interface CommandRequest {
  caseId: string;
  command: CaseCommand;
  actor: Actor;
  /** The version the caller saw; a different current version answers VERSION_CONFLICT. */
  expectedVersion?: number;
  /** Notes, photos (`mediaIds`) and other facts for the event. */
  data?: EventData;
  /** Only with `file`. */
  amend?: CaseAmendment;
}

export interface CommandResult {
  case: CaseRow;
  event: CaseEventRow;
}

export interface CommandOptions {
  /**
   * More writes that must commit with the command or not at all (a worker's task row, say); runs
   * in the command's transaction after the event is written.
   */
  within?: (tx: Tx, result: CommandResult) => Promise<void>;
}

export async function applyCommand(
  context: EngineContext,
  request: CommandRequest,
  options: CommandOptions = {},
): Promise<CommandResult> {
  await context.reference.prepare();
  const result = await context.db.transaction(async (tx) => {
    const { result: applied, transition } = await applyCommandInTransaction(tx, context, request);
    await options.within?.(tx, applied);
    await recordRollups(tx, context, transition);
    return applied;
  });
  context.committed(result.case);
  return result;
}

async function applyCommandInTransaction(
  tx: Tx,
  context: EngineContext,
  request: CommandRequest,
): Promise<{ result: CommandResult; transition: RecordTransitionInput }> {
  const before = await findCaseById(tx, request.caseId);
  if (before === null) throw new CaseNotFoundError(request.caseId);
  if (request.expectedVersion !== undefined && request.expectedVersion !== before.version) {
    throw new VersionConflictError(before.id, before.version, request.expectedVersion);
  }
  const snapshot = snapshotOf(before);
  const decision = planTransition(snapshot, request.command, request.actor);
  if (!decision.ok) throw new CommandRefusedError(decision.code, decision.reason);
  const plan = decision;
  const data = eventData(request.command, request.data);
  await checkMedia(tx, data);

  const now = context.now();
  const after = applyPlan(snapshot, plan);
  const amended = await amendment(context, before, request);
  const newVersion = before.version + 1;
  const clock = await clockChanges({
    reference: context.reference,
    before,
    plan,
    city: before.city,
    categoryCode: amended.categoryCode ?? before.categoryCode,
    urgency: amended.urgency ?? before.urgency,
    departmentId: after.departmentId,
    newVersion,
    now,
  });
  const draft = {
    id: newId(now),
    caseId: before.id,
    city: before.city,
    seq: newVersion,
    plan,
    actor: request.actor,
    at: now,
    data: { ...data, ...amendmentData(before, amended) },
  };
  const sealed = sealDraft(draft, before.lastEventHash ?? genesisHash);
  const changes: CaseChanges = {
    ...snapshotColumns(after),
    ...pendingRequestChange(snapshot, after, request.command, request.actor, now),
    ...stageTimestamps(plan, after, now),
    ...clock.columns,
    ...amended,
    ...(await departmentColumns(tx, context, before, plan.command, after.departmentId, amended)),
    ...(plan.command === 'superviseOrder' ? { supervised: true, urgency: 'urgent' } : {}),
    updatedAt: now,
    lastEventHash: sealed.hash,
  };
  const written = await updateCaseAtVersion(tx, before.id, before.version, changes);
  if (written === null) {
    const current = await findCaseById(tx, before.id);
    throw new VersionConflictError(before.id, current?.version ?? before.version, before.version);
  }
  const transition = { plan, before, after: written, event: sealed, timers: clock.timers };
  const event = await recordTransition(tx, transition);
  return { result: { case: written, event }, transition };
}

/** Validates a filing amendment: only `file` may change category and urgency, to a known category. */
async function amendment(
  context: EngineContext,
  before: CaseRow,
  request: CommandRequest,
): Promise<CaseAmendment> {
  const amend = request.amend;
  if (amend === undefined || (amend.categoryCode === undefined && amend.urgency === undefined)) return {};
  if (request.command.type !== 'file') {
    throw new EngineError('VALIDATION_FAILED', 'category and urgency can be changed only when filing');
  }
  const changes: CaseAmendment = {};
  if (amend.categoryCode !== undefined && amend.categoryCode !== before.categoryCode) {
    const category = await context.reference.category(amend.categoryCode);
    if (category === null || !category.active || (category.city !== null && category.city !== before.city)) {
      throw new EngineError('VALIDATION_FAILED', `categoryCode: unknown category ${amend.categoryCode}`);
    }
    changes.categoryCode = amend.categoryCode;
  }
  if (amend.urgency !== undefined && amend.urgency !== before.urgency) changes.urgency = amend.urgency;
  return changes;
}

/** What the history records of an amendment: the old and new values. */
function amendmentData(before: CaseRow, amended: CaseAmendment): EventData {
  const data: EventData = {};
  if (amended.categoryCode !== undefined)
    data.categoryChange = { from: before.categoryCode, to: amended.categoryCode };
  if (amended.urgency !== undefined) data.urgencyChange = { from: before.urgency, to: amended.urgency };
  return data;
}

/**
 * The suggested department (filing looks it up in the responsibility matrix, 权责清单) and the
 * first department (kept from the first dispatch, so a later return counts against it).
 */
async function departmentColumns(
  tx: Tx,
  context: EngineContext,
  before: CaseRow,
  command: CaseCommand['type'],
  departmentId: string | null,
  amended: CaseAmendment,
): Promise<CaseChanges> {
  if (command === 'file') {
    const suggested = await responsibleDepartment(tx, context.reference, {
      city: before.city,
      categoryCode: amended.categoryCode ?? before.categoryCode,
      communityCode: before.communityCode,
      streetCode: before.streetCode,
      districtCode: before.districtCode,
    });
    return { suggestedDepartmentId: suggested };
  }
  if (command === 'dispatch' && before.firstDepartmentId === null) return { firstDepartmentId: departmentId };
  return {};
}
