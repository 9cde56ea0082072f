/**
 * The writes every transition shares, report or command, inside its transaction: the derived case
 * columns (stage timestamps, closure type, pending request), the sealed event, the rollups, the
 * outbox rows, the photos, and closing tasks that the transition finished.
 */
import {
  type CaseChanges,
  type CaseEventRow,
  type CaseRow,
  closeOpenTasks,
  existingMediaIds,
  incrementRollups,
  insertCaseEvent,
  insertOutboxRows,
  lastActorOfCommand,
  linkCaseMedia,
  type Tx,
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
export async function checkMedia(tx: Tx, data: EventData): Promise<void> {
  const ids = mediaIdsOf(data);
  if (ids.length === 0) return;
  const known = await existingMediaIds(tx, ids);
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

export interface RecordTransitionInput {
  plan: TransitionPlan;
  before: CaseRow | null;
  after: CaseRow;
  event: ReturnType<typeof sealEvent>;
  timers: readonly DeadlineTimer[];
}

/**
 * Everything after the case row is written but the rollups: event, outbox, photos, tasks. The
 * caller adds its own writes, then ends with `recordRollups`.
 */
export async function recordTransition(tx: Tx, input: RecordTransitionInput): Promise<CaseEventRow> {
  const { plan, before, after } = input;
  const event = await insertCaseEvent(tx, input.event);
  await insertOutboxRows(
    tx,
    outboxRowsFor(plan.followUps, input.timers, {
      after,
      eventId: event.id,
      departmentBefore: before?.departmentId ?? null,
    }),
  );
  const photos = mediaIdsOf(input.event.data as EventData);
  await linkCaseMedia(
    tx,
    photos.map((mediaId) => ({ caseId: after.id, mediaId, stage: plan.command, eventSeq: event.seq })),
  );
  if (isTerminal(plan.to)) await closeOpenTasks(tx, after.id, 'cancelled', event.at);
  else if (plan.command === 'verify') await closeOpenTasks(tx, after.id, 'done', event.at, 'verification');
  else if (plan.command === 'check') await closeOpenTasks(tx, after.id, 'done', event.at, 'check');
  return event;
}

/**
 * The transition's rollups: the last write of every command's transaction. The rollup rows are
 * shared by every case of a day, district, category and staff member, and their row locks are held
 * until the commit; with nothing but the commit after them, concurrent commands wait for each
 * other least (each further round trip would add an event-loop turn to every waiter's queue).
 */
export async function recordRollups(
  tx: Tx,
  context: EngineContext,
  input: RecordTransitionInput,
): Promise<void> {
  const { plan, before, after } = input;
  const day = localDay(input.event.at, await context.reference.cityTimeZone(after.city));
  const staff = await staffFacts(tx, plan, before, input.event);
  await incrementRollups(tx, rollupIncrements(plan, before, after, day, staff));
}

/** Who the staff rollups count a command for; a return or a cancellation judges an earlier step. */
async function staffFacts(
  tx: Tx,
  plan: TransitionPlan,
  before: CaseRow | null,
  event: { actorName: string; actorRole?: string | null },
): Promise<StaffFacts> {
  const isStaff = event.actorRole !== 'integration' && event.actorRole !== 'system';
  const facts: StaffFacts = { actor: isStaff ? event.actorName : null };
  if (before === null) return facts;
  if (plan.command === 'return') facts.dispatchedBy = await lastActorOfCommand(tx, before.id, 'dispatch');
  if (plan.command === 'cancel' && before.filedAt !== null) {
    facts.filedBy = await lastActorOfCommand(tx, before.id, 'file');
  }
  return facts;
}
