/**
 * A case as every route returns it (api.md "Cases"), and its timeline. One serializer for all
 * services, so a field means the same thing on every screen; the reporter's phone is shown as the
 * caller may see it (in full to intake operators only, masked to everyone else), and
 * `allowedCommands` are the commands the lifecycle table lets the caller apply to it now (what a
 * screen shows as buttons).
 */
import {
  type CameraBurstRow,
  type CaseCallerRow,
  type CaseEventRow,
  type CaseNames,
  type CaseRow,
  caseSnapshotOf,
  type Police110UpdateRow,
} from '@urbangrid/db';
import {
  availableCommands,
  caseStates,
  humanCommands,
  lights,
  police110Statuses,
  type QuestionAnswer,
  questionAnswerSchema,
  reportSources,
  urgencies,
} from '@urbangrid/domain';
import { z } from 'zod';
import { type Actor, toDomainActor } from '../auth/actor.js';
import { maySeeFullPhone, phoneFor } from '../personal-data/phone.js';
import { notePhoneViewed } from '../personal-data/phone-access.js';

const isoTime = z.iso.datetime({ offset: true });

// Named in the OpenAPI document, so the console's generated types carry these names.
export const caseStateSchema = z.enum(caseStates).meta({ id: 'CaseState' });
const lightSchema = z.enum(lights).meta({ id: 'Light' });
const urgencySchema = z.enum(urgencies).meta({ id: 'Urgency' });
const reportSourceSchema = z.enum(reportSources).meta({ id: 'ReportSource' });

export const caseViewSchema = z
  .object({
    id: z.string(),
    caseNo: z.string(),
    city: z.string(),
    source: reportSourceSchema,
    state: caseStateSchema,
    version: z.number().int(),
    categoryCode: z.string(),
    urgency: urgencySchema,
    description: z.string(),
    location: z.object({ lat: z.number(), lng: z.number() }),
    address: z.string().nullable(),
    gridCode: z.string(),
    districtCode: z.string(),
    streetCode: z.string(),
    communityCode: z.string(),
    departmentId: z.string().nullable(),
    suggestedDepartmentId: z.string().nullable(),
    /** Username who must act next on a personal task (verification, check), else null. */
    assignee: z.string().nullable(),
    deadline: z.object({
      stage: z.string().nullable(),
      due: isoTime.nullable(),
      light: lightSchema,
      /**
       * `due` falls past the last day whose public holidays the calendar knows: it was counted on
       * the weekly periods alone and may move once the year is loaded.
       */
      beyondCalendar: z.boolean(),
    }),
    reworkCount: z.number().int(),
    /** 回退: how often a department returned the case, which ones (never suggested again), and why last. */
    returnCount: z.number().int(),
    returnedByDepartmentIds: z.array(z.string()),
    lastReturnReason: z.string().nullable(),
    extensionCount: z.number().int(),
    suspensionCount: z.number().int(),
    /** 督办: a supervisor escalated the case. */
    supervised: z.boolean(),
    selfHandled: z.boolean(),
    /** Flags for the shift lead (photo far from the point, taken long before the report, ...). */
    flags: z.array(z.string()),
    duplicateOf: z.string().nullable(),
    /** A pending extension (延期) or suspension (挂账) request awaiting the dispatcher. */
    pendingRequest: z
      .object({
        kind: z.enum(['extension', 'suspension']),
        workMinutes: z.number().nullable(),
        reason: z.string(),
        requestedBy: z.string(),
        at: z.string(),
      })
      .nullable(),
    reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    /**
     * When the reporter's personal data was erased, the retention period after the case ended
     * having passed (REPORTER_DATA_RETENTION_DAYS); `reporter` is null from then on.
     */
    reporterErasedAt: isoTime.nullable(),
    closureType: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
    closedAt: isoTime.nullable(),
    /** The commands the caller may apply to the case now (api.md), payload aside. */
    allowedCommands: z.array(z.enum(humanCommands)),
  })
  .meta({ id: 'Case' });

export type CaseView = z.infer<typeof caseViewSchema>;

export const timelineEntrySchema = z
  .object({
    seq: z.number().int(),
    command: z.string(),
    fromState: caseStateSchema.nullable(),
    toState: caseStateSchema,
    actor: z.string(),
    at: isoTime,
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEntry' });

/** What a person reads in place of codes and usernames (issue 16.7). */
export const caseNamesSchema = z
  .object({
    /** username → display name: the assignee, the timeline's actors, who asked for a decision. */
    people: z.record(z.string(), z.string()),
    grid: z.object({ code: z.string(), name: z.string() }).nullable(),
    district: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
  })
  .meta({ id: 'CaseNames' });

/** The camera burst a video case was opened by (视频识别): its detections counted and its latest photo. */
export const cameraBurstSchema = z
  .object({
    cameraId: z.string(),
    /** Detections counted into the case so far. */
    detections: z.number().int(),
    firstAt: isoTime,
    lastAt: isoTime,
    /** The photo of the latest detection that sent one. */
    latestMediaId: z.string().nullable(),
  })
  .meta({ id: 'CameraBurst' });

export function toCameraBurst(row: CameraBurstRow): z.infer<typeof cameraBurstSchema> {
  return {
    cameraId: row.cameraId,
    detections: row.detections,
    firstAt: row.firstAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
    latestMediaId: row.latestMediaId,
  };
}

/**
 * The case's 110 side (与110的对接): 110's call id for a call it handed over to us; 110's reference
 * and status, with every update it posted, for a case handed over to it (移交110).
 */
export const police110LinkSchema = z
  .object({
    /** 110's call id: the case came from 110 (source police110). */
    callId: z.string().nullable(),
    /** 110's reference (接警单号) of a case handed over to it, once 110 has said it. */
    reference: z.string().nullable(),
    status: z.enum(police110Statuses).nullable(),
    updates: z.array(
      z.object({
        updateId: z.string(),
        reference: z.string(),
        status: z.enum(police110Statuses),
        note: z.string().nullable(),
        occurredAt: isoTime,
        receivedAt: isoTime,
      }),
    ),
  })
  .meta({ id: 'Police110Link' });

export type Police110Link = z.infer<typeof police110LinkSchema>;

/** The 110 side of a case, or null for a case 110 has no part in. */
export function toPolice110Link(row: CaseRow, updates: readonly Police110UpdateRow[]): Police110Link | null {
  if (row.source !== 'police110' && row.closureType !== 'handed_to_110') return null;
  const items = updates.map((update) => ({
    updateId: update.updateId,
    reference: update.reference,
    status: z.enum(police110Statuses).parse(update.status),
    note: update.note,
    occurredAt: update.occurredAt.toISOString(),
    receivedAt: update.receivedAt.toISOString(),
  }));
  const latest = items.at(-1);
  return {
    callId: row.source === 'police110' ? row.callId : null,
    reference: latest?.reference ?? null,
    status: latest?.status ?? null,
    updates: items,
  };
}

/**
 * A caller attached to the case (附加来电): another call about its problem. Their phone as the
 * viewer may see the reporter's (in full to intake operators, recorded; masked to everyone else);
 * their email is never shown, only whether they hear of the case's steps.
 */
export const caseCallerSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    /** What this caller said. */
    description: z.string().nullable(),
    wantsCallback: z.boolean(),
    /** Whether they are told of the case's steps (they left a phone or an email and did not opt out). */
    updates: z.boolean(),
    attachedBy: z.string(),
    attachedAt: isoTime,
  })
  .meta({ id: 'CaseCaller' });

export type CaseCallerView = z.infer<typeof caseCallerSchema>;

/** A caller attached to `row` as `viewer` may see them (null phone once erased). */
export function toCaseCaller(
  caller: CaseCallerRow,
  row: CaseRow,
  viewer: Actor,
  phoneKey: Buffer,
): CaseCallerView {
  return {
    id: caller.id,
    name: caller.name,
    phone: caller.phoneEnc === null ? null : safePhone(viewer, phoneKey, row, caller.phoneEnc),
    description: caller.description,
    wantsCallback: caller.wantsCallback,
    updates:
      caller.updates && caller.erasedAt === null && (caller.emailEnc !== null || caller.phoneEnc !== null),
    attachedBy: caller.attachedBy,
    attachedAt: caller.attachedAt.toISOString(),
  };
}

export const caseDetailSchema = caseViewSchema
  .extend({
    /** Only for a case other calls were attached to (附加来电), first attached first. */
    callers: z.array(caseCallerSchema).optional(),
    timeline: z.array(timelineEntrySchema),
    names: caseNamesSchema,
    /** Only for a case a camera's detections opened. */
    cameraBurst: cameraBurstSchema.optional(),
    /** Only for a case 110 handed over, or one handed over to 110. */
    police110: police110LinkSchema.optional(),
    /** The reporter's answers to the category's questions (追问), as asked and answered then. */
    answers: z.array(questionAnswerSchema).optional(),
  })
  .meta({ id: 'CaseDetail' });

export type CaseDetail = z.infer<typeof caseDetailSchema>;

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/**
 * The case as `viewer` may see it; `phoneKey` decrypts the reporter's phone (config.phoneEncryptionKey).
 * The text columns hold only the lifecycle's values (the engine writes nothing else); reading them
 * through their enums types the view, and a stray value stops here, named, not in the serializer.
 */
export function toCaseView(row: CaseRow, viewer: Actor, phoneKey: Buffer): CaseView {
  const phone = row.reporterPhoneEnc === null ? null : safePhone(viewer, phoneKey, row);
  return {
    id: row.id,
    caseNo: row.caseNo,
    city: row.city,
    source: reportSourceSchema.parse(row.source),
    state: caseStateSchema.parse(row.state),
    version: row.version,
    categoryCode: row.categoryCode,
    urgency: urgencySchema.parse(row.urgency),
    description: row.description,
    location: { lat: row.lat, lng: row.lng },
    address: row.address,
    gridCode: row.gridCode,
    districtCode: row.districtCode,
    streetCode: row.streetCode,
    communityCode: row.communityCode,
    departmentId: row.departmentId,
    suggestedDepartmentId: row.suggestedDepartmentId,
    assignee: row.assignee,
    deadline: {
      stage: row.deadlineStage,
      due: iso(row.deadlineDue),
      light: lightSchema.parse(row.light),
      beyondCalendar: row.deadlineBeyondCalendar,
    },
    reworkCount: row.reworkCount,
    returnCount: row.returnCount,
    returnedByDepartmentIds: row.returnedByDepartmentIds,
    lastReturnReason: row.lastReturnReason,
    extensionCount: row.extensionCount,
    suspensionCount: row.suspensionCount,
    supervised: row.supervised,
    selfHandled: row.selfHandled,
    flags: row.flags,
    duplicateOf: row.duplicateOf,
    pendingRequest: row.pendingRequest ?? null,
    reporter: row.reporterName === null && phone === null ? null : { name: row.reporterName, phone },
    reporterErasedAt: iso(row.reporterErasedAt),
    closureType: row.closureType,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: iso(row.closedAt),
    allowedCommands: availableCommands(caseSnapshotOf(row), toDomainActor(viewer)),
  };
}

// A number that no longer decrypts (rotated key) is shown as hidden, never as a 500. A full number
// shown is recorded in the phone access log (phone-access.ts).
function safePhone(
  viewer: Actor,
  key: Buffer,
  row: CaseRow,
  encrypted: string | null = row.reporterPhoneEnc,
): string | null {
  let phone: string | null;
  try {
    phone = phoneFor(viewer, key, encrypted);
  } catch {
    return '****';
  }
  if (phone !== null && maySeeFullPhone(viewer)) notePhoneViewed(row);
  return phone;
}

export function toTimelineEntry(event: CaseEventRow): CaseDetail['timeline'][number] {
  return {
    seq: event.seq,
    command: event.command,
    fromState: event.fromState === null ? null : caseStateSchema.parse(event.fromState),
    toState: caseStateSchema.parse(event.toState),
    actor: event.actorName,
    at: event.at.toISOString(),
    data: (event.data ?? {}) as Record<string, unknown>,
  };
}

/** The answers to the category's questions the report carried (its first event), if any. */
export function reportAnswers(events: readonly CaseEventRow[]): QuestionAnswer[] | null {
  const data = events[0]?.data as Record<string, unknown> | null | undefined;
  const answers = z.array(questionAnswerSchema).safeParse(data?.answers);
  return answers.success && answers.data.length > 0 ? answers.data : null;
}

export function toCaseDetail(
  row: CaseRow,
  events: readonly CaseEventRow[],
  viewer: Actor,
  phoneKey: Buffer,
  names: CaseNames,
  burst: CameraBurstRow | null,
  police110: Police110Link | null = null,
  callers: readonly CaseCallerRow[] = [],
): CaseDetail {
  const answers = reportAnswers(events);
  return {
    ...toCaseView(row, viewer, phoneKey),
    timeline: events.map(toTimelineEntry),
    names,
    ...(burst === null ? {} : { cameraBurst: toCameraBurst(burst) }),
    ...(police110 === null ? {} : { police110 }),
    ...(answers === null ? {} : { answers }),
    ...(callers.length === 0
      ? {}
      : { callers: callers.map((caller) => toCaseCaller(caller, row, viewer, phoneKey)) }),
  };
}

/** The usernames a case's detail names: its assignee, its timeline's actors, a pending request's author. */
export function usernamesOf(row: CaseRow, events: readonly CaseEventRow[]): string[] {
  const names = events.map((event) => event.actorName);
  if (row.assignee !== null) names.push(row.assignee);
  if (row.pendingRequest) names.push(row.pendingRequest.requestedBy);
  for (const event of events) {
    const assignee = (event.data as Record<string, unknown> | null)?.assignee;
    if (typeof assignee === 'string') names.push(assignee);
  }
  return names;
}
