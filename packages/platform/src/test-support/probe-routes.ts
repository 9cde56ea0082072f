/**
 * Test-only routes that exercise the platform the way services will: every catalogue error, a
 * validated body, role and scope guards, and a case lookup limited by the caller's case scope.
 */
import { caseScopeCondition, cases } from '@urbangrid/db';
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseScopeOf } from '../access/case-scope.js';
import { actorOf } from '../auth/actor.js';
import { staffOnly } from '../auth/route-access.js';
import { errorCatalogue, httpError, isErrorCode, NotFoundError } from '../errors.js';

export const probeRoutes: FastifyPluginAsyncZod = async (app) => {
  // Under /api/probe: the staff's routes unless a route says otherwise.
  app.get(
    '/errors/:code',
    { config: { access: staffOnly }, schema: { params: z.object({ code: z.string() }) } },
    async (request) => {
      const { code } = request.params;
      if (!isErrorCode(code)) throw new NotFoundError(`no error code ${code}`);
      throw httpError(code, `probe ${code}`);
    },
  );

  app.get('/crash', { config: { access: staffOnly } }, async () => {
    throw new Error('secret internals: password=hunter2 at db.internal:5432');
  });

  app.post(
    '/validated',
    {
      config: { access: staffOnly },
      schema: {
        body: z.object({
          name: z.string().min(1),
          location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
          tags: z.array(z.string()).max(3).optional(),
        }),
        querystring: z.object({ page: z.coerce.number().int().min(1).optional() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async () => ({ ok: true as const }),
  );

  app.get('/dispatchers-only', { config: { access: { roles: ['dispatcher'] } } }, async () => ({ ok: true }));
  app.get('/reports-key-only', { config: { access: { scopes: ['report:create'] } } }, async () => ({
    ok: true,
  }));

  app.get(
    '/cases/:id',
    { config: { access: staffOnly }, schema: { params: z.object({ id: z.string().min(1).max(100) }) } },
    async (request) => {
      const scope = caseScopeOf(actorOf(request));
      const [row] = await app.db
        .select({ id: cases.id, caseNo: cases.caseNo, departmentId: cases.departmentId })
        .from(cases)
        .where(and(eq(cases.id, request.params.id), caseScopeCondition(scope)));
      if (!row) throw new NotFoundError(`case ${request.params.id} not found`);
      return row;
    },
  );

  app.post(
    '/log-reporter',
    { config: { access: staffOnly }, schema: { body: z.object({ phone: z.string() }).loose() } },
    async (request) => {
      // What a careless service might do: log the whole body.
      request.log.info({ body: request.body, reporter: { phone: request.body.phone } }, 'report received');
      request.log.info(`reporter called from ${request.body.phone}`);
      throw new Error(`could not reach ${request.body.phone}`);
    },
  );
};

/** Every code of the catalogue with its status, for tests that trigger them all. */
export const catalogueEntries = Object.entries(errorCatalogue) as [
  keyof typeof errorCatalogue,
  { status: number },
][];
