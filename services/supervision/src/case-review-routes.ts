/**
 * The supervision command routes of api.md (核查结案, domain.md §3 step 6): the assigned officer
 * checks the fix on site — a failed check sends the case back to the same department as rework
 * (返工) — and the shift lead closes a checked case, the engine recording the closure type. Each
 * is one declaration from its command's name; the lifecycle table decides body, roles, guards and
 * states.
 */
import { commandApplier } from '@urbangrid/engine';
import { caseCommandRoutes, evidenceFields, type ServicePlugin } from '@urbangrid/platform';
import type { SupervisionServiceDeps } from './deps.js';

export function caseReviewRoutes(deps: SupervisionServiceDeps): ServicePlugin {
  return async (app) => {
    const route = caseCommandRoutes(app, { tags: ['supervision'], apply: commandApplier(deps.engine) });
    route('check', {
      summary:
        '核查 — the assigned officer checks the fix: reviewing → reviewed, or → handling as rework (返工) when not fixed',
      fields: evidenceFields,
    });
    route('close', {
      summary: '结案 — the shift lead closes a checked case (reviewed → closed); records the closure type',
    });
  };
}
