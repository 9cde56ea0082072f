/**
 * Photos in Open311: a request's `media_url` is the URL its app posted, else its first public
 * photo; an update's is the public photo added with that step (public-view.ts says which are).
 * A public photo is served at `/open311/v2/media/:id` to anyone, re-encoded by sharp so no EXIF
 * (time, GPS, camera) leaves with it; any other photo is as unknown as one that does not exist.
 */
import { buffer } from 'node:stream/consumers';
import { type CasePhotoLink, findPhotoUses, findPostedMediaUrls, listCasePhotoLinks } from '@urbangrid/db';
import type { ReportSource } from '@urbangrid/domain';
import { httpError, isPublicPhoto } from '@urbangrid/platform';
import sharp from 'sharp';
import type { IntakeContext } from '../intake-context.js';
import { openPhoto } from '../media/media-service.js';

/** Where this deployment's Open311 is (`https://host/open311/v2`), and the city it answers for. */
export interface Open311Base {
  url: string;
  city: string;
}

export function photoUrl(base: Open311Base, mediaId: string): string {
  return `${base.url}/media/${encodeURIComponent(mediaId)}?jurisdiction_id=${base.city}`;
}

/** The public photos of these cases, each case's in the order they were added. */
export async function publicPhotosOf(
  ctx: IntakeContext,
  cases: ReadonlyArray<{ id: string; source: ReportSource }>,
): Promise<Map<string, CasePhotoLink[]>> {
  const sources = new Map(cases.map((c) => [c.id, c.source]));
  const photos = new Map<string, CasePhotoLink[]>();
  for (const link of await listCasePhotoLinks(ctx.db, [...sources.keys()])) {
    const source = sources.get(link.caseId);
    if (source === undefined || !isPublicPhoto(source, link.stage)) continue;
    photos.set(link.caseId, [...(photos.get(link.caseId) ?? []), link]);
  }
  return photos;
}

/**
 * The sources of a report an Open311 app posts (`createServiceRequest`): only such a case can
 * carry a posted `media_url`, so the event log is read for those alone.
 */
export const postedReportSources: readonly ReportSource[] = ['app', 'public'];

/** Each case's `media_url`: what its app posted, else its first public photo; absent for none. */
export async function requestMediaUrls(
  ctx: IntakeContext,
  base: Open311Base,
  cases: ReadonlyArray<{ id: string; source: ReportSource; createdAt: Date }>,
): Promise<Map<string, string>> {
  const ids = cases.map((c) => c.id);
  const [posted, photos] = await Promise.all([
    findPostedMediaUrls(
      ctx.db,
      cases.filter((c) => postedReportSources.includes(c.source)).map((c) => ({ id: c.id, at: c.createdAt })),
    ),
    publicPhotosOf(ctx, cases),
  ]);
  const urls = new Map<string, string>();
  for (const id of ids) {
    const first = photos.get(id)?.[0];
    const url = posted.get(id) ?? (first === undefined ? undefined : photoUrl(base, first.mediaId));
    if (url !== undefined) urls.set(id, url);
  }
  return urls;
}

/**
 * The bytes of a public photo of `city`, without its metadata (auto-rotated first, so it still
 * shows upright); 404 for a photo no published case shows in public.
 */
export async function publicPhotoBytes(
  ctx: IntakeContext,
  city: string,
  mediaId: string,
  published: readonly ReportSource[],
): Promise<{ bytes: Buffer; contentType: string }> {
  const uses = await findPhotoUses(ctx.db, city, mediaId);
  if (!uses.some((use) => published.includes(use.source) && isPublicPhoto(use.source, use.stage))) {
    throw httpError('NOT_FOUND', `media ${mediaId} not found`);
  }
  const { photo, stream } = await openPhoto(ctx, city, mediaId);
  // sharp keeps the format and writes no metadata unless told to (withMetadata/keepExif).
  const bytes = await sharp(await buffer(stream))
    .rotate()
    .toBuffer();
  return { bytes, contentType: photo.contentType };
}
