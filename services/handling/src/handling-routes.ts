import type { ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';

/** Routes of the handling service, mounted under /api/handling. */
export const handlingRoutes: ServicePlugin = async (app) => {
  app.get(
    '/status',
    {
      schema: {
        tags: ['handling'],
        summary: 'Whether the handling service is mounted in this process',
        response: { 200: z.object({ service: z.literal('handling'), status: z.literal('ok') }) },
      },
    },
    async () => ({ service: 'handling' as const, status: 'ok' as const }),
  );
};
