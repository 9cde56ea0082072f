/**
 * A department's command routes (api.md "Commands"), mounted under /api/handling. Any signed-in
 * staff member may call them: the case is first looked up within the caller's jurisdiction (404
 * outside it), then the lifecycle decides roles and guards (403, 409).
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
import type { HandlingServiceDeps } from './deps.js';
import {
  acceptCase,
  completeCase,
  requestExtension,
  requestSuspension,
  resumeCase,
  returnCase,
} from './handling-commands.js';

const tags = ['handling'];
const answers = { 200: caseViewSchema };
/** Ten working days of 480 minutes: more is a suspension (挂账), not an extension. */
const maxExtensionMinutes = 4800;

export function handlingRoutes(deps: HandlingServiceDeps): ServicePlugin {
  const { engine } = deps;
  return async (app) => {
    app.get(
      '/status',
      {
        schema: {
          tags,
          summary: 'Whether the handling service is mounted in this process',
          response: { 200: z.object({ service: z.literal('handling'), status: z.literal('ok') }) },
        },
      },
      async () => ({ service: 'handling' as const, status: 'ok' as const }),
    );

    app.post(
      '/cases/:id/accept',
      {
        schema: {
          tags,
          summary: '签收 — a handler of the case’s department signs for it (dispatched → handling)',
          params: caseIdParams,
          body: commandBody,
          response: answers,
        },
      },
      async (request) =>
        caseCommand(app, request, request.params.id, (actor, row) =>
          acceptCase(engine, {
            case: row,
            actor: toDomainActor(actor),
            expectedVersion: request.body.expectedVersion,
          }),
        ),
    );

    app.post(
      '/cases/:id/complete',
      {
        schema: {
          tags,
          summary: '处理反馈 — the handler reports the fix (handling → handled; a check task follows)',
          params: caseIdParams,
          body: commandBody.extend({ note: noteText, mediaIds: mediaIdList.optional() }),
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, ...input } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          completeCase(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, input),
        );
      },
    );

    app.post(
      '/cases/:id/return',
      {
        schema: {
          tags,
          summary:
            '回退 — not this department’s case: dispatched or handling → filed; the first dispatch counts as a dispatch error',
          params: caseIdParams,
          body: commandBody.extend({ reason: noteText }),
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, reason } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          returnCase(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, reason),
        );
      },
    );

    app.post(
      '/cases/:id/extension',
      {
        schema: {
          tags,
          summary:
            '延期申请 — asks for more working minutes on the handling deadline (pending the dispatcher’s decision)',
          params: caseIdParams,
          body: commandBody.extend({
            workMinutes: z.number().int().min(1).max(maxExtensionMinutes),
            reason: noteText,
          }),
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, ...input } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          requestExtension(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, input),
        );
      },
    );

    app.post(
      '/cases/:id/suspension',
      {
        schema: {
          tags,
          summary:
            '挂账申请 — asks to park the case with its clock stopped (pending the dispatcher’s decision)',
          params: caseIdParams,
          body: commandBody.extend({ reason: noteText }),
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, reason } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          requestSuspension(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, reason),
        );
      },
    );

    app.post(
      '/cases/:id/resume',
      {
        schema: {
          tags,
          summary:
            '恢复处置 — suspended → handling; the clock runs again with the working time that was left',
          params: caseIdParams,
          body: commandBody,
          response: answers,
        },
      },
      async (request) =>
        caseCommand(app, request, request.params.id, (actor, row) =>
          resumeCase(engine, {
            case: row,
            actor: toDomainActor(actor),
            expectedVersion: request.body.expectedVersion,
          }),
        ),
    );
  };
}
