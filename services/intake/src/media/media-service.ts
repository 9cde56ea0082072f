/**
 * Photos (照片) as evidence: the type is read from the bytes (a name or a client's content type
 * proves nothing), each distinct photo is stored once per city (SHA-256), and its EXIF time and
 * place are kept so a report can be checked against them.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { findMedia, findMediaById, findMediaBySha256, insertMediaOnce, type MediaRow } from '@urbangrid/db';
import { newId } from '@urbangrid/engine';
import { httpError } from '@urbangrid/platform';
import { fileTypeFromBuffer } from 'file-type';
import type { IntakeContext } from '../intake-context.js';
import { mediaStorageKey } from './media-storage.js';
import { readPhotoFacts } from './photo-exif.js';

export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** The photo type the bytes are, or null for anything that is not a JPEG, PNG or WebP. */
export async function sniffPhotoType(bytes: Buffer): Promise<(typeof photoTypes)[number] | null> {
  const type = await fileTypeFromBuffer(bytes);
  const mime = type?.mime;
  return photoTypes.find((t) => t === mime) ?? null;
}

export interface StorePhotoInput {
  city: string;
  bytes: Buffer;
  /** Who uploaded it (username or integration name). */
  uploadedBy: string;
}

export async function storePhoto(ctx: IntakeContext, input: StorePhotoInput): Promise<MediaRow> {
  if (input.bytes.length === 0) throw httpError('VALIDATION_FAILED', 'file: the upload is empty');
  const contentType = await sniffPhotoType(input.bytes);
  if (contentType === null) {
    throw httpError('UNSUPPORTED_MEDIA_TYPE', 'file: only JPEG, PNG and WebP photos are accepted');
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const earlier = await findMediaBySha256(ctx.db, input.city, sha256);
  if (earlier) return earlier;
  const timeZone = await ctx.engine.reference.cityTimeZone(input.city);
  const facts = await readPhotoFacts(input.bytes, timeZone);
  const storageKey = mediaStorageKey(input.city, sha256);
  // Bytes first: a row must never point at nothing. Bytes without a row are only garbage.
  await ctx.storage.put(storageKey, input.bytes, contentType);
  const now = ctx.engine.now();
  return insertMediaOnce(ctx.db, {
    id: newId(now),
    city: input.city,
    sha256,
    contentType,
    size: input.bytes.length,
    storageKey,
    takenAt: facts.takenAt,
    gpsLat: facts.gpsLat,
    gpsLng: facts.gpsLng,
    uploadedBy: input.uploadedBy,
    createdAt: now,
  });
}

/** A photo and its bytes, as the caller's city may see it (null city: region staff see all). */
export async function openPhoto(
  ctx: IntakeContext,
  city: string | null,
  id: string,
): Promise<{ photo: MediaRow; stream: Readable }> {
  const photo = city === null ? await findMediaById(ctx.db, id) : await findMedia(ctx.db, city, id);
  const stream = photo ? await ctx.storage.open(photo.storageKey) : null;
  if (!photo || !stream) throw httpError('NOT_FOUND', `photo ${id} not found`);
  return { photo, stream };
}
