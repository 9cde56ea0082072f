/**
 * Notices (通知): who hears about a change, worked out when the job runs. A notice is delivered
 * through the `deliverNotice` sink the process gives the engine (default: `storeNotices`, each
 * recipient's inbox plus a live announcement); its id is the job id, so a job that runs twice
 * delivers the same notice and the inbox keeps it once.
 */
import {
  type CaseRow,
  type DbOrTx,
  findCaseById,
  listDepartmentStaff,
  listStaffWithRole,
  storeNotice,
} from '@urbangrid/db';
import { type Audience, isUrgentNotice } from '@urbangrid/domain';
import type { NoticeMessage } from '@urbangrid/live';
import type { EngineContext, EngineLogger } from '../engine-context.js';

export interface Notice {
  /** The job's id: the same for a replay. */
  id: string;
  caseId: string;
  caseNo: string;
  city: string;
  audience: Audience;
  /** e.g. `case.dispatched`, `deadline.overdue`. */
  event: string;
  departmentId: string | null;
  /** Usernames addressed; empty for a citizen (reached through the hotline's callback). */
  recipients: string[];
  at: Date;
}

export type DeliverNotice = (notice: Notice) => Promise<void> | void;

/** A notice on the live channel (its shape is @urbangrid/live's): the hubs hand it to its recipients' consoles. */
export type { NoticeMessage };

export type AnnounceNotice = (message: NoticeMessage) => Promise<void> | void;

/**
 * Keeps each notice in its recipients' inboxes, then announces it live to those it was new for
 * (best effort: the inbox is what counts, a console that missed the announcement finds the notice
 * there). A job run again — a retry, or a task job waiting for an officer — announces nothing twice.
 */
export function storeNotices(db: DbOrTx, announce?: AnnounceNotice, logger?: EngineLogger): DeliverNotice {
  return async (notice) => {
    const recipients = await storeNotice(db, notice);
    if (announce === undefined || recipients.length === 0) return;
    const { id, caseId, caseNo, audience, event } = notice;
    try {
      await announce({
        type: 'notice',
        id,
        caseId,
        caseNo,
        audience,
        event,
        urgent: isUrgentNotice(event),
        at: notice.at.toISOString(),
        recipients,
      });
    } catch (error) {
      logger?.debug({ err: (error as Error).message, notice: id }, 'notice not announced live');
    }
  };
}

const desks: Partial<Record<Audience, string>> = {
  dispatcher: 'dispatcher',
  intake_operator: 'intake_operator',
  shift_lead: 'shift_lead',
  supervisor: 'supervisor',
};

/**
 * The usernames an audience means for this case right now. A desk is its staff whose jurisdiction
 * holds the case (a district's supervisor hears of their district's cases, not the city's).
 */
export async function recipientsOf(
  context: EngineContext,
  row: CaseRow,
  audience: Audience,
  departmentId: string | null,
): Promise<string[]> {
  const desk = desks[audience];
  if (desk !== undefined) return listStaffWithRole(context.db, row.city, desk, row.gridCode);
  switch (audience) {
    case 'department':
      return departmentId === null ? [] : listDepartmentStaff(context.db, departmentId);
    case 'assignee':
      return row.assignee === null ? [] : [row.assignee];
    case 'reporter':
      return row.reporterUsername === null ? [] : [row.reporterUsername];
    default:
      return [];
  }
}

export interface NoticeRequest {
  id: string;
  caseId: string;
  audience: Audience;
  event: string;
  departmentId: string | null;
}

/**
 * The notices a transition's job carries (`notices` of its payload), delivered before the job's
 * own work; each under its own id, so a run twice stores each once. `row` is the case as the job
 * read it (null: it no longer exists, nobody is left to tell).
 */
export async function sendCarriedNotices(
  context: EngineContext,
  deliver: DeliverNotice,
  job: { notices?: ReadonlyArray<Omit<NoticeRequest, 'caseId'>> },
  row: CaseRow | null,
): Promise<void> {
  for (const notice of job.notices ?? []) {
    await sendNoticeAbout(context, deliver, row, notice);
  }
}

/** Builds and delivers one notice; a case that no longer exists has nobody left to tell. */
export async function sendNotice(
  context: EngineContext,
  deliver: DeliverNotice,
  request: NoticeRequest,
): Promise<Notice | null> {
  return sendNoticeAbout(context, deliver, await findCaseById(context.db, request.caseId), request);
}

/** `sendNotice` about a case already read (null: it no longer exists). */
export async function sendNoticeAbout(
  context: EngineContext,
  deliver: DeliverNotice,
  row: CaseRow | null,
  request: Omit<NoticeRequest, 'caseId'>,
): Promise<Notice | null> {
  if (row === null) return null;
  const notice: Notice = {
    id: request.id,
    caseId: row.id,
    caseNo: row.caseNo,
    city: row.city,
    audience: request.audience,
    event: request.event,
    departmentId: request.departmentId,
    recipients: await recipientsOf(context, row, request.audience, request.departmentId),
    at: context.now(),
  };
  await deliver(notice);
  return notice;
}
