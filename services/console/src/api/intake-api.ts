import type { AttachCallInput, LatLng, MediaRef, ReportInput } from './contract';
import { api, ok, requestRaw, withQuery } from './http';

export type { ReportInput } from './contract';

/** 上报. The idempotency key makes a retried submit (double Enter, flaky network) one case. */
export const submitReport = (input: ReportInput, idempotencyKey: string) =>
  ok(
    api.POST('/api/intake/reports', {
      body: input,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  );

/**
 * Beyond api.md — 附加来电: the call is recorded on an open case (one of the possible duplicates) and
 * its caller added to it: `POST /api/intake/cases/{id}/attach` → 201 with the case. The form's
 * idempotency key makes a retried click one attach.
 */
export const attachCall = (caseId: string, input: AttachCallInput, idempotencyKey: string) =>
  ok(
    api.POST('/api/intake/cases/{id}/attach', {
      params: { path: { id: caseId } },
      body: input,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  );

/** `POST /api/intake/media`, multipart with one image: sent as it is, answered as the spec says. */
export async function uploadMedia(file: Blob, name = 'photo.jpg', city?: string): Promise<MediaRef> {
  const form = new FormData();
  form.append('file', file, name);
  const response = await requestRaw(withQuery('/api/intake/media', { city }), { method: 'POST', body: form });
  return (await response.json()) as MediaRef;
}

/** Beyond api.md — `GET /api/intake/media/:id` → the image bytes (bearer token, so fetched, not <img src>). */
export const mediaPath = (id: string) => `/api/intake/media/${encodeURIComponent(id)}`;

/**
 * Beyond api.md — address search for the hotline form over the seeded gazetteer:
 * `GET /api/intake/addresses?q=&limit=` → `{items}` (best match first; served by intake).
 */
export const searchAddresses = async (q: string, limit = 8) =>
  (await ok(api.GET('/api/intake/addresses', { params: { query: { q, limit } } }))).items;

/**
 * Beyond api.md — open cases of the same category near a point, asked before the report is saved:
 * `GET /api/intake/duplicates?lat=&lng=&categoryCode=` → `{items}` (nearest first).
 */
export const findDuplicates = async (at: LatLng, categoryCode: string) =>
  (
    await ok(
      api.GET('/api/intake/duplicates', { params: { query: { lat: at.lat, lng: at.lng, categoryCode } } }),
    )
  ).items;

/**
 * Beyond api.md — 逆地址: the building number or landmark nearest a point picked on the map:
 * `GET /api/intake/addresses/nearest?lat=&lng=` → `{item}` (null when none is near).
 */
export const nearestAddress = async (at: LatLng) =>
  (await ok(api.GET('/api/intake/addresses/nearest', { params: { query: { lat: at.lat, lng: at.lng } } })))
    .item;
