import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';

/**
 * Makes the missing monthly partitions of case_events and the outbox for this month and the next
 * `monthsAhead` (migration 0029's function); how many tables it made.
 */
export async function addMonthPartitions(db: DbOrTx, monthsAhead = 3): Promise<number> {
  const result = await db.execute<{ made: number }>(
    sql`select urbangrid_add_month_partitions(${monthsAhead}::integer) as made`,
  );
  return Number(result.rows[0]?.made ?? 0);
}
