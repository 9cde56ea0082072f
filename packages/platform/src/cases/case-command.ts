/**
 * A case command route (api.md "Commands"), declared from the command's name: one declaration
 * gives the path (`/cases/:id/<command>` under the service's prefix unless it names another), the
 * body (its fields plus the optional `expectedVersion`), the roles (the lifecycle row's issuers,
 * refused with 403 before the body is read, and documented), and the handler that applies it. The
 * case is looked up within the caller's jurisdiction first (404 outside it, before any rule of the
 * case is consulted), and the answer is the case view. The engine's refusals (FORBIDDEN,
 * TRANSITION_NOT_ALLOWED, VERSION_CONFLICT) map to HTTP by their code.
 */
import type { CaseRow } from '@urbangrid/db';
import { type Actor as DomainActor, type HumanCommandType, issuerRoles, lifecycle } from '@urbangrid/domain';
import { z } from 'zod';
import type { App } from '../app.js';
import { actorOf, toDomainActor } from '../auth/actor.js';
import type { Allowed } from '../auth/route-access.js';
import { caseInScopeOr404 } from './case-in-scope.js';
import { caseViewSchema, toCaseView } from './case-view.js';

/** Every command body may carry the version the caller saw (409 VERSION_CONFLICT when stale). */
export const commandBody = z.object({ expectedVersion: z.number().int().min(1).optional() });

export const caseIdParams = z.object({ id: z.string().trim().min(1).max(100) });

/** A short free text (notes, reasons): trimmed, not empty, bounded. */
export const noteText = z.string().trim().min(1).max(2000);

export const mediaIdList = z.array(z.string().trim().min(1).max(100)).max(20);

/** The commands applied to an existing case (all human ones but `report`, which creates one). */
export type CaseCommandName = Exclude<HumanCommandType, 'report'>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The lifecycle command this route issues (the role matrix finds command routes by it). */
    command?: HumanCommandType;
  }
}

/**
 * Who issues a command on which case, and the version they saw: what a handler gets, shaped to
 * spread into the engine's command request (`applyCommand(engine, { ...call, command })`).
 */
export interface CaseCommandCall {
  caseId: string;
  /** The case as just read within the caller's jurisdiction. */
  loaded: CaseRow;
  actor: DomainActor;
  expectedVersion?: number;
}

export interface CaseCommandRoute<F extends z.ZodRawShape> {
  /** Under the service's prefix, with `:id` for the case; default `/cases/:id/<command>`. */
  path?: string;
  tags: string[];
  /** The OpenAPI summary: the Chinese term, who, and the transition. */
  summary: string;
  /** The body's own fields; `expectedVersion` is added to every command body. */
  fields: F;
  apply: (call: CaseCommandCall, input: z.output<z.ZodObject<F>>) => Promise<{ case: CaseRow }>;
}

/** Who may call the route of `command`: the roles the lifecycle table lets issue it (its `config.access`). */
export function commandAccess(command: HumanCommandType): Allowed {
  return { roles: issuerRoles(command) };
}

/** Declares the route of `command` (see the file's comment). */
export function caseCommandRoute<F extends z.ZodRawShape>(
  app: App,
  command: CaseCommandName,
  route: CaseCommandRoute<F>,
): void {
  const body = commandBody.extend(route.fields);
  const row = lifecycle[command];
  app.post(
    route.path ?? `/cases/:id/${command}`,
    {
      // Who may issue it is refused before the body is read (route-access.ts).
      config: { command, access: commandAccess(command) },
      schema: {
        tags: route.tags,
        summary: route.summary,
        description: `\`${command}\` (${row.term}): issued by ${issuerRoles(command).join(', ')}; from ${row.from.join(', ')}.`,
        params: caseIdParams,
        body,
        response: { 200: caseViewSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const loaded = await caseInScopeOr404(app.db, actor, request.params.id);
      // The body passed `body`'s validation; its generic type is too deep for TypeScript to narrow.
      const { expectedVersion, ...input } = request.body as { expectedVersion?: number };
      const call = { caseId: loaded.id, loaded, actor: toDomainActor(actor), expectedVersion };
      const result = await route.apply(call, input as z.output<z.ZodObject<F>>);
      return toCaseView(result.case, actor, app.config.phoneEncryptionKey);
    },
  );
}
