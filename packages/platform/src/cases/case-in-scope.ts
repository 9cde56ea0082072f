import { type CaseRow, type Db, findCaseInScope } from '@urbangrid/db';
import { caseScopeOf } from '../access/case-scope.js';
import type { Actor } from '../auth/actor.js';
import { NotFoundError } from '../errors.js';

/**
 * The case if `actor` may see it. A case outside the caller's jurisdiction answers 404 exactly like
 * one that does not exist, so nobody learns that it exists (access/case-scope.ts).
 */
export async function caseInScopeOr404(db: Db, actor: Actor, id: string): Promise<CaseRow> {
  const row = await findCaseInScope(db, id, caseScopeOf(actor));
  if (row === null) throw new NotFoundError(`case ${id} not found`);
  return row;
}
