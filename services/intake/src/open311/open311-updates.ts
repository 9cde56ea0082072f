/**
 * GET Service Request Updates (FixMyStreet's extension to GeoReport v2): every change of a
 * published case's state in a window, oldest first — its report, and each step that moved it.
 * An update says only what the public may know: the status, when, a fixed sentence for the state
 * (never an event's notes or names) and the public photo that came with the step.
 */
import { findPostedMediaUrls, listServiceRequestUpdates } from '@urbangrid/db';
import type { IntakeContext } from '../intake-context.js';
import type { Open311Value } from './open311-format.js';
import { type Open311Base, photoUrl, publicPhotosOf } from './open311-photos.js';
import { publishedSources, stateNotes, statusOf } from './open311-service.js';
import { pageOf, windowOf } from './open311-window.js';

export interface UpdateQuery {
  /** start_date, or updated_after (which leaves the instant itself out). */
  startDate?: string;
  updatedAfter?: string;
  /** end_date, or updated_before (likewise). */
  endDate?: string;
  updatedBefore?: string;
  page_size?: number;
  page?: number;
}

export async function findServiceRequestUpdates(
  ctx: IntakeContext,
  base: Open311Base,
  query: UpdateQuery,
): Promise<Array<Record<string, Open311Value>>> {
  const window = windowOf(
    { start: query.updatedAfter ?? query.startDate, end: query.updatedBefore ?? query.endDate },
    await ctx.engine.reference.cityTimeZone(base.city),
    ctx.engine.now(),
  );
  const rows = await listServiceRequestUpdates(ctx.db, {
    city: base.city,
    sources: await publishedSources(ctx, base.city),
    ...window,
    fromExclusive: query.updatedAfter !== undefined,
    toExclusive: query.updatedBefore !== undefined,
    ...pageOf(query),
  });
  const cases = [
    ...new Map(rows.map((row) => [row.caseId, { id: row.caseId, source: row.source }])).values(),
  ];
  const [photos, posted] = await Promise.all([
    publicPhotosOf(ctx, cases),
    findPostedMediaUrls(
      ctx.db,
      rows.filter((row) => row.seq === 1).map((row) => ({ id: row.caseId, at: row.at })),
    ),
  ]);
  return rows.map((row) => {
    const photo = photos.get(row.caseId)?.find((link) => link.eventSeq === row.seq);
    const postedUrl = row.seq === 1 ? posted.get(row.caseId) : undefined;
    return {
      update_id: row.id,
      service_request_id: row.caseNo,
      status: statusOf(row.toState),
      updated_datetime: row.at.toISOString(),
      description: stateNotes[row.toState] ?? null,
      media_url: postedUrl ?? (photo === undefined ? null : photoUrl(base, photo.mediaId)),
    };
  });
}
