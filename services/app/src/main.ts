import { dispatchService } from '@urbangrid/dispatch';
import { createEngineContext, publishToRedis, startEngine } from '@urbangrid/engine';
import { handlingService } from '@urbangrid/handling';
import { intakeService } from '@urbangrid/intake';
import { buildApp, runProcess } from '@urbangrid/platform';
import { isSeeded, seedDemoRegion } from '@urbangrid/seeds';
import { supervisionService } from '@urbangrid/supervision';
import { withConsole } from './console-static.js';

const allServices = [intakeService, dispatchService, handlingService, supervisionService];

/**
 * The all-in-one process behind `npm start`: the four services (or those named in SERVICES), the
 * engine's workers and, on an empty database, the demo region.
 */
await runProcess({
  name: 'urbangrid',
  buildHttp: (ctx) => {
    const engine = createEngineContext({
      db: ctx.db,
      logger: ctx.logger,
      publish: publishToRedis(ctx.redis, ctx.config.QUEUE_PREFIX),
    });
    const services = allServices.map((service) => service({ engine }));
    return buildApp({ ...ctx, services: services.filter((s) => ctx.config.SERVICES.includes(s.name)) }).then(
      withConsole,
    );
  },
  startWorkers: (ctx) =>
    startEngine({ db: ctx.db, redisUrl: ctx.redisUrl, prefix: ctx.config.QUEUE_PREFIX, logger: ctx.logger }),
  seed: { isSeeded, seedDemoRegion },
});
