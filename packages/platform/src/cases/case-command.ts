/**
 * What every case command route shares (api.md "Commands"): the optional `expectedVersion` of the
 * body, the case looked up within the caller's jurisdiction first (404 outside it, before any rule
 * is consulted), and the answer as the case view. The service supplies the command itself; the
 * engine's refusals (FORBIDDEN, TRANSITION_NOT_ALLOWED, VERSION_CONFLICT) map to HTTP by their code.
 */
import type { CaseRow } from '@urbangrid/db';
import type { Actor as DomainActor } from '@urbangrid/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../app.js';
import { type Actor, actorOf, toDomainActor } from '../auth/actor.js';
import { caseInScopeOr404 } from './case-in-scope.js';
import { type CaseView, caseViewSchema, toCaseView } from './case-view.js';

/** Every command body may carry the version the caller saw (409 VERSION_CONFLICT when stale). */
export const commandBody = z.object({ expectedVersion: z.number().int().min(1).optional() });

export const caseIdParams = z.object({ id: z.string().trim().min(1).max(100) });

/** A short free text (notes, reasons): trimmed, not empty, bounded. */
export const noteText = z.string().trim().min(1).max(2000);

export const mediaIdList = z.array(z.string().trim().min(1).max(100)).max(20);

/**
 * Runs `apply` on the case `caseId` once the caller is known to see it, and answers the case as the
 * caller may see it.
 */
export async function caseCommand(
  app: FastifyInstance,
  request: FastifyRequest,
  caseId: string,
  apply: (actor: Actor, visible: CaseRow) => Promise<{ case: CaseRow }>,
): Promise<CaseView> {
  const actor = actorOf(request);
  const visible = await caseInScopeOr404(app.db, actor, caseId);
  const result = await apply(actor, visible);
  return toCaseView(result.case, actor, app.config.phoneEncryptionKey);
}

/** Who issues a command on which case, and the version they saw: what a service function gets. */
export interface CaseCommandCall {
  case: CaseRow;
  actor: DomainActor;
  expectedVersion?: number;
}

export interface CaseCommandRoute<F extends z.ZodRawShape> {
  /** Under the service's prefix, with `:id` for the case, e.g. `/cases/:id/verify`. */
  path: string;
  tags: string[];
  /** The OpenAPI summary: the Chinese term, who, and the transition. */
  summary: string;
  /** The body's own fields; `expectedVersion` is added to every command body. */
  fields: F;
  apply: (call: CaseCommandCall, input: z.output<z.ZodObject<F>>) => Promise<{ case: CaseRow }>;
}

/**
 * Declares one case command route (api.md "Commands"): `POST path` with the case id, the body of
 * `fields` plus `expectedVersion`, the case looked up within the caller's jurisdiction, and the
 * answer as the case view.
 */
export function caseCommandRoute<F extends z.ZodRawShape>(app: App, route: CaseCommandRoute<F>): void {
  const body = commandBody.extend(route.fields);
  app.post(
    route.path,
    {
      schema: {
        tags: route.tags,
        summary: route.summary,
        params: caseIdParams,
        body,
        response: { 200: caseViewSchema },
      },
    },
    async (request) => {
      // The body passed `body`'s validation; its generic type is too deep for TypeScript to narrow.
      const { expectedVersion, ...input } = request.body as { expectedVersion?: number };
      return caseCommand(app, request, request.params.id, (actor, row) =>
        route.apply(
          { case: row, actor: toDomainActor(actor), expectedVersion },
          input as z.output<z.ZodObject<F>>,
        ),
      );
    },
  );
}
