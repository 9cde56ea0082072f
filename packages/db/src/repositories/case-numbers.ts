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
  const counter = counterTaking(db, city, day, 1);
  const caseNo = sql<string>`(select ${numbered(day, sql`${sql.identifier('last')}`)} from ${counter})`;
  return { counter, caseNo };
}

/**
 * The numbers of `count` new cases of one city and day written by one statement
 * (`writeNewCasesTogether`): the counter taken once for all of them, `caseNo` the expression of the
 * insert's select that gives its row (`r`, ordered by id) the next of those numbers. The same
 * numbers, with no gap, as `count` reports written one after the other.
 */
export function caseNumbersOfStatement(
  db: DbOrTx,
  city: string,
  day: string,
  count: number,
): { counter: WithSubquery; caseNo: SQL<string> } {
  const counter = counterTaking(db, city, day, count);
  const sequence = sql`((select ${sql.identifier('last')} from ${counter}) - ${count} + row_number() over (order by r.${sql.identifier('id')}))`;
  return { counter, caseNo: sql<string>`${numbered(day, sequence)}` };
}

function counterTaking(db: DbOrTx, city: string, day: string, count: number): WithSubquery {
  return db.$with('case_number').as(
    db
      .insert(caseNumberCounters)
      .values({ city, day, last: count })
      .onConflictDoUpdate({
        target: [caseNumberCounters.city, caseNumberCounters.day],
        set: {
          last:
            count === 1 ? sql`${caseNumberCounters.last} + 1` : sql`${caseNumberCounters.last} + ${count}`,
        },
      })
      .returning({ last: caseNumberCounters.last }),
  );
}

/** The day's digits and the sequence, at least five digits long. */
function numbered(day: string, sequence: SQL): SQL {
  const text = sql`${sequence}::text`;
  return sql`${day.replaceAll('-', '')} || lpad(${text}, greatest(5, length(${text})), '0')`;
}
