import { processEngine } from '@urbangrid/engine';
import { buildApp, createMetrics, runProcess } from '@urbangrid/platform';
import { isSeeded, seedDemoRegion } from '@urbangrid/seeds';
import { anchorSourceOf, startDailyAnchors, startPublicationScheduler, supervisionService } from './index.js';

const metrics = createMetrics();
const engine = processEngine({ metrics });

/** The supervision service run alone (docker-compose): its routes, the shared routes and the engine's workers. */
await runProcess({
  name: 'supervision',
  buildHttp: async (ctx) =>
    buildApp({
      ...ctx,
      metrics,
      reference: engine.reference(ctx),
      services: [
        supervisionService({
          engine: engine.context(ctx),
          anchors: await anchorSourceOf(ctx.config),
        }),
      ],
    }),
  startWorkers: async (ctx) => {
    const running = await engine.startWorkers(ctx);
    // The daily publication of indicators (每日公布) runs beside the engine's workers.
    const publication = await startPublicationScheduler({
      db: ctx.db,
      redis: ctx.redisTarget,
      prefix: ctx.config.QUEUE_PREFIX,
      logger: ctx.logger,
    });
    const anchors = await startDailyAnchors(ctx);
    return {
      stop: async () => {
        await anchors?.stop();
        await publication.stop();
        await running.stop();
      },
    };
  },
  seed: { isSeeded, seedDemoRegion },
});
