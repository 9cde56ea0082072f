import { processEngine } from '@urbangrid/engine';
import { buildApp, createMetrics, runProcess } from '@urbangrid/platform';
import { isSeeded, seedDemoRegion } from '@urbangrid/seeds';
import { anchorSourceOf, startDailyWork, supervisionService } from './index.js';

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
    // The nightly publication, anchors and reporter-data erasure run beside the engine's workers.
    const daily = await startDailyWork(ctx);
    return {
      stop: async () => {
        await daily.stop();
        await running.stop();
      },
    };
  },
  seed: { isSeeded, seedDemoRegion },
});
