/**
 * The writes every transition shares, report or command, in the one statement of its case write:
 * the derived case columns (the plan's stamps, the pending request), the sealed event, the rollups,
 * the outbox rows (the reporter's updates among them), the webhook deliveries, the photos, and the officer tasks the plan finishes. What to write comes from
 * the plan (packages/domain); this file only turns it into rows.
 */
import {
  type CallerToUpdate,
  type CaseChanges,
  type CaseEventRow,
  type CaseRow,
  caseEventInsertQuery,
  caseMediaLinkQuery,
  type DbOrTx,
  lastActorOfCommand,
  openTasksCloseQuery,
  outboxInsertQuery,
  type RollupIncrement,
  rollupIncrementQuery,
  type WriteQuery,
} from '@urbangrid/db';
import type { Actor, CaseCommand, CaseSnapshot, StageStamp, TransitionPlan } from '@urbangrid/domain';
import { actorFields } from './actor-fields.js';
import { rollupIncrements, type StaffFacts } from './case-rollups.js';
import type { DeadlineTimer } from './deadline-clock.js';
import type { EngineContext } from './engine-context.js';
import { type EventContent, sealEvent } from './event-chain.js';
import { outboxRowsFor } from './follow-up-jobs.js';
import { localDay } from './local-day.js';
import { reporterUpdateRows } from './reporter-updates/reporter-update-jobs.js';
import { type EventData, mediaIdsOf } from './transition-checks.js';
import { eventDeliveryWrites } from './webhooks/event-deliveries.js';

/** The column of each moment a plan records. */
const stampColumn = {
  verified: 'verifiedAt',
  filed: 'filedAt',
  dispatched: 'dispatchedAt',
  accepted: 'acceptedAt',
  handled: 'handledAt',
  reviewed: 'reviewedAt',
  closed: 'closedAt',
  rejected: 'rejectedAt',
  cancelled: 'cancelledAt',
} as const satisfies Record<StageStamp, keyof CaseChanges>;

/** The plan's moments (its `stamps`) as columns, at the command's time. */
export function stampColumns(plan: TransitionPlan, now: Date): CaseChanges {
  const changes: CaseChanges = {};
  for (const stamp of plan.stamps) changes[stampColumn[stamp]] = now;
  return changes;
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
  /** The callers attached to the case (附加来电) the step's reporter updates also go to. */
  callers?: readonly CallerToUpdate[];
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
 * case id read from the case write), follow-up jobs, photos, the officer tasks the plan finishes
 * (a task the caller's own writes open is not seen by this update: one statement, one snapshot),
 * the caller's own writes, and the rollups last. The rollup rows are shared by every case of a day, district, category and staff
 * member; in one statement their locks last only its run.
 */
export function transitionWrites(
  db: DbOrTx,
  input: TransitionToWrite,
  rollups: readonly RollupIncrement[],
  extra: readonly WriteQuery[] = [],
): Array<WriteQuery | null> {
  const { plan, before, after, event } = input;
  const photos = mediaIdsOf(event.data as EventData);
  return [
    caseEventInsertQuery(writtenEvent(event)),
    outboxInsertQuery([
      ...outboxRowsFor(plan.followUps, input.timers, {
        after,
        eventId: event.id,
        departmentBefore: before?.departmentId ?? null,
      }),
      ...reporterUpdateRows(plan, after, event.id, input.callers),
    ]),
    caseMediaLinkQuery(
      photos.map((mediaId) => ({ caseId: after.id, mediaId, stage: plan.command, eventSeq: event.seq })),
    ),
    plan.closesTasks === null
      ? null
      : openTasksCloseQuery(db, after.id, plan.closesTasks.status, event.at, plan.closesTasks.kind),
    ...eventDeliveryWrites({ plan, before, after, event }),
    ...extra,
    rollupIncrementQuery(rollups),
  ];
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
