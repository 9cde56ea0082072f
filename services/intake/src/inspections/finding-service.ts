/**
 * Inspection findings (检查发现): a region inspector's finding on site, with photos and GPS,
 * becomes a case (source `inspection`) in the loop of the city its point lies in, through the
 * engine's report — with the finding's row in the same statement. The finding's id is the
 * phone's: sending it again answers the same case (the idempotency key), and another inspector's
 * finding cannot take it.
 */
import {
  findInspectionFinding,
  findInspectionRound,
  type InspectionFindingRow,
  type InspectionRoundRow,
  inspectionFindingInsertQuery,
  isTakenInspectionFinding,
} from '@urbangrid/db';
import { checklistKey, localDay, roundUnderWay, type Urgency } from '@urbangrid/domain';
import { type Actor, httpError } from '@urbangrid/platform';
import type { IntakeContext } from '../intake-context.js';
import { createReport, type ReportOutcome } from '../reports/report-service.js';

export interface FindingInput {
  id: string;
  roundId: string;
  checklistItem?: string;
  categoryCode: string;
  description: string;
  location: { lat: number; lng: number };
  address?: string;
  mediaIds: string[];
  urgency?: Urgency;
}

/** The city of the round whose grid holds the point: OUTSIDE_GRID, or 400 for a city not inspected. */
async function inspectedCity(
  ctx: IntakeContext,
  round: InspectionRoundRow,
  location: FindingInput['location'],
) {
  const layer = await ctx.reference.grids();
  const code = layer.locate(location.lat, location.lng);
  const city = code === null ? undefined : layer.gridOf(code)?.city;
  if (city === undefined)
    throw httpError('OUTSIDE_GRID', `no grid of the region contains ${location.lat}, ${location.lng}`);
  if (!round.cities.includes(city))
    throw httpError(
      'VALIDATION_FAILED',
      `location: the point lies in city ${city}, which round "${round.name}" does not inspect (${round.cities.join(', ')})`,
    );
  return city;
}

export async function recordFinding(
  ctx: IntakeContext,
  actor: Actor & { kind: 'user' },
  input: FindingInput,
): Promise<{ finding: InspectionFindingRow; outcome: ReportOutcome }> {
  const round = await findInspectionRound(ctx.db, input.roundId);
  if (round === null) throw httpError('NOT_FOUND', `inspection round ${input.roundId} not found`);
  const city = await inspectedCity(ctx, round, input.location);
  const day = localDay(ctx.engine.now(), await ctx.reference.cityTimeZone(city));
  if (
    input.checklistItem !== undefined &&
    !round.checklist.some((item) => checklistKey(item) === input.checklistItem)
  )
    throw httpError(
      'VALIDATION_FAILED',
      `checklistItem: ${input.checklistItem} is not a line of round "${round.name}"`,
    );
  for (let attempt = 1; ; attempt++) {
    const earlier = await findInspectionFinding(ctx.db, input.id);
    if (earlier !== null && (earlier.inspector !== actor.username || earlier.roundId !== round.id))
      throw httpError('CONFLICT', `finding ${input.id} was recorded already by another inspection`);
    // A resend of a finding recorded in time answers with its case even after the round.
    if (earlier === null && !roundUnderWay(round, day))
      throw httpError(
        'CONFLICT',
        `round "${round.name}" takes findings from ${round.startsOn} to ${round.endsOn}, not on ${day}`,
      );
    try {
      const outcome = await reportFinding(ctx, actor, input, city, earlier === null);
      const finding = await findInspectionFinding(ctx.db, input.id);
      if (finding === null)
        throw new Error(`finding ${input.id} has no row after its case ${outcome.case.id}`);
      return { finding, outcome };
    } catch (error) {
      // The same finding sent twice at once: the second learns of the first's row and replays it.
      if (!isTakenInspectionFinding(error) || attempt >= 2) throw error;
    }
  }
}

/**
 * The finding's report through the engine. A new finding writes its row in the case's statement;
 * a resend (`isNew` false) writes nothing of its own and the idempotency key answers the case made
 * the first time (or IDEMPOTENCY_KEY_REUSED when the resend says something else).
 */
function reportFinding(
  ctx: IntakeContext,
  actor: Actor & { kind: 'user' },
  input: FindingInput,
  city: string,
  isNew: boolean,
): Promise<ReportOutcome> {
  const alsoWrite = !isNew
    ? []
    : [
        inspectionFindingInsertQuery({
          id: input.id,
          roundId: input.roundId,
          city,
          checklistItem: input.checklistItem ?? null,
          inspector: actor.username,
          recordedAt: ctx.engine.now(),
        }),
      ];
  return createReport(
    ctx,
    actor,
    {
      source: 'inspection',
      categoryCode: input.categoryCode,
      description: input.description,
      location: input.location,
      address: input.address,
      mediaIds: input.mediaIds,
      urgency: input.urgency,
      data: { inspectionFindingId: input.id, inspectionRoundId: input.roundId },
    },
    `inspection-finding:${input.id}`,
    { city, alsoWrite },
  );
}
