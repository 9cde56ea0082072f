/**
 * The dispatch desk's command routes (api.md "Commands"), mounted under /api/dispatch. Any signed-in
 * staff member may call them: the case is first looked up within the caller's jurisdiction (404
 * outside it), then the lifecycle decides roles and guards (403, 409).
 */
import { urgencySchema } from '@urbangrid/domain';
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
import type { DispatchServiceDeps } from './deps.js';
import {
  cancelCase,
  decideExtension,
  decideSuspension,
  dispatchCase,
  fileCase,
  rejectCase,
  superviseCase,
  verifyCase,
} from './dispatch-commands.js';

const tags = ['dispatch'];
const answers = { 200: caseViewSchema };
const reasonBody = commandBody.extend({ reason: noteText });
const decisionBody = commandBody.extend({ approve: z.boolean(), note: noteText.optional() });

export function dispatchRoutes(deps: DispatchServiceDeps): ServicePlugin {
  const { engine } = deps;
  return async (app) => {
    app.get(
      '/status',
      {
        schema: {
          tags,
          summary: 'Whether the dispatch service is mounted in this process',
          response: { 200: z.object({ service: z.literal('dispatch'), status: z.literal('ok') }) },
        },
      },
      async () => ({ service: 'dispatch' as const, status: 'ok' as const }),
    );

    app.post(
      '/cases/:id/verify',
      {
        schema: {
          tags,
          summary:
            '核实 — the assigned officer verifies on site: verifying → verified, or → rejected when not found',
          params: caseIdParams,
          body: commandBody.extend({
            found: z.boolean(),
            note: noteText.optional(),
            mediaIds: mediaIdList.optional(),
          }),
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, ...input } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          verifyCase(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, input),
        );
      },
    );

    app.post(
      '/cases/:id/file',
      {
        schema: {
          tags,
          summary:
            '立案 — the shift lead files the case (verified → filed), optionally correcting category and urgency',
          params: caseIdParams,
          body: commandBody.extend({
            categoryCode: z.string().trim().min(1).max(20).optional(),
            urgency: urgencySchema.optional(),
          }),
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, ...input } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          fileCase(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, input),
        );
      },
    );

    app.post(
      '/cases/:id/reject',
      {
        schema: {
          tags,
          summary: '不予立案 — the shift lead rejects a report (reported, verifying, verified → rejected)',
          params: caseIdParams,
          body: reasonBody,
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, reason } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          rejectCase(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, reason),
        );
      },
    );

    app.post(
      '/cases/:id/dispatch',
      {
        schema: {
          tags,
          summary: '派遣 — the dispatcher sends a filed case to a department (filed → dispatched)',
          params: caseIdParams,
          body: commandBody.extend({ departmentId: z.string().trim().min(1).max(100) }),
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, departmentId } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          dispatchCase(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, departmentId),
        );
      },
    );

    app.post(
      '/cases/:id/cancel',
      {
        schema: {
          tags,
          summary: '作废 — the shift lead cancels an open case, with a reason (any open state → cancelled)',
          params: caseIdParams,
          body: reasonBody,
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, reason } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          cancelCase(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, reason),
        );
      },
    );

    app.post(
      '/cases/:id/extension/decide',
      {
        schema: {
          tags,
          summary:
            '延期审批 — the dispatcher decides a pending extension; approved, the handling deadline moves by the requested working minutes on the department’s calendar',
          params: caseIdParams,
          body: decisionBody,
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, ...input } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          decideExtension(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, input),
        );
      },
    );

    app.post(
      '/cases/:id/suspension/decide',
      {
        schema: {
          tags,
          summary:
            '挂账审批 — the dispatcher decides a pending suspension; approved, handling → suspended and the clock stops until resumed',
          params: caseIdParams,
          body: decisionBody,
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, ...input } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          decideSuspension(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, input),
        );
      },
    );

    app.post(
      '/cases/:id/supervise',
      {
        schema: {
          tags,
          summary:
            '督办 — a supervisor escalates an overdue (red) case: it is marked supervised and urgent and its owner is notified',
          params: caseIdParams,
          body: commandBody.extend({ note: noteText.optional() }),
          response: answers,
        },
      },
      async (request) => {
        const { expectedVersion, note } = request.body;
        return caseCommand(app, request, request.params.id, (actor, row) =>
          superviseCase(engine, { case: row, actor: toDomainActor(actor), expectedVersion }, note),
        );
      },
    );
  };
}
