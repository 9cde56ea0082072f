/**
 * The supervision command routes of api.md: check (核查) by the assigned officer and close (结案) by
 * the shift lead. The case is looked up within the caller's jurisdiction first (404 outside it);
 * the lifecycle then decides roles and guards (403) and states (409).
 */
import { caseCommandRoute, mediaIdList, noteText, type ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';
import { checkCase, closeCase } from './case-review-commands.js';
import type { SupervisionServiceDeps } from './deps.js';

const tags = ['supervision'];

export function caseReviewRoutes(deps: SupervisionServiceDeps): ServicePlugin {
  const { engine } = deps;
  return async (app) => {
    caseCommandRoute(app, {
      path: '/cases/:id/check',
      tags,
      summary:
        '核查 — the assigned officer checks the fix: reviewing → reviewed, or → handling as rework (返工) when not fixed',
      fields: { fixed: z.boolean(), note: noteText.optional(), mediaIds: mediaIdList.optional() },
      apply: (call, input) => checkCase(engine, call, input),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/close',
      tags,
      summary: '结案 — the shift lead closes a checked case (reviewed → closed); records the closure type',
      fields: {},
      apply: (call) => closeCase(engine, call),
    });
  };
}
