/**
 * Where photo bytes live. Keys are content addresses (city/aa/sha256), so a write is idempotent and
 * a key never changes meaning. Local disk now; an S3-compatible store implements the same three
 * calls (PutObject, GetObject, HeadObject) without touching the services.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface MediaStorage {
  /** Stores `bytes` under `key`; storing the same key again is harmless. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when nothing is stored there. */
  open(key: string): Promise<Readable | null>;
  has(key: string): Promise<boolean>;
  /** Removes what is stored under `key`; removing nothing is harmless. */
  remove(key: string): Promise<void>;
}

/** The storage key of a photo: per city, fanned out by the hash's first byte. */
export function mediaStorageKey(city: string, sha256: string): string {
  return `${city}/${sha256.slice(0, 2)}/${sha256}`;
}

const safeKey = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** Photos as files under `root` (config.mediaDir). */
export function localDiskStorage(root: string): MediaStorage {
  const fileOf = (key: string) => {
    // Keys are made by mediaStorageKey; anything else must not walk out of root.
    if (!safeKey.test(key)) throw new Error(`invalid media storage key ${JSON.stringify(key)}`);
    return path.join(root, key);
  };
  const has = async (key: string) => {
    try {
      return (await stat(fileOf(key))).isFile();
    } catch {
      return false;
    }
  };
  return {
    has,
    async put(key, bytes) {
      const file = fileOf(key);
      if (await has(key)) return;
      await mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed, so a reader never sees half a photo.
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, bytes);
        await rename(temporary, file);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
    },
    async open(key) {
      if (!(await has(key))) return null;
      return createReadStream(fileOf(key));
    },
    async remove(key) {
      await unlink(fileOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
  };
}
