// Types only: drizzle-kit loads this file without the workspace packages.
import type {
  CaseCommandType,
  CaseState,
  ClosureType,
  Light,
  PendingRequest,
  ReporterLanguage,
  ReportSource,
  Stage,
  Urgency,
} from '@urbangrid/domain';
import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { cities } from './reference.js';

/** The pending side request (延期 / 挂账) as `cases.pending_request` holds it. */
export interface StoredPendingRequest {
  kind: PendingRequest;
  /** Working minutes asked for (extension only). */
  workMinutes: number | null;
  reason: string;
  /** The requesting handler's username. */
  requestedBy: string;
  /** ISO 8601. */
  at: string;
}

/**
 * The final states as SQL (the domain's `terminalStates`; this file cannot import the domain at
 * run time, and a partial index's predicate must be literal). `terminal-states.test.ts` checks
 * that the two lists agree.
 */
export const terminalStatesSql = ['closed', 'rejected', 'cancelled'] as const;
const terminalList = sql.raw(terminalStatesSql.map((state) => `'${state}'`).join(', '));

type CaseColumns = {
  state: AnyPgColumn;
  light: AnyPgColumn;
  wantsCallback: AnyPgColumn;
  callbackAnsweredAt: AnyPgColumn;
  reporterErasedAt: AnyPgColumn;
  description: AnyPgColumn;
  address: AnyPgColumn;
  caseNo: AnyPgColumn;
};

/** When a case ended (closed, rejected or cancelled); null while it is open. */
export const caseEndedAt = (t: {
  closedAt: AnyPgColumn;
  rejectedAt: AnyPgColumn;
  cancelledAt: AnyPgColumn;
}): SQL => sql`coalesce(${t.closedAt}, ${t.rejectedAt}, ${t.cancelledAt})`;

/**
 * Open (not ended): Open311's `status=open`. The predicate of `cases_open_created_idx`; a query
 * repeats it word for word so the planner can use the index.
 */
export const openCaseCondition = (t: Pick<CaseColumns, 'state'>): SQL =>
  sql`${t.state} not in (${terminalList})`;

/**
 * Open and past its stage's limit (red light): `GET /api/cases?overdue=true`. The predicate of
 * `cases_open_overdue_idx`; a query repeats it word for word so the planner can use the index.
 */
export const openOverdueCondition = (t: CaseColumns): SQL =>
  sql`${t.light} = 'red' and ${openCaseCondition(t)}`;

/**
 * Ended, and its reporter's personal data still kept: the predicate of `cases_reporter_retention_idx`
 * (on `caseEndedAt`), which the nightly erasure reads past the retention period.
 */
export const reporterDataKeptCondition = (t: CaseColumns): SQL =>
  sql`${t.reporterErasedAt} is null and ${t.state} in (${terminalList})`;

/**
 * The searched texts (description, address, number) with every character written three times:
 * pg_trgm indexes three characters at least, so a word of one or two — most Chinese words — had
 * no trigram and was looked for row by row through the city's whole history; tripled it has
 * trigrams of its own (`cases_short_text_idx`). A query repeats it word for word.
 */
export const tripledSearchText = (t: Pick<CaseColumns, 'description' | 'address' | 'caseNo'>): SQL =>
  sql`regexp_replace(coalesce(${t.description}, '') || ' ' || coalesce(${t.address}, '') || ' ' || ${t.caseNo}, '(.)', '\\1\\1\\1', 'g')`;

/** Ended, the reporter asked to be called back and was not reached yet (回访 due); `cases_callbacks_due_idx`. */
export const callbackDueCondition = (t: CaseColumns): SQL =>
  sql`${t.wantsCallback} and ${t.callbackAnsweredAt} is null and ${t.state} in (${terminalList})`;

/**
 * A case (案件) and everything the boards and reports read without joining the event log:
 * its state and version (optimistic locking), the per-stage timestamps, the running deadline and
 * its light, and the counters that evaluation needs.
 */
export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    caseNo: text('case_no').notNull(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    source: text('source').$type<ReportSource>().notNull(),
    state: text('state').$type<CaseState>().notNull(),
    version: integer('version').notNull().default(1),
    categoryCode: text('category_code').notNull(),
    urgency: text('urgency').$type<Urgency>().notNull().default('normal'),
    description: text('description').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    /** H3 cell of the location, for "open cases near here". */
    h3Cell: text('h3_cell').notNull(),
    address: text('address'),
    gridCode: text('grid_code').notNull(),
    districtCode: text('district_code').notNull(),
    streetCode: text('street_code').notNull(),
    communityCode: text('community_code').notNull(),
    departmentId: text('department_id'),
    suggestedDepartmentId: text('suggested_department_id'),
    /** The department of the first dispatch: a return counts a dispatch error against it. */
    firstDepartmentId: text('first_department_id'),
    /** The departments that returned the case (回退), in order: none is suggested again. */
    returnedByDepartmentIds: text('returned_by_department_ids').array().notNull().default(sql`'{}'::text[]`),
    /** Why the case was last returned (回退原因); null if it never was. */
    lastReturnReason: text('last_return_reason'),
    /** Username of the person who must act next on a personal task (verification, check). */
    assignee: text('assignee'),
    reporterUserId: text('reporter_user_id'),
    /** Username of the staff member who reported (an officer or an operator), null for integrations. */
    reporterUsername: text('reporter_username'),
    /** The API key an integration reported with: the only reports that key may read back. */
    reporterKeyId: text('reporter_key_id'),
    reporterName: text('reporter_name'),
    /** Encrypted (AES-GCM) reporter phone; never stored or logged in clear. */
    reporterPhoneEnc: text('reporter_phone_enc'),
    /**
     * Blind index of the reporter's phone: a keyed hash (HMAC) of the normalised number, so an
     * operator's search by phone is one index lookup, never a decryption of every row.
     */
    reporterPhoneHash: text('reporter_phone_hash'),
    /** Encrypted (AES-GCM, the phone's key) reporter email; never stored or logged in clear. */
    reporterEmailEnc: text('reporter_email_enc'),
    /** The language the reporter is written to in (zh-CN or en); null: the city's default. */
    reporterLanguage: text('reporter_language').$type<ReporterLanguage>(),
    /**
     * Whether a reporter who left a phone or an email is told of the case's steps (filed,
     * dispatched, closed: reporter-updates); false once they opt out, at report time or by link.
     */
    reporterUpdates: boolean('reporter_updates').notNull().default(true),
    /**
     * When the reporter's personal data (name, phone, call id, phone numbers in the description,
     * callback notes) was erased, the retention period after the case ended having passed; null
     * while it is kept. The case, its history and its counts stay.
     */
    reporterErasedAt: ts('reporter_erased_at'),
    callId: text('call_id'),
    wantsCallback: boolean('wants_callback').notNull().default(false),
    /**
     * When the reporter was reached (a satisfied or unsatisfied callback, 回访, to the case's own
     * caller): set with that call, so the cases whose reporter is still due are one partial index
     * (`cases_callbacks_due_idx`), not an anti-join over every call ever made. Callers attached to
     * the case keep their own (case_callers.callback_reached_at).
     */
    callbackAnsweredAt: ts('callback_answered_at'),
    selfHandled: boolean('self_handled').notNull().default(false),
    /** Flags for the shift lead, e.g. photo taken far from the point or long before the report. */
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    duplicateOf: text('duplicate_of'),
    /** 督办: a supervisor escalated the case. */
    supervised: boolean('supervised').notNull().default(false),
    /** A pending extension or suspension request: { kind, workMinutes, reason, requestedBy, at }. */
    pendingRequest: jsonb('pending_request').$type<StoredPendingRequest>(),
    checkPassed: boolean('check_passed').notNull().default(false),
    closureType: text('closure_type').$type<ClosureType>(),
    // The running stage clock.
    deadlineStage: text('deadline_stage').$type<Stage>(),
    deadlineStartedAt: ts('deadline_started_at'),
    deadlineLimitMinutes: integer('deadline_limit_minutes'),
    deadlineDue: ts('deadline_due'),
    /**
     * The case version at which the running deadline was armed: a timer armed at another version
     * (the stage moved on, an extension re-armed it, a suspension stopped it) is stale.
     */
    deadlineArmedVersion: integer('deadline_armed_version'),
    /** Start of the clock's current running stretch (stage start, or the last resume). */
    deadlineClockFrom: ts('deadline_clock_from'),
    /** Working minutes of the stage used before `deadlineClockFrom` (before a suspension). */
    deadlineUsedMinutes: doublePrecision('deadline_used_minutes').notNull().default(0),
    /**
     * The running deadline falls past the last day whose holidays and make-up working days the
     * stage's calendar knows: it was counted on the weekly rule alone and may be wrong.
     */
    deadlineBeyondCalendar: boolean('deadline_beyond_calendar').notNull().default(false),
    light: text('light').$type<Light>().notNull().default('green'),
    /** When the current suspension began (the clock is stopped while set). */
    suspendedAt: ts('suspended_at'),
    /** Hash of the latest event: the head of the chain, so a deleted tail event is noticed too. */
    lastEventHash: text('last_event_hash'),
    // Counters (never decrease).
    dispatchCount: integer('dispatch_count').notNull().default(0),
    dispatchErrorCount: integer('dispatch_error_count').notNull().default(0),
    returnCount: integer('return_count').notNull().default(0),
    reworkCount: integer('rework_count').notNull().default(0),
    extensionCount: integer('extension_count').notNull().default(0),
    extensionMinutes: integer('extension_minutes').notNull().default(0),
    suspensionCount: integer('suspension_count').notNull().default(0),
    supervisionCount: integer('supervision_count').notNull().default(0),
    overdueCount: integer('overdue_count').notNull().default(0),
    // Stage timestamps.
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    verifiedAt: ts('verified_at'),
    filedAt: ts('filed_at'),
    dispatchedAt: ts('dispatched_at'),
    acceptedAt: ts('accepted_at'),
    handledAt: ts('handled_at'),
    reviewedAt: ts('reviewed_at'),
    closedAt: ts('closed_at'),
    rejectedAt: ts('rejected_at'),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [
    uniqueIndex('cases_city_case_no_uq').on(t.city, t.caseNo),
    index('cases_city_state_idx').on(t.city, t.state),
    index('cases_grid_state_idx').on(t.gridCode, t.state),
    // A department's cases of a state, newest first: its list of a state bounded by the page, whatever the state.
    index('cases_department_state_idx').on(t.departmentId, t.state, t.createdAt, t.id),
    index('cases_assignee_idx').on(t.assignee),
    // Possible duplicates (duplicates.ts): open cases of a category in a few H3 cells, newest first.
    // Open only, so neither the closed history nor the open backlog elsewhere in the city is read.
    index('cases_open_cell_idx').on(t.h3Cell, t.categoryCode, t.createdAt).where(openCaseCondition(t)),
    index('cases_deadline_idx').on(t.deadlineDue),
    // The plain list, newest first, paged by (created_at, id) (keyset cursor).
    index('cases_created_idx').on(t.city, t.createdAt, t.id),
    // The same list for the region (every city), a district supervisor and a department.
    index('cases_all_created_idx').on(t.createdAt, t.id),
    index('cases_district_created_idx').on(t.city, t.districtCode, t.createdAt, t.id),
    // A department's or a grid's cases newest first, within a city (a supervisor's list filtered by
    // either): the trailing city lets the capped total count them from the index alone (no row read,
    // an index-only scan) and the first page skip another city's cases without reading them.
    index('cases_department_created_idx').on(t.departmentId, t.createdAt, t.id, t.city),
    index('cases_grid_created_idx').on(t.gridCode, t.createdAt, t.id, t.city),
    // A member of staff's own reports, newest first (GET /api/cases?mine=true: 我的上报).
    index('cases_reporter_created_idx').on(t.reporterUsername, t.createdAt, t.id),
    // An officer's own reports of a state (the officer's scope beside a state, e.g. field tasks
    // state=verifying): bounded by the state, not by every report the officer ever made.
    index('cases_reporter_state_idx').on(t.reporterUsername, t.state),
    // Reads that must cost what they return, not the city's history (issue 20): open overdue cases
    // and callbacks still due are partial indexes holding those rows only.
    index('cases_open_overdue_idx').on(t.city, t.createdAt, t.id).where(openOverdueCondition(t)),
    index('cases_callbacks_due_idx').on(t.city, t.updatedAt, t.id).where(callbackDueCondition(t)),
    // A city's open cases newest first (Open311 status=open): the few open ones, not the window's history.
    index('cases_open_created_idx').on(t.city, t.createdAt, t.id).where(openCaseCondition(t)),
    // Case search (GET /api/cases?q=): trigram indexes answer ILIKE '%…%' on each searched text.
    index('cases_case_no_trgm_idx').using('gin', t.caseNo.op('gin_trgm_ops')),
    index('cases_address_trgm_idx').using('gin', t.address.op('gin_trgm_ops')),
    index('cases_description_trgm_idx').using('gin', t.description.op('gin_trgm_ops')),
    // …and a word of one or two characters, tripled (tripledSearchText).
    index('cases_short_text_idx').using('gin', sql`(${tripledSearchText(t)}) gin_trgm_ops`),
    index('cases_reporter_phone_hash_idx').on(t.reporterPhoneHash),
    // The ended cases whose reporter's data is still kept, by when they ended: the erasure's queue.
    index('cases_reporter_retention_idx').on(caseEndedAt(t)).where(reporterDataKeptCondition(t)),
  ],
);

/**
 * The append-only case history. Each event stores the hash of the previous one of the same case,
 * so an edited, reordered or deleted event breaks the chain. `seq` equals the case version the
 * event produced (1 for the report). A trigger (migration 0002) refuses UPDATE and DELETE.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    seq: integer('seq').notNull(),
    city: text('city').notNull(),
    command: text('command').$type<CaseCommandType>().notNull(),
    fromState: text('from_state').$type<CaseState>(),
    toState: text('to_state').$type<CaseState>().notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role'),
    at: ts('at').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // Partitioned by month of `at` (migration 0030, partition-maintenance.ts): a key must hold the
  // partition key, so the primary key is (id, at) and a case's seq is unique with its instant — the
  // case row's version check is what keeps two commands from writing the same seq.
  (t) => [
    primaryKey({ columns: [t.id, t.at] }),
    uniqueIndex('case_events_case_seq_uq').on(t.caseId, t.seq, t.at),
    index('case_events_at_idx').on(t.city, t.at),
  ],
);

/** Personal work items: verification (核实) and check (核查) tasks for grid officers. */
export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    city: text('city').notNull(),
    kind: text('kind', { enum: ['verification', 'check'] }).notNull(),
    assigneeId: text('assignee_id').notNull(),
    assignee: text('assignee').notNull(),
    gridCode: text('grid_code').notNull(),
    status: text('status', { enum: ['open', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    /** True when nobody was on duty for the grid and the task went to another officer of the street. */
    fallback: boolean('fallback').notNull().default(false),
    /** Case version when the task was created: a replayed job finds the same row. */
    caseVersion: integer('case_version').notNull(),
    createdAt: ts('created_at').notNull(),
    dueAt: ts('due_at'),
    completedAt: ts('completed_at'),
  },
  (t) => [
    uniqueIndex('tasks_case_kind_version_uq').on(t.caseId, t.kind, t.caseVersion),
    index('tasks_assignee_status_idx').on(t.assigneeId, t.status),
    index('tasks_case_idx').on(t.caseId),
  ],
);

/** Uploaded photos, stored once per content hash. */
export const media = pgTable(
  'media',
  {
    id: text('id').primaryKey(),
    city: text('city').notNull(),
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    takenAt: ts('taken_at'),
    gpsLat: doublePrecision('gps_lat'),
    gpsLng: doublePrecision('gps_lng'),
    uploadedBy: text('uploaded_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('media_city_sha256_uq').on(t.city, t.sha256)],
);

/** Which photos belong to which step of a case (report, verify, complete, check). */
export const caseMedia = pgTable(
  'case_media',
  {
    caseId: text('case_id').notNull(),
    mediaId: text('media_id')
      .notNull()
      .references(() => media.id),
    stage: text('stage').notNull(),
    eventSeq: integer('event_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.mediaId, t.stage] })],
);
