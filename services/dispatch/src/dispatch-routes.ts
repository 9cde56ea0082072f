import type { ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';

/** Routes of the dispatch service, mounted under /api/dispatch. */
export const dispatchRoutes: ServicePlugin = async (app) => {
  app.get(
    '/status',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'Whether the dispatch service is mounted in this process',
        response: { 200: z.object({ service: z.literal('dispatch'), status: z.literal('ok') }) },
      },
    },
    async () => ({ service: 'dispatch' as const, status: 'ok' as const }),
  );
};
