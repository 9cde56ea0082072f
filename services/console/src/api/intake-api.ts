import { get, request } from './http';
import type {
  AddressHit,
  LatLng,
  MediaRef,
  PossibleDuplicate,
  ReportedCase,
  ReportSource,
  Urgency,
} from './types';

export interface ReportInput {
  source: ReportSource;
  categoryCode: string;
  description: string;
  location: LatLng;
  address?: string;
  reporter?: { name?: string; phone?: string };
  mediaIds?: string[];
  urgency?: Urgency;
  /** 回访: the caller asks to be called back once the case has ended. */
  wantsCallback?: boolean;
  selfHandled?: boolean;
}

/** 上报. The idempotency key makes a retried submit (double Enter, flaky network) one case. */
export const submitReport = (input: ReportInput, idempotencyKey: string) =>
  request<ReportedCase>('POST', '/api/intake/reports', {
    json: input,
    headers: { 'idempotency-key': idempotencyKey },
  });

export function uploadMedia(file: Blob, name = 'photo.jpg'): Promise<MediaRef> {
  const form = new FormData();
  form.append('file', file, name);
  return request<MediaRef>('POST', '/api/intake/media', { form });
}

/** Beyond api.md — `GET /api/intake/media/:id` → the image bytes (bearer token, so fetched, not <img src>). */
export const mediaPath = (id: string) => `/api/intake/media/${encodeURIComponent(id)}`;

/**
 * Beyond api.md — address search for the hotline form over the seeded gazetteer:
 * `GET /api/intake/addresses?q=&limit=` → `{items: AddressHit[]}` (best match first; served by intake).
 */
export const searchAddresses = async (q: string, limit = 8) =>
  (await get<{ items: AddressHit[] }>('/api/intake/addresses', { q, limit })).items;

/**
 * Beyond api.md — open cases of the same category near a point, asked before the report is saved:
 * `GET /api/intake/duplicates?lat=&lng=&categoryCode=` → `{items: PossibleDuplicate[]}` (nearest first).
 */
export const findDuplicates = async (at: LatLng, categoryCode: string) =>
  (
    await get<{ items: PossibleDuplicate[] }>('/api/intake/duplicates', {
      lat: at.lat,
      lng: at.lng,
      categoryCode,
    })
  ).items;
