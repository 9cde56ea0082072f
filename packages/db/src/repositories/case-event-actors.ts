import type { CaseCommandType } from '@urbangrid/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { caseEvents } from '../schema/cases.js';

/**
 * The staff member (username) who last issued `command` on a case, or null when no person did
 * (never issued, or issued by a worker or an integration).
 */
export async function lastActorOfCommand(
  db: DbOrTx,
  caseId: string,
  command: CaseCommandType,
): Promise<string | null> {
  const rows = await db
    .select({ actorName: caseEvents.actorName, actorRole: caseEvents.actorRole })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.command, command)))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  const row = rows[0];
  if (row === undefined || row.actorRole === 'system' || row.actorRole === 'integration') return null;
  return row.actorName;
}

/** Every event of the given commands in a city (a recount's input; tests and audits only). */
export async function listEventsOfCommands(db: DbOrTx, city: string, commands: readonly CaseCommandType[]) {
  return db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.city, city), inArray(caseEvents.command, [...commands])))
    .orderBy(caseEvents.caseId, caseEvents.seq);
}
