/**
 * The supervision command routes of api.md: check (核查) by the assigned officer and close (结案) by
 * the shift lead. The case is looked up within the caller's jurisdiction first (404 outside it);
 * the lifecycle then decides roles and guards (403) and states (409).
 */
import {
  caseCommand,
  caseIdParams,
  caseViewSchema,
  commandBody,
  mediaIdList,
  noteText,
  type ServicePlugin,
  toDomainActor,
} from '@urbangrid/platform';
import { z } from 'zod';
import { checkCase, closeCase } from './case-review-commands.js';
import type { SupervisionServiceDeps } from './deps.js';

const tags = ['supervision'];

export function caseReviewRoutes(deps: SupervisionServiceDeps): ServicePlugin {
  const { engine } = deps;
  return async (app) => {
    app.post(
      '/cases/:id/check',
      {
        schema: {
          tags,
          summary:
            '核查 — the assigned officer checks the fix: reviewing → reviewed, or → handling as rework (返工) when not fixed',
          params: caseIdParams,
          body: commandBody.extend({
            fixed: z.boolean(),
            note: noteText.optional(),
            mediaIds: mediaIdList.optional(),
          }),
          response: { 200: caseViewSchema },
        },
      },
      async (request) => {
        const { expectedVersion, ...input } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          checkCase(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, input),
        );
      },
    );

    app.post(
      '/cases/:id/close',
      {
        schema: {
          tags,
          summary:
            '结案 — the shift lead closes a checked case (reviewed → closed); records the closure type',
          params: caseIdParams,
          body: commandBody,
          response: { 200: caseViewSchema },
        },
      },
      async (request) =>
        caseCommand(app, request, request.params.id, (actor, row) =>
          closeCase(engine, {
            case: row,
            actor: toDomainActor(actor),
            expectedVersion: request.body.expectedVersion,
          }),
        ),
    );
  };
}
