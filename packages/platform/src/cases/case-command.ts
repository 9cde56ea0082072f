/**
 * A case command route (api.md "Commands"), declared from the command's name: one declaration
 * gives the path (`/cases/:id/<command>` under the service's prefix unless it names another), the
 * body (the lifecycle row's body, any evidence, and the optional `expectedVersion`), the roles (the
 * row's issuers, refused with 403 before the body is read, and documented), and the handler that
 * applies it (`caseCommandRoutes`; `caseCommandRoute` for a body of the route's own). The
 * case is looked up within the caller's jurisdiction first (404 outside it, before any rule of the
 * case is consulted), and the answer is the case view. The engine's refusals (FORBIDDEN,
 * TRANSITION_NOT_ALLOWED, VERSION_CONFLICT) map to HTTP by their code.
 */
import type { CaseRow } from '@urbangrid/db';
import {
  type CaseCommand,
  type Actor as DomainActor,
  type HumanCommandType,
  issuerRoles,
  type LifecycleTable,
  lifecycle,
} from '@urbangrid/domain';
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

/** What a command may record in its event beside its own body: a note and photos (留痕). */
export const evidenceFields = { note: noteText.optional(), mediaIds: mediaIdList.optional() };
export interface Evidence {
  note?: string;
  mediaIds?: readonly string[];
}

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
  /** Who may call it: default the command's issuers; a route that is one desk of several names its own. */
  access?: Allowed;
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
  const access = route.access ?? commandAccess(command);
  app.post(
    route.path ?? `/cases/:id/${command}`,
    {
      // Who may issue it is refused before the body is read (route-access.ts).
      config: { command, access },
      schema: {
        // The command's name: the console's generated client finds each command's route by it.
        operationId: command,
        tags: route.tags,
        summary: route.summary,
        description: `\`${command}\` (${row.term}): issued by ${(access.roles ?? []).join(', ')}; from ${row.from.join(', ')}.`,
        params: caseIdParams,
        body,
        response: { 200: caseViewSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // The case as one of the roles this route lets in: another role's jurisdiction is not this command's.
      const loaded = await caseInScopeOr404(app.db, actor, request.params.id, access.roles);
      // The body passed `body`'s validation; its generic type is too deep for TypeScript to narrow.
      const { expectedVersion, ...input } = request.body as { expectedVersion?: number };
      const call = { caseId: loaded.id, loaded, actor: toDomainActor(actor), expectedVersion };
      const result = await route.apply(call, input as z.output<z.ZodObject<F>>);
      return toCaseView(result.case, actor, app.config.phoneEncryptionKey);
    },
  );
}

/** A command as its row's body makes it, with the evidence the rest of the route's body gave. */
export interface CaseCommandApplication extends CaseCommandCall {
  command: CaseCommand;
  evidence: Evidence;
}

type RowInput<C extends CaseCommandName> = z.output<LifecycleTable[C]['body']>;

export interface DerivedCommandRoute<C extends CaseCommandName, F extends z.ZodRawShape> {
  /** Under the service's prefix, with `:id` for the case; default `/cases/:id/<command>`. */
  path?: string;
  /** The OpenAPI summary: the Chinese term, who, and the transition (default: the row's term). */
  summary?: string;
  /** Who may call it: default the command's issuers (see `CaseCommandRoute`). */
  access?: Allowed;
  /** Fields beyond the row's body: its evidence (`evidenceFields`), or what `apply` reads. */
  fields?: F;
  /**
   * Default: the service's `apply` with the command made of the row's fields and the rest of the
   * body as its evidence.
   */
  apply?: (
    call: CaseCommandCall,
    input: RowInput<C> & z.output<z.ZodObject<F>>,
  ) => Promise<{ case: CaseRow }>;
}

/**
 * A service's command routes, each declared from the command's name alone (`route('accept')`): its
 * body is the lifecycle row's body (plus `fields`), and `apply` carries the command out.
 */
export function caseCommandRoutes(
  app: App,
  service: { tags: string[]; apply: (application: CaseCommandApplication) => Promise<{ case: CaseRow }> },
) {
  return <C extends CaseCommandName, F extends z.ZodRawShape = Record<never, never>>(
    command: C,
    route: DerivedCommandRoute<C, F> = {},
  ): void => {
    const own: z.ZodRawShape = lifecycle[command].body.shape;
    const ownKeys = Object.keys(own);
    caseCommandRoute(app, command, {
      path: route.path,
      access: route.access,
      tags: service.tags,
      summary: route.summary ?? lifecycle[command].term,
      fields: { ...own, ...route.fields },
      apply: async (call, input: Record<string, unknown>) => {
        if (route.apply) return route.apply(call, input as RowInput<C> & z.output<z.ZodObject<F>>);
        const fields = Object.entries(input);
        const body = Object.fromEntries(fields.filter(([key]) => ownKeys.includes(key)));
        const evidence: Evidence = Object.fromEntries(fields.filter(([key]) => !ownKeys.includes(key)));
        // The body passed the row's own schema above, so it is this command's.
        return service.apply({ ...call, command: { ...body, type: command } as CaseCommand, evidence });
      },
    });
  };
}
