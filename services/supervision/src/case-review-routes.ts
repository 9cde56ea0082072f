/**
 * The supervision command routes of api.md (核查结案, domain.md §3 step 6): the assigned officer
 * checks the fix on site — a failed check sends the case back to the same department as rework
 * (返工) — and the shift lead closes a checked case, the engine recording the closure type. Each
 * is one declaration from its command's name; the lifecycle table decides roles, guards and states.
 */
import { applyCommand, evidenceData } from '@urbangrid/engine';
import { caseCommandRoute, mediaIdList, noteText, type ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';
import type { SupervisionServiceDeps } from './deps.js';

const tags = ['supervision'];

export function caseReviewRoutes(deps: SupervisionServiceDeps): ServicePlugin {
  const { engine } = deps;
  return async (app) => {
    caseCommandRoute(app, 'check', {
      tags,
      summary:
        '核查 — the assigned officer checks the fix: reviewing → reviewed, or → handling as rework (返工) when not fixed',
      fields: { fixed: z.boolean(), note: noteText.optional(), mediaIds: mediaIdList.optional() },
      apply: (call, { fixed, ...evidence }) =>
        applyCommand(engine, { ...call, command: { type: 'check', fixed }, data: evidenceData(evidence) }),
    });

    caseCommandRoute(app, 'close', {
      tags,
      summary: '结案 — the shift lead closes a checked case (reviewed → closed); records the closure type',
      fields: {},
      apply: (call) => applyCommand(engine, { ...call, command: { type: 'close' } }),
    });
  };
}
