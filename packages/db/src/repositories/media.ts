import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { caseMedia, media } from '../schema/cases.js';

export type MediaRow = typeof media.$inferSelect;
export type NewMediaRow = typeof media.$inferInsert;

/**
 * Records an uploaded photo unless the city already has one with the same SHA-256; returns the row
 * that holds those bytes (the new one, or the earlier one), so two uploads of one photo share an id.
 */
export async function insertMediaOnce(db: DbOrTx, row: NewMediaRow): Promise<MediaRow> {
  const inserted = await db
    .insert(media)
    .values(row)
    .onConflictDoNothing({ target: [media.city, media.sha256] })
    .returning();
  const fresh = inserted[0];
  if (fresh) return fresh;
  const existing = await findMediaBySha256(db, row.city, row.sha256);
  if (!existing) throw new Error(`media ${row.sha256} of ${row.city} vanished after a conflict`);
  return existing;
}

export async function findMediaBySha256(db: DbOrTx, city: string, sha256: string): Promise<MediaRow | null> {
  const rows = await db
    .select()
    .from(media)
    .where(and(eq(media.city, city), eq(media.sha256, sha256)))
    .limit(1);
  return rows[0] ?? null;
}

/** A photo of `city` by id (media are scoped to their city like cases). */
export async function findMedia(db: DbOrTx, city: string, id: string): Promise<MediaRow | null> {
  const rows = await db
    .select()
    .from(media)
    .where(and(eq(media.city, city), eq(media.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** The photos of `city` among `ids` (ids of another city or of nothing are simply absent). */
export async function findMediaOfCity(db: DbOrTx, city: string, ids: readonly string[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(media)
    .where(and(eq(media.city, city), inArray(media.id, [...ids])));
}

/** A photo by id in any city (region-level staff, who belong to no city). */
export async function findMediaById(db: DbOrTx, id: string): Promise<MediaRow | null> {
  const rows = await db.select().from(media).where(eq(media.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Deletes a photo no case uses (none of its steps names it); whether it was deleted. */
export async function deleteUnusedMedia(db: DbOrTx, id: string): Promise<boolean> {
  const used = db.select({ one: sql`1` }).from(caseMedia).where(eq(caseMedia.mediaId, id));
  const deleted = await db
    .delete(media)
    .where(and(eq(media.id, id), notExists(used)))
    .returning({ id: media.id });
  return deleted.length > 0;
}
