/**
 * reportCase (上报 / 受理): creates a case in one statement (`writeCaseTogether`) — idempotency key,
 * the case row, its first sealed event, rollups and follow-ups — so a report acknowledged to a
 * caller is committed with everything that must happen next. Concurrent reports share that
 * statement (`report-groups.ts`): each is answered once the group's is committed.
 */
import { createHash } from 'node:crypto';
import {
  type CaseEventRow,
  type CaseRow,
  caseNumberOfStatement,
  caseRowAsInserted,
  caseSnapshotColumns,
  completedKeyInsertQuery,
  type DbOrTx,
  findCaseById,
  findGridPlace,
  findIdempotencyKey,
  type GridPlace,
  insertIdempotencyKey,
  isTakenIdempotencyKey,
  newCaseInsert,
  type WriteQuery,
  type WrittenCase,
  writeCaseTogether,
} from '@urbangrid/db';
import {
  type Actor,
  applyPlan,
  planTransition,
  type ReporterLanguage,
  type ReportSource,
  type TransitionPlan,
  type Urgency,
} from '@urbangrid/domain';
import { proximityCell } from '@urbangrid/geo';
import { isCategoryOpen } from '@urbangrid/reference';
import { actorScope } from './actor-fields.js';
import { canonicalJson } from './canonical-json.js';
import { clockChanges } from './deadline-clock.js';
import type { EngineContext } from './engine-context.js';
import {
  CommandRefusedError,
  EngineError,
  IdempotencyKeyReusedError,
  isEngineError,
  OutsideGridError,
} from './errors.js';
import { genesisHash } from './event-chain.js';
import { newId } from './ids.js';
import { localDay } from './local-day.js';
import { writeReportInGroup } from './report-groups.js';
import { checkMedia, type EventData } from './transition-checks.js';
import {
  sealDraft,
  stampColumns,
  transitionRollups,
  transitionWrites,
  writtenEvent,
} from './transition-writes.js';

export interface ReportRequest {
  actor: Actor;
  source: ReportSource;
  categoryCode: string;
  description: string;
  location: { lat: number; lng: number };
  /** The unit grid of the location (the caller's grid locator found it). */
  gridCode: string;
  /**
   * That grid's place (city, district, street, community) when the caller's locator holds it
   * already, from the valid grids: saves the lookup. Without it the engine reads the grid.
   */
  place?: GridPlace;
  address?: string | null;
  urgency?: Urgency;
  selfHandled?: boolean;
  reporterName?: string | null;
  /** The integration's API key id when a key reports: that key may read the case's status back. */
  reporterKeyId?: string | null;
  /** Already encrypted (packages/platform personal-data); never the phone in clear. */
  reporterPhoneEnc?: string | null;
  /** The phone's blind index for operators' search (packages/platform personal-data). */
  reporterPhoneHash?: string | null;
  /** Already encrypted with the phone's key; never the email in clear. */
  reporterEmailEnc?: string | null;
  /** The language the reporter is written to in; null: the city's default. */
  reporterLanguage?: ReporterLanguage | null;
  /** false: the reporter opted out of updates at report time. */
  reporterUpdates?: boolean;
  /** The hotline system's call id. */
  callId?: string | null;
  wantsCallback?: boolean;
  mediaIds?: string[];
  /** Flags for the shift lead (photo far from the point, taken long before, ...). */
  flags?: string[];
  /** Facts for the first event beside the report's fields (never personal data). */
  data?: EventData;
  /** `Idempotency-Key`: the same key from the same caller returns the same case. */
  idempotencyKey?: string;
  /**
   * The caller's own rows, written in the report's statement (e.g. a camera burst): one that fails
   * (a unique key taken meanwhile) fails the report, nothing written, and its error is thrown.
   */
  alsoWrite?: readonly WriteQuery[];
  /**
   * What identifies the request behind the key, when the report's content cannot (an encrypted
   * phone differs on every encryption): a keyed hash of the caller's request. Default: a hash of
   * the report's content.
   */
  fingerprint?: string;
}

export interface ReportResult {
  case: CaseRow;
  /** null when an earlier request with the same key created the case. */
  event: CaseEventRow | null;
  replayed: boolean;
  /** A replay's: what the earlier request answered (201 made the case, 200 counted into it). */
  statusCode?: number;
}

export async function reportCase(context: EngineContext, request: ReportRequest): Promise<ReportResult> {
  try {
    return await newReport(context, request);
  } catch (error) {
    // A retry of a report acknowledged before answers with that report, even if something it was
    // checked against has changed since (a category withdrawn, say).
    const key = keyOf(request);
    if (key === null || !isEngineError(error) || error instanceof IdempotencyKeyReusedError) throw error;
    const earlier = await findIdempotencyKey(context.db, key.scope, key.key);
    if (earlier === null) throw error;
    return replay(context.db, key.scope, key.key, key.requestHash);
  }
}

async function newReport(context: EngineContext, request: ReportRequest): Promise<ReportResult> {
  await context.reference.prepare();
  const plan = reportPlan(request);
  const place =
    request.place?.code === request.gridCode
      ? request.place
      : await findGridPlace(context.db, request.gridCode);
  if (place === null) throw new OutsideGridError(request.location.lat, request.location.lng);
  const now = context.now();
  const day = localDay(now, await context.reference.cityTimeZone(place.city));
  if (!isCategoryOpen(await context.reference.category(request.categoryCode), place.city, day)) {
    throw new EngineError('VALIDATION_FAILED', `categoryCode: unknown category ${request.categoryCode}`);
  }
  const result = await writeReport(context, request, { plan, place, day, now });
  if (!result.replayed) context.committed(result.case);
  return result;
}

function reportPlan(request: ReportRequest): TransitionPlan {
  const decision = planTransition(
    null,
    { type: 'report', source: request.source, selfHandled: request.selfHandled, urgency: request.urgency },
    request.actor,
  );
  if (!decision.ok) throw new CommandRefusedError(decision.code, decision.reason);
  return decision;
}

/** What makes two requests "the same" for an idempotency key: the report's content. */
function requestHash(request: ReportRequest): string {
  const {
    actor: _actor,
    idempotencyKey: _key,
    fingerprint,
    place: _place,
    alsoWrite: _also,
    ...content
  } = request;
  return fingerprint ?? createHash('sha256').update(canonicalJson(content)).digest('hex');
}

interface ReportPreparation {
  plan: TransitionPlan;
  place: GridPlace;
  /** The city's local day of the report: its case number's date. */
  day: string;
  now: Date;
}

async function writeReport(
  context: EngineContext,
  request: ReportRequest,
  { plan, place, day, now }: ReportPreparation,
): Promise<ReportResult> {
  const { db } = context;
  const id = newId(now);
  const data: EventData = {
    ...(request.data ?? {}),
    ...(request.mediaIds?.length ? { mediaIds: request.mediaIds } : {}),
  };
  await checkMedia(db, place.city, data);

  const snapshot = applyPlan(null, plan);
  const urgency = snapshot.urgency;
  const clock = await clockChanges({
    reference: context.reference,
    before: null,
    plan,
    city: place.city,
    categoryCode: request.categoryCode,
    urgency,
    departmentId: null,
    newVersion: 1,
    now,
  });
  const sealed = sealDraft(
    {
      id: newId(now),
      caseId: id,
      city: place.city,
      seq: 1,
      plan,
      actor: request.actor,
      at: now,
      data: {
        source: request.source,
        categoryCode: request.categoryCode,
        urgency,
        ...(request.selfHandled ? { selfHandled: true } : {}),
        ...data,
      },
    },
    genesisHash,
  );
  const values = {
    ...caseSnapshotColumns(snapshot),
    ...stampColumns(plan, now),
    ...clock.columns,
    id,
    source: snapshot.source,
    state: snapshot.state,
    city: place.city,
    version: 1,
    categoryCode: request.categoryCode,
    urgency,
    description: request.description,
    lat: request.location.lat,
    lng: request.location.lng,
    h3Cell: proximityCell(request.location.lat, request.location.lng),
    address: request.address ?? null,
    gridCode: place.code,
    districtCode: place.districtCode,
    streetCode: place.streetCode,
    communityCode: place.communityCode,
    reporterName: request.reporterName ?? null,
    reporterKeyId: request.reporterKeyId ?? null,
    reporterPhoneEnc: request.reporterPhoneEnc ?? null,
    reporterPhoneHash: request.reporterPhoneHash ?? null,
    reporterEmailEnc: request.reporterEmailEnc ?? null,
    reporterLanguage: request.reporterLanguage ?? null,
    reporterUpdates: request.reporterUpdates ?? true,
    callId: request.callId ?? null,
    wantsCallback: request.wantsCallback ?? false,
    flags: request.flags ?? [],
    createdAt: now,
    updatedAt: now,
    lastEventHash: sealed.hash,
  };
  const transition = {
    plan,
    before: null,
    // Numbered by the statement itself; nothing the follow-ups write reads the number.
    after: caseRowAsInserted({ ...values, caseNo: '' }),
    event: sealed,
    timers: clock.timers,
  };
  const rollups = await transitionRollups(context, transition);
  const key = keyOf(request);
  // Stored complete at once (the case's id is known), in the report's own statement: a key taken,
  // earlier or meanwhile, fails the statement (no number taken, nothing written), and the report
  // answers as the earlier request did.
  const keyWrite: WriteQuery[] =
    key === null
      ? []
      : [
          completedKeyInsertQuery({
            ...key,
            createdAt: now,
            statusCode: 201,
            response: { caseId: id },
          }),
        ];
  const own = [...keyWrite, ...(request.alsoWrite ?? [])];
  let written: WrittenCase | null;
  try {
    written = await writeReportInGroup(context, {
      city: place.city,
      day,
      key: key === null ? null : `${key.scope}\u0000${key.key}`,
      case: { row: transition.after, dependents: [...own, ...transitionWrites(db, transition, [])] },
      rollups,
      alone: () => {
        const number = caseNumberOfStatement(db, place.city, day);
        return writeCaseTogether(
          db,
          newCaseInsert(transition.after, number.caseNo),
          [...own, ...transitionWrites(db, transition, rollups)],
          [number.counter],
        );
      },
    });
  } catch (error) {
    if (key !== null && isTakenIdempotencyKey(error)) return replay(db, key.scope, key.key, key.requestHash);
    throw error;
  }
  if (written === null) throw new Error(`case ${id} was not inserted`);
  return {
    case: { ...transition.after, caseNo: written.caseNo },
    event: writtenEvent(sealed),
    replayed: false,
  };
}

/** The request's idempotency key, scoped to its caller, with what identifies the request. */
function keyOf(request: ReportRequest): { scope: string; key: string; requestHash: string } | null {
  if (request.idempotencyKey === undefined) return null;
  return { scope: actorScope(request.actor), key: request.idempotencyKey, requestHash: requestHash(request) };
}

async function replay(db: DbOrTx, scope: string, key: string, hash: string): Promise<ReportResult> {
  const earlier = await findIdempotencyKey(db, scope, key);
  if (earlier === null || earlier.requestHash !== hash) throw new IdempotencyKeyReusedError(key);
  const caseId = (earlier.response as { caseId?: unknown } | null)?.caseId;
  const row = typeof caseId === 'string' ? await findCaseById(db, caseId) : null;
  if (row === null) throw new IdempotencyKeyReusedError(key);
  return { case: row, event: null, replayed: true, statusCode: earlier.statusCode ?? 201 };
}

/**
 * The answer of an earlier request under the report's Idempotency-Key, or null when the key is new
 * (or none is given); a key used before for another request throws. For a caller whose request may
 * make no case (a camera detection counted into its burst's case) before it writes anything.
 */
export async function earlierReport(
  context: Pick<EngineContext, 'db'>,
  request: ReportRequest,
): Promise<ReportResult | null> {
  const key = keyOf(request);
  if (key === null) return null;
  if ((await findIdempotencyKey(context.db, key.scope, key.key)) === null) return null;
  return replay(context.db, key.scope, key.key, key.requestHash);
}

/**
 * Stores the report's Idempotency-Key, in the caller's transaction, for a request that counted into
 * the existing case `caseId` (answered `statusCode`) instead of making one: a retry then answers
 * the same (`earlierReport`). A key taken meanwhile fails the transaction (`isTakenIdempotencyKey`).
 */
export async function storeReportKey(
  tx: DbOrTx,
  request: ReportRequest,
  answer: { caseId: string; statusCode: number; at: Date },
): Promise<void> {
  const key = keyOf(request);
  if (key === null) return;
  await insertIdempotencyKey(tx, {
    ...key,
    createdAt: answer.at,
    statusCode: answer.statusCode,
    response: { caseId: answer.caseId },
  });
}
