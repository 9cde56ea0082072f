import type { ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';

/** Routes of the supervision service, mounted under /api/supervision. */
export const supervisionRoutes: ServicePlugin = async (app) => {
  app.get(
    '/status',
    {
      schema: {
        tags: ['supervision'],
        summary: 'Whether the supervision service is mounted in this process',
        response: { 200: z.object({ service: z.literal('supervision'), status: z.literal('ok') }) },
      },
    },
    async () => ({ service: 'supervision' as const, status: 'ok' as const }),
  );
};
