import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { tasks } from '../schema/cases.js';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;
export type TaskKind = TaskRow['kind'];

/** The insert of a task (none when the replayed job wrote it already), built but not run. */
export function taskInsertQuery(db: DbOrTx, row: NewTaskRow) {
  return db
    .insert(tasks)
    .values(row)
    .onConflictDoNothing({ target: [tasks.caseId, tasks.kind, tasks.caseVersion] });
}

/** The update closing a case's open tasks (of one kind, or all), built but not run. */
export function openTasksCloseQuery(
  db: DbOrTx,
  caseId: string,
  status: 'done' | 'cancelled',
  at: Date,
  kind?: TaskKind,
) {
  return db
    .update(tasks)
    .set({ status, completedAt: at })
    .where(
      and(
        eq(tasks.caseId, caseId),
        eq(tasks.status, 'open'),
        kind === undefined ? undefined : eq(tasks.kind, kind),
      ),
    );
}

export async function listTasksOfCase(db: DbOrTx, caseId: string): Promise<TaskRow[]> {
  return db.select().from(tasks).where(eq(tasks.caseId, caseId)).orderBy(asc(tasks.createdAt));
}
