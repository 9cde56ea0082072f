import type { ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';

/** Routes of the intake service, mounted under /api/intake. */
export const intakeRoutes: ServicePlugin = async (app) => {
  app.get(
    '/status',
    {
      schema: {
        tags: ['intake'],
        summary: 'Whether the intake service is mounted in this process',
        response: { 200: z.object({ service: z.literal('intake'), status: z.literal('ok') }) },
      },
    },
    async () => ({ service: 'intake' as const, status: 'ok' as const }),
  );
};
