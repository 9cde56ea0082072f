import { type SQL, sql, type WithSubquery } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { caseNumberCounters } from '../schema/infrastructure.js';

/**
 * The case number (案件编号) taken by the statement that writes the case (`writeCaseTogether`'s
 * `leading`): unique per city, sortable by time and easy to read out over the phone — the local
 * date and the day's sequence, at least five digits, e.g. 20261125 00042 → `2026112500042`. The
 * counter row is locked only for that one statement, and a report that fails takes no number.
 */
export function caseNumberOfStatement(
  db: DbOrTx,
  city: string,
  day: string,
): { counter: WithSubquery; caseNo: SQL<string> } {
  const counter = db.$with('case_number').as(
    db
      .insert(caseNumberCounters)
      .values({ city, day, last: 1 })
      .onConflictDoUpdate({
        target: [caseNumberCounters.city, caseNumberCounters.day],
        set: { last: sql`${caseNumberCounters.last} + 1` },
      })
      .returning({ last: caseNumberCounters.last }),
  );
  const sequence = sql`${sql.identifier('last')}::text`;
  const caseNo = sql<string>`(select ${day.replaceAll('-', '')} || lpad(${sequence}, greatest(5, length(${sequence})), '0') from ${counter})`;
  return { counter, caseNo };
}
