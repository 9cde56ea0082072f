import { startEngine } from '@urbangrid/engine';
import { buildApp, runProcess } from '@urbangrid/platform';
import { isSeeded, seedDemoRegion } from '@urbangrid/seeds';
import { intakeService } from './index.js';

/** The intake service run alone (docker-compose): its routes, the shared routes and the engine's workers. */
await runProcess({
  name: 'intake',
  buildHttp: (ctx) => buildApp({ ...ctx, services: [intakeService] }),
  startWorkers: (ctx) =>
    startEngine({ db: ctx.db, redisUrl: ctx.redisUrl, prefix: ctx.config.QUEUE_PREFIX, logger: ctx.logger }),
  seed: { isSeeded, seedDemoRegion },
});
