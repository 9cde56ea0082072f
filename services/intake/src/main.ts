import { processEngine } from '@urbangrid/engine';
import { buildApp, createMetrics, runProcess } from '@urbangrid/platform';
import { isSeeded, seedDemoRegion } from '@urbangrid/seeds';
import { intakeService } from './index.js';

const metrics = createMetrics();
const engine = processEngine({ metrics });

/** The intake service run alone (docker-compose): its routes, the shared routes and the engine's workers. */
await runProcess({
  name: 'intake',
  buildHttp: (ctx) =>
    buildApp({
      ...ctx,
      metrics,
      reference: engine.reference(ctx),
      services: [intakeService({ engine: engine.context(ctx) })],
    }),
  startWorkers: (ctx) => engine.startWorkers(ctx),
  seed: { isSeeded, seedDemoRegion },
});
