import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { cases } from '../schema/cases.js';

/**
 * The cases a caller may see (jurisdiction). Every case repository takes one and adds
 * `caseScopeCondition(scope)` to its query, so no route can forget it; the live hub applies the
 * same rule in memory with `caseVisibleTo`. Keep the two forms side by side: a property test
 * checks that they agree.
 */
export type CaseScope =
  /** Region level (自治区/省级平台): every case of every city. */
  | { readonly kind: 'everything' }
  | { readonly kind: 'city'; readonly city: string }
  | { readonly kind: 'district'; readonly city: string; readonly districtCode: string }
  /** Cases currently dispatched to the department. */
  | { readonly kind: 'department'; readonly departmentId: string }
  /** Cases in the officer's grids, plus any task assigned to them and any case they reported elsewhere. */
  | { readonly kind: 'officer'; readonly username: string; readonly gridCodes: readonly string[] }
  | { readonly kind: 'nothing' }
  /** A person with several roles sees what any of them sees. */
  | { readonly kind: 'union'; readonly scopes: readonly CaseScope[] };

/** The fields of a case that decide who may see it (also carried by live messages). */
export interface CaseScopeFacts {
  city: string;
  gridCode: string;
  districtCode: string;
  departmentId: string | null;
  assignee: string | null;
  /** Who reported it (an officer's own report, 我的上报); absent on messages of older processes. */
  reporterUsername?: string | null;
}

const never = sql`false`;

/** The scope as a condition over the `cases` table. */
export function caseScopeCondition(scope: CaseScope): SQL {
  switch (scope.kind) {
    case 'everything':
      return sql`true`;
    case 'city':
      return eq(cases.city, scope.city);
    case 'district':
      return and(eq(cases.city, scope.city), eq(cases.districtCode, scope.districtCode)) ?? never;
    case 'department':
      return eq(cases.departmentId, scope.departmentId);
    case 'officer':
      return (
        or(
          ...(scope.gridCodes.length === 0 ? [] : [inArray(cases.gridCode, [...scope.gridCodes])]),
          eq(cases.assignee, scope.username),
          eq(cases.reporterUsername, scope.username),
        ) ?? never
      );
    case 'nothing':
      return never;
    case 'union':
      return scope.scopes.length === 0 ? never : (or(...scope.scopes.map(caseScopeCondition)) ?? never);
  }
}

/** The same rule as `caseScopeCondition`, for a case already in hand. */
export function caseVisibleTo(scope: CaseScope, facts: CaseScopeFacts): boolean {
  switch (scope.kind) {
    case 'everything':
      return true;
    case 'city':
      return facts.city === scope.city;
    case 'district':
      return facts.city === scope.city && facts.districtCode === scope.districtCode;
    case 'department':
      return facts.departmentId === scope.departmentId;
    case 'officer':
      return (
        scope.gridCodes.includes(facts.gridCode) ||
        facts.assignee === scope.username ||
        facts.reporterUsername === scope.username
      );
    case 'nothing':
      return false;
    case 'union':
      return scope.scopes.some((s) => caseVisibleTo(s, facts));
  }
}
