import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { caseNumberCounters } from '../schema/infrastructure.js';

/**
 * The next daily sequence number of a city (1, 2, …) for the local day `day` (YYYY-MM-DD). The
 * upsert locks the counter row until its transaction ends, so two reports never share a number;
 * run it in a transaction of its own (or none) so that lock is short.
 */
export async function nextCaseSequence(tx: DbOrTx, city: string, day: string): Promise<number> {
  const rows = await tx
    .insert(caseNumberCounters)
    .values({ city, day, last: 1 })
    .onConflictDoUpdate({
      target: [caseNumberCounters.city, caseNumberCounters.day],
      set: { last: sql`${caseNumberCounters.last} + 1` },
    })
    .returning({ last: caseNumberCounters.last });
  const last = rows[0]?.last;
  if (last === undefined) throw new Error(`no case number counter for ${city} ${day}`);
  return last;
}
