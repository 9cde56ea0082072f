/** `GET /health`: 200 only when PostgreSQL and Redis both answer in time, else 503 (api.md). */
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

export const healthRoutes: FastifyPluginAsyncZod<{ timeoutMs?: number }> = async (app, options) => {
  const timeoutMs = options.timeoutMs ?? 2000;
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'Whether PostgreSQL and Redis both answer',
        security: [],
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => {
      const [postgres, redis] = await Promise.all([
        answers(() => app.db.execute(sql`select 1`), timeoutMs),
        answers(() => app.redis.ping(), timeoutMs),
      ]);
      if (!postgres || !redis) {
        const down = [postgres ? undefined : 'PostgreSQL', redis ? undefined : 'Redis'].filter(Boolean);
        throw new ServiceUnavailableError(`${down.join(' and ')} did not answer`);
      }
      return { status: 'ok' as const };
    },
  );
};
