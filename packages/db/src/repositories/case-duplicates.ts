import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { cases } from '../schema/cases.js';

/**
 * Links a rejected duplicate to its original (重复案件), so the duplicate's reporter follows the
 * original's outcome. The reject itself is an engine command; this only records the link, which
 * no lifecycle rule reads, so it does not bump the case version.
 */
export async function markDuplicateOf(db: DbOrTx, id: string, originalId: string): Promise<void> {
  await db.update(cases).set({ duplicateOf: originalId }).where(eq(cases.id, id));
}
