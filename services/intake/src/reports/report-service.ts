/**
 * Reports (上报 / 受理) from every source — hotline operators, grid officers, the public app, video
 * analytics and Open311 apps — turned into the engine's `reportCase`: the point placed on a grid,
 * the photos' EXIF compared with the report (the engine refuses unknown photos), the phone
 * encrypted, the Idempotency-Key honoured (a camera detection's too, counted once).
 */
import { createHmac } from 'node:crypto';
import {
  type CameraBurstRow,
  type CaseRow,
  cameraBurstInsertQuery,
  type Detection,
  findCameraBurstOfCase,
  findCaseById,
  findMediaOfCity,
  isTakenCameraBurst,
  isTakenIdempotencyKey,
  joinCameraBurst,
  retireCameraBurst,
  type WriteQuery,
} from '@urbangrid/db';
import type { ReporterLanguage, ReportSource, Urgency } from '@urbangrid/domain';
import {
  canonicalJson,
  earlierReport,
  type ReportRequest,
  type ReportResult,
  reportCase,
  storeReportKey,
} from '@urbangrid/engine';
import { proximityCell } from '@urbangrid/geo';
import { type Actor, encryptPhone, httpError, phoneSearchHash, toDomainActor } from '@urbangrid/platform';
import { findPossibleDuplicates, type PossibleDuplicate } from '../duplicates/duplicate-service.js';
import { gridContaining } from '../grid-location.js';
import { reportingCity } from '../intake-access.js';
import type { IntakeContext } from '../intake-context.js';
import { photoCheckFlags } from './photo-checks.js';

export interface ReportInput {
  source: ReportSource;
  categoryCode: string;
  description: string;
  location: { lat: number; lng: number };
  address?: string | null;
  reporter?: {
    name?: string;
    phone?: string;
    email?: string;
    language?: ReporterLanguage;
    updates?: boolean;
  };
  /** The hotline system's call id. */
  callId?: string;
  /** The caller asked to be called back with the outcome. */
  wantsCallback?: boolean;
  mediaIds?: string[];
  urgency?: Urgency;
  selfHandled?: boolean;
  /** Facts for the first event (never personal data), e.g. an Open311 media_url. */
  data?: Record<string, unknown>;
  /** A video-analytics camera's id: its repeated detections make one case (camera-bursts.ts). */
  cameraId?: string;
}

export interface ReportOutcome {
  case: CaseRow;
  replayed: boolean;
  possibleDuplicates: PossibleDuplicate[];
  /** The camera burst the detection opened or joined (`joined`: no new case). */
  burst?: { row: CameraBurstRow; joined: boolean };
}

/** The sources an integration's key may report as: its own, and the app for a public key. */
function sourcesOfKey(keySource: string): readonly string[] {
  return keySource === 'public' ? ['public', 'app'] : [keySource];
}

function checkSource(actor: Actor, input: ReportInput): void {
  if (actor.kind === 'integration' && !sourcesOfKey(actor.source).includes(input.source)) {
    throw httpError('FORBIDDEN', `this API key reports as '${actor.source}', not '${input.source}'`);
  }
  if (input.cameraId !== undefined && input.source !== 'video') {
    throw httpError('VALIDATION_FAILED', 'cameraId: only a video report names a camera');
  }
  if (input.selfHandled === true && (input.mediaIds?.length ?? 0) === 0) {
    // 自行处置: the after-photo is the only proof the problem was fixed.
    throw httpError('VALIDATION_FAILED', 'mediaIds: a self-handled report needs the after-photo');
  }
}

/**
 * What identifies a report request behind its Idempotency-Key: the caller's validated body, keyed
 * with the phone key so the stored hash reveals nothing of the phone number in it.
 */
function reportFingerprint(ctx: IntakeContext, input: ReportInput): string {
  return createHmac('sha256', ctx.phoneKey).update(canonicalJson(input)).digest('hex');
}

/**
 * Where a report goes beyond what its caller's account says: region-level staff (an inspector)
 * report into the city their point lies in, and a caller may write its own rows with the case.
 */
export interface ReportPlacement {
  city?: string;
  alsoWrite?: readonly WriteQuery[];
}

export async function createReport(
  ctx: IntakeContext,
  actor: Actor,
  input: ReportInput,
  idempotencyKey?: string,
  placement: ReportPlacement = {},
): Promise<ReportOutcome> {
  const city = placement.city ?? reportingCity(actor);
  checkSource(actor, input);
  const grid = await gridContaining(ctx, city, input.location, ctx.engine.now());
  const mediaIds = [...new Set(input.mediaIds ?? [])];
  // Read for their EXIF only: whether they exist in the city is the engine's check (one home).
  const photos = await findMediaOfCity(ctx.db, city, mediaIds);

  const detection: Detection | null =
    input.cameraId === undefined
      ? null
      : {
          city,
          cameraId: input.cameraId,
          categoryCode: input.categoryCode,
          place: proximityCell(input.location.lat, input.location.lng),
          at: ctx.engine.now(),
          mediaId: mediaIds.findLast((id) => photos.some((photo) => photo.id === id)) ?? null,
          windowMs: ctx.settings.cameraBursts.windowMinutes * 60_000,
        };
  const request: ReportRequest = {
    actor: toDomainActor(actor),
    source: input.source,
    categoryCode: input.categoryCode,
    description: input.description,
    location: input.location,
    gridCode: grid.code,
    place: grid,
    address: input.address ?? null,
    urgency: input.urgency,
    selfHandled: input.selfHandled,
    reporterName: input.reporter?.name ?? null,
    reporterKeyId: actor.kind === 'integration' ? actor.keyId : null,
    reporterPhoneEnc:
      input.reporter?.phone === undefined ? null : encryptPhone(ctx.phoneKey, input.reporter.phone),
    reporterPhoneHash:
      input.reporter?.phone === undefined ? null : phoneSearchHash(ctx.phoneKey, input.reporter.phone),
    reporterEmailEnc:
      input.reporter?.email === undefined ? null : encryptPhone(ctx.phoneKey, input.reporter.email),
    reporterLanguage: input.reporter?.language ?? null,
    reporterUpdates: input.reporter?.updates ?? true,
    callId: input.callId ?? null,
    wantsCallback: input.wantsCallback ?? false,
    mediaIds,
    flags: photoCheckFlags(
      photos,
      { location: input.location, at: ctx.engine.now() },
      ctx.settings.photoChecks,
    ),
    data: input.data,
    idempotencyKey,
    fingerprint: idempotencyKey === undefined ? undefined : reportFingerprint(ctx, input),
    alsoWrite: [
      ...(placement.alsoWrite ?? []),
      ...(detection === null ? [] : [cameraBurstInsertQuery(detection)]),
    ],
  };
  if (detection === null) return withDuplicates(ctx, city, await reportCase(ctx.engine, request));
  return reportDetection(ctx, city, request, detection);
}

/**
 * A camera's detection: counted into the current burst of its camera, category and place, or a new
 * case with a new burst. Of two detections opening a burst together one fails on the burst's
 * unique index, and joins the other's. Under an Idempotency-Key a retried detection answers as it
 * did the first time and counts once: the key is stored with the count (or the new case).
 */
async function reportDetection(
  ctx: IntakeContext,
  city: string,
  request: ReportRequest,
  detection: Detection,
): Promise<ReportOutcome> {
  const withBurst = async (result: ReportResult, joined: boolean): Promise<ReportOutcome> => {
    const row = await findCameraBurstOfCase(ctx.db, result.case.id);
    const outcome = joined
      ? { case: result.case, replayed: result.replayed, possibleDuplicates: [] }
      : await withDuplicates(ctx, city, result);
    return row === null ? outcome : { ...outcome, burst: { row, joined } };
  };
  const earlier = await earlierReport(ctx.engine, request);
  if (earlier !== null) return withBurst(earlier, earlier.statusCode === 200);
  for (let attempt = 1; ; attempt++) {
    let joined: CameraBurstRow | null;
    try {
      joined = await ctx.db.transaction(async (tx) => {
        const row = await joinCameraBurst(tx, detection);
        if (row !== null)
          await storeReportKey(tx, request, { caseId: row.caseId, statusCode: 200, at: detection.at });
        return row;
      });
    } catch (error) {
      // The same detection under the same key, sent again while the first was being counted.
      const again = isTakenIdempotencyKey(error) ? await earlierReport(ctx.engine, request) : null;
      if (again === null) throw error;
      return withBurst(again, again.statusCode === 200);
    }
    if (joined !== null) {
      const row = await findCaseById(ctx.db, joined.caseId);
      if (row === null) throw new Error(`camera burst of a missing case ${joined.caseId}`);
      return { case: row, replayed: false, possibleDuplicates: [], burst: { row: joined, joined: true } };
    }
    await retireCameraBurst(ctx.db, detection);
    try {
      const result = await reportCase(ctx.engine, request);
      return withBurst(result, result.replayed && result.statusCode === 200);
    } catch (error) {
      if (!isTakenCameraBurst(error) || attempt >= 3) throw error;
    }
  }
}

async function withDuplicates(
  ctx: IntakeContext,
  city: string,
  result: { case: CaseRow; replayed: boolean },
): Promise<ReportOutcome> {
  const possibleDuplicates = await findPossibleDuplicates(ctx, {
    city,
    categoryCode: result.case.categoryCode,
    location: { lat: result.case.lat, lng: result.case.lng },
    excludeId: result.case.id,
  });
  return { case: result.case, replayed: result.replayed, possibleDuplicates };
}
