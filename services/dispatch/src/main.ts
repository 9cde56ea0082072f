import { processEngine } from '@urbangrid/engine';
import { buildApp, createMetrics, runProcess } from '@urbangrid/platform';
import { isSeeded, seedDemoRegion } from '@urbangrid/seeds';
import { dispatchService } from './index.js';

const metrics = createMetrics();
const engine = processEngine({ metrics });

/** The dispatch service run alone (docker-compose): its routes, the shared routes and the engine's workers. */
await runProcess({
  name: 'dispatch',
  buildHttp: (ctx) =>
    buildApp({
      ...ctx,
      metrics,
      reference: engine.reference(ctx),
      services: [dispatchService({ engine: engine.context(ctx) })],
    }),
  startWorkers: (ctx) => engine.startWorkers(ctx),
  seed: { isSeeded, seedDemoRegion },
});
