/**
 * The "every role against every command" matrix: each command route the app has registered (a
 * route whose `config.command` names a lifecycle command, as `caseCommandRoute` declares them), sent
 * by every role the lifecycle table does not let issue that command, must be refused (403, or 404
 * when the case is outside their jurisdiction) and must never succeed. The body is empty: who may
 * issue a command is decided before the body is read. Issuers are not asserted here: per-case
 * guards (the assigned officer, the case's department) may still refuse them.
 */
import { type HumanCommandType, issuerRoles, type Role } from '@urbangrid/domain';
import type { App, RouteSummary } from '../app.js';

/** The app's command routes, as fastify registered them. */
export function commandRoutesOf(app: App): Array<RouteSummary & { command: HumanCommandType }> {
  return app.registeredRoutes.filter(
    (route): route is RouteSummary & { command: HumanCommandType } => route.command !== undefined,
  );
}

export interface MatrixViolation {
  command: HumanCommandType;
  url: string;
  role: Role;
  status: number;
  body: string;
}

/**
 * Sends every registered command route as every role that has a token and may NOT issue it;
 * returns the answers that were not a refusal.
 */
export async function roleMatrixViolations(
  app: App,
  options: { caseId: string; tokens: Partial<Record<Role, string>> },
): Promise<MatrixViolation[]> {
  const violations: MatrixViolation[] = [];
  for (const route of commandRoutesOf(app)) {
    const allowed = issuerRoles(route.command);
    for (const [role, token] of Object.entries(options.tokens) as [Role, string][]) {
      if (allowed.includes(role)) continue;
      const response = await app.inject({
        method: route.method,
        url: route.url.replace(':id', encodeURIComponent(options.caseId)),
        headers: { authorization: `Bearer ${token}` },
        payload: {},
      });
      if (response.statusCode !== 403 && response.statusCode !== 404) {
        violations.push({
          command: route.command,
          url: route.url,
          role,
          status: response.statusCode,
          body: response.body,
        });
      }
    }
  }
  return violations;
}
