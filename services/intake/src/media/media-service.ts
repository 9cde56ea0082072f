/**
 * Photos (照片) as evidence: the type is read from the bytes (a name or a client's content type
 * proves nothing), each distinct photo is stored once per city (SHA-256), and its EXIF time and
 * place are kept so a report can be checked against them.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  deleteUnusedMedia,
  findMedia,
  findMediaById,
  findMediaBySha256,
  insertMediaOnce,
  type MediaRow,
} from '@urbangrid/db';
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
  return (await storePhotoOnce(ctx, input)).photo;
}

/** The photo's row, and whether this call stored it (false: an earlier upload of the same bytes). */
export async function storePhotoOnce(
  ctx: IntakeContext,
  input: StorePhotoInput,
): Promise<{ photo: MediaRow; stored: boolean }> {
  if (input.bytes.length === 0) throw httpError('VALIDATION_FAILED', 'file: the upload is empty');
  const contentType = await sniffPhotoType(input.bytes);
  if (contentType === null) {
    throw httpError('UNSUPPORTED_MEDIA_TYPE', 'file: only JPEG, PNG and WebP photos are accepted');
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const earlier = await findMediaBySha256(ctx.db, input.city, sha256);
  if (earlier) return { photo: earlier, stored: false };
  const timeZone = await ctx.engine.reference.cityTimeZone(input.city);
  const facts = await readPhotoFacts(input.bytes, timeZone);
  const storageKey = mediaStorageKey(input.city, sha256);
  // Bytes first: a row must never point at nothing. Bytes without a row are only garbage.
  await ctx.storage.put(storageKey, input.bytes, contentType);
  const now = ctx.engine.now();
  const id = newId(now);
  const photo = await insertMediaOnce(ctx.db, {
    id,
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
  return { photo, stored: photo.id === id };
}

/**
 * Takes back a photo stored for a report that was then refused: its row unless a case uses it by
 * now, then its bytes — put back if the same photo was stored again meanwhile, so that no row ever
 * points at nothing.
 */
export async function withdrawPhoto(ctx: IntakeContext, photo: MediaRow, bytes: Buffer): Promise<void> {
  if (!(await deleteUnusedMedia(ctx.db, photo.id))) return;
  await ctx.storage.remove(photo.storageKey);
  if ((await findMediaBySha256(ctx.db, photo.city, photo.sha256)) !== null)
    await ctx.storage.put(photo.storageKey, bytes, photo.contentType);
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
