import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { caseMedia, media } from '../schema/cases.js';

/** The ids among `ids` that name uploaded media. */
export async function existingMediaIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: media.id })
    .from(media)
    .where(inArray(media.id, [...ids]));
  return new Set(rows.map((row) => row.id));
}

export interface CaseMediaLink {
  caseId: string;
  mediaId: string;
  stage: string;
  eventSeq: number;
}

/** The insert of photo links, built but not run; null for none. */
export function caseMediaLinkQuery(db: DbOrTx, rows: readonly CaseMediaLink[]) {
  if (rows.length === 0) return null;
  return db
    .insert(caseMedia)
    .values([...rows])
    .onConflictDoNothing();
}
