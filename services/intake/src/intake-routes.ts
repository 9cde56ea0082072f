import { type ServicePlugin, staffOnly } from '@urbangrid/platform';
import { z } from 'zod';
import { addressRoutes } from './addresses/address-routes.js';
import { callbackRoutes } from './callbacks/callback-routes.js';
import { attachRoutes } from './callers/attach-routes.js';
import { duplicateRoutes } from './duplicates/duplicate-routes.js';
import type { IntakeServiceDeps } from './index.js';
import { findingRoutes } from './inspections/finding-routes.js';
import type { IntakeContext, IntakeSettings } from './intake-context.js';
import { mediaRoutes } from './media/media-routes.js';
import { localDiskStorage } from './media/media-storage.js';
import { open311Routes } from './open311/open311-routes.js';
import { police110Routes } from './police110/police110-routes.js';
import { publicRoutes } from './public/public-routes.js';
import { reporterPageRoutes } from './public/reporter-page-routes.js';
import { reportRoutes } from './reports/report-routes.js';
import { publicSurveyRoutes, surveyCallRoutes } from './surveys/survey-routes.js';

const statusRoute: ServicePlugin = async (app) => {
  app.get(
    '/status',
    {
      config: { access: staffOnly },
      schema: {
        tags: ['intake'],
        summary: 'Whether the intake service is mounted in this process',
        response: { 200: z.object({ service: z.literal('intake'), status: z.literal('ok') }) },
      },
    },
    async () => ({ service: 'intake' as const, status: 'ok' as const }),
  );
};

/**
 * The intake service's three faces, mounted at the root because they live under three prefixes:
 * staff and integration routes under /api/intake (authenticated by the platform), public tracking
 * under /api/public (no caller), and Open311 GeoReport v2 under /open311/v2 (api_key on POST).
 */
export function intakeRoutes(deps: IntakeServiceDeps, settings: IntakeSettings): ServicePlugin {
  return async (app) => {
    const ctx: IntakeContext = {
      db: app.db,
      engine: deps.engine,
      reference: app.reference,
      storage: deps.storage ?? localDiskStorage(app.config.mediaDir),
      settings,
      phoneKey: app.config.phoneEncryptionKey,
    };
    const intake = '/api/intake';
    await app.register(statusRoute, { prefix: intake });
    await app.register(reportRoutes(ctx), { prefix: intake });
    await app.register(mediaRoutes(ctx), { prefix: intake });
    await app.register(addressRoutes(ctx), { prefix: intake });
    await app.register(duplicateRoutes(ctx), { prefix: intake });
    await app.register(attachRoutes(ctx), { prefix: intake });
    await app.register(callbackRoutes(ctx), { prefix: intake });
    await app.register(findingRoutes(ctx), { prefix: intake });
    await app.register(surveyCallRoutes(ctx), { prefix: intake });
    await app.register(police110Routes(ctx), { prefix: intake });
    await app.register(publicRoutes(ctx), { prefix: '/api/public' });
    await app.register(publicSurveyRoutes(ctx), { prefix: '/api/public' });
    await app.register(reporterPageRoutes(ctx), { prefix: '/api/public' });
    await app.register(open311Routes(ctx), { prefix: '/open311/v2' });
  };
}
