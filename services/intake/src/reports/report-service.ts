/**
 * Reports (上报 / 受理) from every source — hotline operators, grid officers, the public app, video
 * analytics and Open311 apps — turned into the engine's `reportCase`: the point placed on a grid,
 * photos checked, the phone encrypted, the Idempotency-Key honoured.
 */
import { type CaseRow, findCaseById, findIdempotencyKey, findMediaOfCity } from '@urbangrid/db';
import type { ReportSource, Urgency } from '@urbangrid/domain';
import { actorScope, isEngineError, reportCase } from '@urbangrid/engine';
import { type Actor, decryptPhone, encryptPhone, httpError, toDomainActor } from '@urbangrid/platform';
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
  reporter?: { name?: string; phone?: string };
  /** The hotline system's call id. */
  callId?: string;
  /** The caller asked to be called back with the outcome. */
  wantsCallback?: boolean;
  mediaIds?: string[];
  urgency?: Urgency;
  selfHandled?: boolean;
  /** Facts for the first event (never personal data), e.g. an Open311 media_url. */
  data?: Record<string, unknown>;
}

export interface ReportOutcome {
  case: CaseRow;
  replayed: boolean;
  possibleDuplicates: PossibleDuplicate[];
}

/** The sources an integration's key may report as: its own, and the app for a public key. */
function sourcesOfKey(keySource: string): readonly string[] {
  return keySource === 'public' ? ['public', 'app'] : [keySource];
}

function checkSource(actor: Actor, input: ReportInput): void {
  if (actor.kind === 'integration' && !sourcesOfKey(actor.source).includes(input.source)) {
    throw httpError('FORBIDDEN', `this API key reports as '${actor.source}', not '${input.source}'`);
  }
  if (input.selfHandled === true && (input.mediaIds?.length ?? 0) === 0) {
    // 自行处置: the after-photo is the only proof the problem was fixed.
    throw httpError('VALIDATION_FAILED', 'mediaIds: a self-handled report needs the after-photo');
  }
}

async function reportPhotos(ctx: IntakeContext, city: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const photos = await findMediaOfCity(ctx.db, city, unique);
  const found = new Set(photos.map((p) => p.id));
  const unknown = unique.filter((id) => !found.has(id));
  if (unknown.length > 0)
    throw httpError('VALIDATION_FAILED', `mediaIds: unknown photo ${unknown.join(', ')}`);
  return { ids: unique, photos };
}

/**
 * The case an earlier request with this key created, if any. A replay must send the engine the
 * same content, but phone ciphertexts differ on every encryption and photo checks depend on the
 * clock, so a replay reuses the earlier case's ciphertext (when the number is the same) and flags.
 */
async function earlierCase(
  ctx: IntakeContext,
  actor: Actor,
  key: string | undefined,
): Promise<CaseRow | null> {
  if (key === undefined) return null;
  const earlier = await findIdempotencyKey(ctx.db, actorScope(toDomainActor(actor)), key);
  const caseId = (earlier?.response as { caseId?: unknown } | null | undefined)?.caseId;
  return typeof caseId === 'string' ? findCaseById(ctx.db, caseId) : null;
}

function phoneCiphertext(
  ctx: IntakeContext,
  phone: string | undefined,
  earlier: CaseRow | null,
): string | null {
  if (phone === undefined) return null;
  if (earlier?.reporterPhoneEnc) {
    try {
      if (decryptPhone(ctx.phoneKey, earlier.reporterPhoneEnc) === phone) return earlier.reporterPhoneEnc;
    } catch {
      // A ciphertext of an older key: encrypt afresh; the engine then reports the key as reused.
    }
  }
  return encryptPhone(ctx.phoneKey, phone);
}

export async function createReport(
  ctx: IntakeContext,
  actor: Actor,
  input: ReportInput,
  idempotencyKey?: string,
): Promise<ReportOutcome> {
  const city = reportingCity(actor);
  checkSource(actor, input);
  const grid = await gridContaining(ctx.reference, city, input.location);
  const { ids: mediaIds, photos } = await reportPhotos(ctx, city, input.mediaIds ?? []);

  const attempt = async () => {
    const earlier = await earlierCase(ctx, actor, idempotencyKey);
    const flags =
      earlier?.flags ??
      photoCheckFlags(photos, { location: input.location, at: ctx.engine.now() }, ctx.settings.photoChecks);
    return reportCase(ctx.engine, {
      actor: toDomainActor(actor),
      source: input.source,
      categoryCode: input.categoryCode,
      description: input.description,
      location: input.location,
      gridCode: grid.code,
      address: input.address ?? null,
      urgency: input.urgency,
      selfHandled: input.selfHandled,
      reporterName: input.reporter?.name ?? null,
      reporterPhoneEnc: phoneCiphertext(ctx, input.reporter?.phone, earlier),
      callId: input.callId ?? null,
      wantsCallback: input.wantsCallback ?? false,
      mediaIds,
      flags,
      data: input.data,
      idempotencyKey,
    });
  };

  let result: Awaited<ReturnType<typeof attempt>>;
  try {
    result = await attempt();
  } catch (error) {
    // Two requests with one key at once: the loser waited for the winner's commit and saw another
    // ciphertext; now the winner's case exists, so one more try replays it.
    if (!(isEngineError(error) && error.code === 'IDEMPOTENCY_KEY_REUSED')) throw error;
    result = await attempt();
  }
  const possibleDuplicates = await findPossibleDuplicates(ctx, {
    city,
    categoryCode: result.case.categoryCode,
    location: { lat: result.case.lat, lng: result.case.lng },
    excludeId: result.case.id,
  });
  return { case: result.case, replayed: result.replayed, possibleDuplicates };
}
