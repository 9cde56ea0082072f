import { processEngine } from '@urbangrid/engine';
import { buildApp, createMetrics, runProcess } from '@urbangrid/platform';
import { isSeeded, seedDemoRegion } from '@urbangrid/seeds';
import { startPublicationScheduler, supervisionService } from './index.js';

/** The supervision service run alone (docker-compose): its routes, the shared routes and the engine's workers. */
await runProcess({
  name: 'supervision',
  buildHttp: (ctx) => {
    const engine = createEngineContext({
      db: ctx.db,
      logger: ctx.logger,
      publish: publishToRedis(ctx.redis, ctx.config.QUEUE_PREFIX),
    });
    return buildApp({ ...ctx, services: [supervisionService({ engine })] });
  },
  startWorkers: async (ctx) => {
    const engine = await startEngine({
      db: ctx.db,
      redisUrl: ctx.redisUrl,
      prefix: ctx.config.QUEUE_PREFIX,
      logger: ctx.logger,
    });
    // The daily publication of indicators (每日公布) runs beside the engine's workers.
    const publication = await startPublicationScheduler({
      db: ctx.db,
      redisUrl: ctx.redisUrl,
      prefix: ctx.config.QUEUE_PREFIX,
      logger: ctx.logger,
    });
    return {
      stop: async () => {
        await publication.stop();
        await engine.stop();
      },
    };
  },
  seed: { isSeeded, seedDemoRegion },
});
