import { type CaseRow, type Db, findCaseInScope } from '@urbangrid/db';
import { caseScopeOf } from '../access/case-scope.js';
import type { Actor } from '../auth/actor.js';
import type { Role } from '../auth/roles.js';
import { NotFoundError } from '../errors.js';

/**
 * The case if `actor` may see it. A case outside the caller's jurisdiction answers 404 exactly like
 * one that does not exist, so nobody learns that it exists (access/case-scope.ts). With `acting`,
 * as one of those roles only (a route's roles: `caseScopeOf`).
 */
export async function caseInScopeOr404(
  db: Db,
  actor: Actor,
  id: string,
  acting?: readonly Role[],
): Promise<CaseRow> {
  const row = await findCaseInScope(db, id, caseScopeOf(actor, acting));
  if (row === null) throw new NotFoundError(`case ${id} not found`);
  return row;
}
