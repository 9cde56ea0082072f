/**
 * The writes every transition shares, report or command, in the one statement of its case write:
 * the derived case columns (stage timestamps, closure type, pending request), the sealed event, the
 * rollups, the outbox rows, the photos, and closing tasks that the transition finished.
 */
import {
  type CaseChanges,
  type CaseEventRow,
  type CaseIdOfWrite,
  type CaseRow,
  caseEventInsertQuery,
  caseMediaLinkQuery,
  type DbOrTx,
  existingMediaIds,
  lastActorOfCommand,
  openTasksCloseQuery,
  outboxInsertQuery,
  type RollupIncrement,
  rollupIncrementQuery,
  type WriteQuery,
} from '@urbangrid/db';
import type { Actor } from '@urbangrid/domain';
import { type CaseCommand, type CaseSnapshot, isTerminal, type TransitionPlan } from '@urbangrid/domain';
import { actorFields } from './actor-fields.js';
import { rollupIncrements, type StaffFacts } from './case-rollups.js';
import type { DeadlineTimer } from './deadline-clock.js';
import type { EngineContext } from './engine-context.js';
import { EngineError } from './errors.js';
import { type EventContent, sealEvent } from './event-chain.js';
import { outboxRowsFor } from './follow-up-jobs.js';
import { localDay } from './local-day.js';

/** Extra facts a command carries for the history: notes, photos, reasons (api.md bodies). */
export type EventData = Record<string, unknown>;

/** When a case entered each stage (the latest entry): what timeliness evaluation measures. */
export function stageTimestamps(plan: TransitionPlan, snapshot: CaseSnapshot, now: Date): CaseChanges {
  if (plan.from === plan.to) return {};
  const changes: CaseChanges = {};
  switch (plan.to) {
    case 'verified':
      changes.verifiedAt = now;
      break;
    case 'filed':
      if (plan.command === 'file') changes.filedAt = now;
      break;
    case 'dispatched':
      changes.dispatchedAt = now;
      break;
    case 'handling':
      if (plan.command === 'accept') changes.acceptedAt = now;
      break;
    case 'handled':
      changes.handledAt = now;
      break;
    case 'reviewed':
      changes.reviewedAt = now;
      // 自行处置: the officer's report is the verification, the fix and the check at once.
      if (plan.command === 'report') Object.assign(changes, { verifiedAt: now, handledAt: now });
      break;
    case 'closed':
      changes.closedAt = now;
      changes.closureType = closureType(snapshot);
      break;
    case 'rejected':
      changes.rejectedAt = now;
      break;
    case 'cancelled':
      changes.cancelledAt = now;
      break;
    default:
      break;
  }
  return changes;
}

/**
 * 结案类型: `special` when the case was ever suspended (挂账, closed under an approved exception),
 * `overdue` when any stage went red, else `on_time`.
 */
export function closureType(snapshot: CaseSnapshot): 'on_time' | 'overdue' | 'special' {
  if (snapshot.suspensionCount > 0) return 'special';
  if (snapshot.overdueCount > 0) return 'overdue';
  return 'on_time';
}

/** The stored pending request when the plan changed it; {} when it stays as it was. */
export function pendingRequestChange(
  before: CaseSnapshot | null,
  after: CaseSnapshot,
  command: CaseCommand,
  actor: Actor,
  now: Date,
): CaseChanges {
  if (
    before !== null &&
    before.pendingRequest === after.pendingRequest &&
    before.requestedExtensionMinutes === after.requestedExtensionMinutes
  ) {
    return {};
  }
  if (after.pendingRequest === null) return { pendingRequest: null };
  return {
    pendingRequest: {
      kind: after.pendingRequest,
      workMinutes: after.requestedExtensionMinutes,
      reason: 'reason' in command ? command.reason : '',
      requestedBy: actorFields(actor).actorName,
      at: now.toISOString(),
    },
  };
}

/** The event's data: the command's own fields, then what the caller adds. */
export function eventData(command: CaseCommand, extra: EventData | undefined): EventData {
  const { type: _type, ...fields } = command;
  return { ...fields, ...(extra ?? {}) };
}

/** A note and photos a person adds to a step (核实, 处理反馈, 核查, decisions), as event data. */
export function evidenceData(input: { note?: string; mediaIds?: readonly string[] }): EventData {
  const data: EventData = {};
  if (input.note !== undefined) data.note = input.note;
  if (input.mediaIds !== undefined && input.mediaIds.length > 0) data.mediaIds = [...input.mediaIds];
  return data;
}

export function mediaIdsOf(data: EventData): string[] {
  const ids = data.mediaIds;
  if (ids === undefined) return [];
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) {
    throw new EngineError('VALIDATION_FAILED', 'mediaIds must be a list of media ids');
  }
  return ids;
}

/** Refuses photos that were never uploaded, before anything is written. */
export async function checkMedia(db: DbOrTx, data: EventData): Promise<void> {
  const ids = mediaIdsOf(data);
  if (ids.length === 0) return;
  const known = await existingMediaIds(db, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new EngineError('VALIDATION_FAILED', `unknown media: ${unknown.join(', ')}`);
}

export interface EventDraft {
  id: string;
  caseId: string;
  city: string;
  seq: number;
  plan: TransitionPlan;
  actor: Actor;
  at: Date;
  data: EventData;
}

export function sealDraft(draft: EventDraft, prevHash: string): ReturnType<typeof sealEvent> {
  const content: EventContent = {
    id: draft.id,
    caseId: draft.caseId,
    seq: draft.seq,
    city: draft.city,
    command: draft.plan.command,
    fromState: draft.plan.from,
    toState: draft.plan.to,
    ...actorFields(draft.actor),
    at: draft.at,
    data: draft.data,
  };
  return sealEvent(content, prevHash);
}

/** A planned transition, ready to be written: the plan, the case before and after, the event. */
export interface TransitionToWrite {
  plan: TransitionPlan;
  before: CaseRow | null;
  /** The case as the write leaves it. */
  after: CaseRow;
  event: ReturnType<typeof sealEvent>;
  timers: readonly DeadlineTimer[];
}

/** The event row as written: the sealed content is every column of it. */
export function writtenEvent(sealed: ReturnType<typeof sealEvent>): CaseEventRow {
  return { ...sealed, fromState: sealed.fromState ?? null, data: sealed.data ?? {} } as CaseEventRow;
}

/**
 * What the transition adds to the rollups, read before the write: the city's day and who the staff
 * counts go to (a return or a cancellation judges an earlier step, looked up in the history).
 */
export async function transitionRollups(
  context: EngineContext,
  input: TransitionToWrite,
): Promise<RollupIncrement[]> {
  const { plan, before, after } = input;
  const day = localDay(input.event.at, await context.reference.cityTimeZone(after.city));
  const staff = await staffFacts(context.db, plan, before, input.event);
  return rollupIncrements(plan, before, after, day, staff);
}

/**
 * The writes that go with the case write in its statement (`writeCaseTogether`): the event (its
 * case id read from the case write), follow-up jobs, photos, the tasks the transition finished, the
 * caller's own writes, and the rollups last. The rollup rows are shared by every case of a day,
 * district, category and staff member; in one statement their locks last only its run.
 */
export function transitionWrites(
  db: DbOrTx,
  input: TransitionToWrite,
  rollups: readonly RollupIncrement[],
  caseIdOfWrite: CaseIdOfWrite,
  extra: readonly WriteQuery[] = [],
): Array<WriteQuery | null> {
  const { plan, before, after, event } = input;
  const photos = mediaIdsOf(event.data as EventData);
  return [
    caseEventInsertQuery(writtenEvent(event), caseIdOfWrite),
    outboxInsertQuery(
      db,
      outboxRowsFor(plan.followUps, input.timers, {
        after,
        eventId: event.id,
        departmentBefore: before?.departmentId ?? null,
      }),
    ),
    caseMediaLinkQuery(
      db,
      photos.map((mediaId) => ({ caseId: after.id, mediaId, stage: plan.command, eventSeq: event.seq })),
    ),
    closedTasks(db, plan, after.id, event.at),
    ...extra,
    rollupIncrementQuery(db, rollups),
  ];
}

/**
 * The tasks a transition finishes: all of a case that ends, the verification or check carried out,
 * the one an officer held when the shift lead sent someone else (改派; the new task joins the same
 * statement, which the close does not see).
 */
function closedTasks(db: DbOrTx, plan: TransitionPlan, caseId: string, at: Date): WriteQuery | null {
  if (isTerminal(plan.to) || plan.command === 'reassign')
    return openTasksCloseQuery(db, caseId, 'cancelled', at);
  if (plan.command === 'verify') return openTasksCloseQuery(db, caseId, 'done', at, 'verification');
  if (plan.command === 'check') return openTasksCloseQuery(db, caseId, 'done', at, 'check');
  return null;
}

/** Who the staff rollups count a command for; a return or a cancellation judges an earlier step. */
async function staffFacts(
  db: DbOrTx,
  plan: TransitionPlan,
  before: CaseRow | null,
  event: { actorName: string; actorRole?: string | null },
): Promise<StaffFacts> {
  const isStaff = event.actorRole !== 'integration' && event.actorRole !== 'system';
  const facts: StaffFacts = { actor: isStaff ? event.actorName : null };
  if (before === null) return facts;
  if (plan.command === 'return') facts.dispatchedBy = await lastActorOfCommand(db, before.id, 'dispatch');
  if (plan.command === 'cancel' && before.filedAt !== null) {
    facts.filedBy = await lastActorOfCommand(db, before.id, 'file');
  }
  return facts;
}
