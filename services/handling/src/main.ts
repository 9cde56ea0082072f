import { createEngineContext, publishToRedis, startEngine } from '@urbangrid/engine';
import { buildApp, runProcess } from '@urbangrid/platform';
import { isSeeded, seedDemoRegion } from '@urbangrid/seeds';
import { handlingService } from './index.js';

/** The handling service run alone (docker-compose): its routes, the shared routes and the engine's workers. */
await runProcess({
  name: 'handling',
  buildHttp: (ctx) => {
    const engine = createEngineContext({
      db: ctx.db,
      logger: ctx.logger,
      publish: publishToRedis(ctx.redis, ctx.config.QUEUE_PREFIX),
    });
    return buildApp({ ...ctx, services: [handlingService({ engine })] });
  },
  startWorkers: (ctx) =>
    startEngine({ db: ctx.db, redisUrl: ctx.redisUrl, prefix: ctx.config.QUEUE_PREFIX, logger: ctx.logger }),
  seed: { isSeeded, seedDemoRegion },
});
