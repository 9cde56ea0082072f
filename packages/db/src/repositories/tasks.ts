import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { tasks } from '../schema/cases.js';
import type { WriteQuery } from './case-write.js';
import { jsonRowsInsert } from './json-rows.js';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;
export type TaskKind = TaskRow['kind'];

/** The insert of a task with its case write (none when a replayed job wrote it already), built but not run. */
export function taskInsertQuery(row: NewTaskRow): WriteQuery {
  return (caseWrite) =>
    jsonRowsInsert(tasks, [row], {
      where: caseWrite.written,
      suffix: ' on conflict ("case_id", "kind", "case_version") do nothing',
    });
}

/** The update closing a case's open tasks (of one kind, or all) with its case write, built but not run. */
export function openTasksCloseQuery(
  db: DbOrTx,
  caseId: string,
  status: 'done' | 'cancelled',
  at: Date,
  kind?: TaskKind,
): WriteQuery {
  return (caseWrite) =>
    db
      .update(tasks)
      .set({ status, completedAt: at })
      .where(
        and(
          eq(tasks.caseId, caseId),
          eq(tasks.status, 'open'),
          kind === undefined ? undefined : eq(tasks.kind, kind),
          caseWrite.written,
        ),
      );
}

export async function listTasksOfCase(db: DbOrTx, caseId: string): Promise<TaskRow[]> {
  return db.select().from(tasks).where(eq(tasks.caseId, caseId)).orderBy(asc(tasks.createdAt));
}
