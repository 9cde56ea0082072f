import { get, request } from './http';
import type { AddressHit, LatLng, MediaRef, ReportedCase, ReportSource, Urgency } from './types';

export interface ReportInput {
  source: ReportSource;
  categoryCode: string;
  description: string;
  location: LatLng;
  address?: string;
  reporter?: { name?: string; phone?: string };
  mediaIds?: string[];
  urgency?: Urgency;
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

/** API-NEEDS: the image bytes of an uploaded photo (bearer token, so fetched, not <img src>). */
export const mediaPath = (id: string) => `/api/intake/media/${encodeURIComponent(id)}`;

/** API-NEEDS: address search for the hotline form. */
export const searchAddresses = (q: string) => get<AddressHit[]>('/api/intake/addresses', { q });
