/**
 * `GET /health`: 200 only when PostgreSQL and Redis both answer in time, else 503 (api.md). Beside
 * the status, `details` carries lines from detail providers (the calendar alarm, …) when they have
 * something to say; a provider never changes the status, and one that fails or hangs is left out.
 */
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ServiceUnavailableError } from './errors.js';

/** Resolves to whether `check` succeeded within `ms`; a hung connection counts as down. */
async function answers(check: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      check().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Lines for `/health` details, each under a name of its own (e.g. `calendar 1501`). */
export type HealthDetails = () => Promise<Record<string, string>>;

async function detailsOf(providers: readonly HealthDetails[], ms: number): Promise<Record<string, string>> {
  const lines: Record<string, string> = {};
  await Promise.all(
    providers.map(async (provider) => {
      let found: Record<string, string> = {};
      const settled = await answers(async () => {
        found = await provider();
      }, ms);
      if (settled) Object.assign(lines, found);
    }),
  );
  return lines;
}

export const healthRoutes: FastifyPluginAsyncZod<{
  timeoutMs?: number;
  details?: readonly HealthDetails[];
}> = async (app, options) => {
  const timeoutMs = options.timeoutMs ?? 2000;
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Whether PostgreSQL and Redis both answer',
        security: [],
        response: {
          200: z.object({
            status: z.literal('ok'),
            /** What needs an operator's attention although the system is up. */
            details: z.record(z.string(), z.string()).optional(),
          }),
        },
      },
    },
    async () => {
      const [postgres, redis, details] = await Promise.all([
        answers(() => app.db.execute(sql`select 1`), timeoutMs),
        answers(() => app.redis.ping(), timeoutMs),
        detailsOf(options.details ?? [], timeoutMs),
      ]);
      if (!postgres || !redis) {
        const down = [postgres ? undefined : 'PostgreSQL', redis ? undefined : 'Redis'].filter(Boolean);
        throw new ServiceUnavailableError(`${down.join(' and ')} did not answer`);
      }
      return Object.keys(details).length === 0
        ? { status: 'ok' as const }
        : { status: 'ok' as const, details };
    },
  );
};
