/**
 * applyCommand: one command on one existing case — load the case, ask packages/domain for the
 * plan, make the checks the rules cannot (transition-checks.ts), then write the case at its version
 * (optimistic lock) together with the sealed event, the rollups, the follow-ups in the outbox and
 * the rest of the plan's outcome, as one statement (`writeCaseTogether`): all of it commits or
 * none. After the commit the change is announced (live hub, relay wake-up). What a command changes
 * is the plan's to say; this file only carries it out.
 */
import {
  type CaseChanges,
  type CaseEventRow,
  type CaseRow,
  callersToUpdate,
  caseRowAfterUpdate,
  caseSnapshotColumns,
  caseSnapshotOf,
  caseUpdateAtVersion,
  changedColumns,
  findCaseById,
  type WriteQuery,
  writeCaseTogether,
} from '@urbangrid/db';
import {
  type Actor,
  applyPlan,
  type CaseCommand,
  planTransition,
  reporterUpdateEventOf,
  type TransitionPlan,
  type Urgency,
} from '@urbangrid/domain';
import { isCategoryOpen } from '@urbangrid/reference';
import { clockChanges } from './deadline-clock.js';
import type { EngineContext } from './engine-context.js';
import { CaseNotFoundError, CommandRefusedError, EngineError, VersionConflictError } from './errors.js';
import { genesisHash } from './event-chain.js';
import { newId } from './ids.js';
import { localDay } from './local-day.js';
import { responsibleDepartment } from './responsibility.js';
import { checkDepartment, checkMedia, type EventData } from './transition-checks.js';
import {
  eventData,
  evidenceData,
  pendingRequestChange,
  sealDraft,
  stampColumns,
  transitionRollups,
  transitionWrites,
  writtenEvent,
} from './transition-writes.js';

/** Case fields the shift lead may correct when filing (立案): category and urgency. */
export interface CaseAmendment {
  categoryCode?: string;
  urgency?: Urgency;
}

export interface CommandRequest {
  caseId: string;
  /**
   * The case as the caller just read it (a route's scope check, a worker's job), so it is not read
   * again. Safe: the write checks the version, so a case changed since answers VERSION_CONFLICT.
   */
  loaded?: CaseRow;
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
  /** What the rules decided (the lifecycle row's outcome). */
  plan: TransitionPlan;
}

export interface CommandOptions {
  /**
   * More writes that must commit with the command or not at all (a worker's task row, say), given
   * the case and event as the command will leave them; they join the command's statement. Made
   * once the rules have allowed the command, so it may also check what the rules cannot see (and
   * throw an EngineError) before anything is written.
   */
  alsoWrite?: (result: CommandResult) => readonly WriteQuery[] | Promise<readonly WriteQuery[]>;
}

/** A command as a route hands it over: the note and photos that came with it are its evidence. */
export interface EvidencedCommandRequest extends Omit<CommandRequest, 'data' | 'amend'> {
  evidence: { note?: string; mediaIds?: readonly string[] };
}

/** How a service's command routes carry a command out (platform's `caseCommandRoutes`). */
export function commandApplier(
  context: EngineContext,
): (request: EvidencedCommandRequest) => Promise<CommandResult> {
  return ({ evidence, ...request }) => applyCommand(context, { ...request, data: evidenceData(evidence) });
}

export async function applyCommand(
  context: EngineContext,
  request: CommandRequest,
  options: CommandOptions = {},
): Promise<CommandResult> {
  await context.reference.prepare();
  const before =
    request.loaded?.id === request.caseId ? request.loaded : await findCaseById(context.db, request.caseId);
  if (before === null) throw new CaseNotFoundError(request.caseId);
  if (request.expectedVersion !== undefined && request.expectedVersion !== before.version) {
    throw new VersionConflictError(before.id, before.version, request.expectedVersion);
  }
  const planned = await planCommand(context, before, request);
  const { changes, transition } = planned;
  const result = { case: transition.after, event: writtenEvent(transition.event), plan: transition.plan };
  const extra = (await options.alsoWrite?.(result)) ?? [];
  const rollups = await transitionRollups(context, transition);
  const db = context.db;
  const written = await writeCaseTogether(
    db,
    caseUpdateAtVersion(db, before.id, before.version, changes),
    transitionWrites(db, transition, rollups, extra),
  );
  if (written === null) {
    const current = await findCaseById(db, before.id);
    throw new VersionConflictError(before.id, current?.version ?? before.version, before.version);
  }
  context.committed(transition.after);
  return result;
}

/** The command's plan and everything it will write, computed from the case as loaded. */
async function planCommand(context: EngineContext, before: CaseRow, request: CommandRequest) {
  const snapshot = caseSnapshotOf(before);
  const decision = planTransition(snapshot, request.command, request.actor);
  if (!decision.ok) throw new CommandRefusedError(decision.code, decision.reason);
  const plan = decision;
  const after = applyPlan(snapshot, plan);
  await checkDepartment(context.db, before, after);
  const data = eventData(request.command, request.data);
  await checkMedia(context.db, before.city, data);

  const now = context.now();
  const amended = await amendment(context, before, request);
  const newVersion = before.version + 1;
  const clock = await clockChanges({
    reference: context.reference,
    before,
    plan,
    city: before.city,
    categoryCode: amended.categoryCode ?? before.categoryCode,
    urgency: amended.urgency ?? after.urgency,
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
    ...caseSnapshotColumns(after),
    ...pendingRequestChange(snapshot, after, request.command, request.actor, now),
    ...stampColumns(plan, now),
    ...clock.columns,
    ...amended,
    ...(plan.suggestsDepartment
      ? {
          suggestedDepartmentId: await suggestedDepartment(
            context,
            before,
            amended,
            after.returnedByDepartmentIds,
          ),
        }
      : {}),
    updatedAt: now,
    lastEventHash: sealed.hash,
  };
  const transition = {
    plan,
    before,
    after: caseRowAfterUpdate(before, changes),
    event: sealed,
    timers: clock.timers,
    // The callers attached to the case hear of the step as its reporter does (附加来电).
    callers: reporterUpdateEventOf(plan) === null ? [] : await callersToUpdate(context.db, before.id),
  };
  // Only what differs is sent: most snapshot columns stay as they were.
  return { changes: changedColumns(before, changes), transition };
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
    const day = localDay(context.now(), await context.reference.cityTimeZone(before.city));
    if (!isCategoryOpen(category, before.city, day)) {
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
 * The department the responsibility matrix (权责清单) names for the case, with its category as
 * amended, passing over the departments that returned it (`returnedBy`).
 */
function suggestedDepartment(
  context: EngineContext,
  before: CaseRow,
  amended: CaseAmendment,
  returnedBy: readonly string[],
): Promise<string | null> {
  return responsibleDepartment(
    context.reference,
    {
      city: before.city,
      categoryCode: amended.categoryCode ?? before.categoryCode,
      communityCode: before.communityCode,
      streetCode: before.streetCode,
      districtCode: before.districtCode,
    },
    returnedBy,
  );
}
