/**
 * The all-in-one process behind `npm start`: the four services (or those named in SERVICES), the
 * engine's workers and, on an empty database, the demo region. `WORKERS=false` makes it an API
 * process, `HTTP=false` a worker process. Each call makes the parts of one process (its metrics
 * registry and engine); main.ts runs them, tests start them in their own process.
 */
import { dispatchService } from '@urbangrid/dispatch';
import { processEngine } from '@urbangrid/engine';
import { handlingService } from '@urbangrid/handling';
import { intakeService } from '@urbangrid/intake';
import { liveChannel } from '@urbangrid/live';
import { buildApp, createMetrics, type ProcessParts } from '@urbangrid/platform';
import { completeDemoRegion, isSeeded, seedDemoRegion } from '@urbangrid/seeds';
import { anchorSourceOf, startDailyWork, supervisionService } from '@urbangrid/supervision';
import { withConsole } from './console-static.js';
import { wakeRelayOnCommits } from './relay-wake.js';

const allServices = [intakeService, dispatchService, handlingService, supervisionService];

export function allInOne(): ProcessParts {
  // One registry and one engine context for the routes and the workers of this process.
  const metrics = createMetrics();
  const engine = processEngine({ metrics });
  return {
    name: 'urbangrid',
    buildHttp: async (ctx) => {
      const anchors = await anchorSourceOf(ctx.config);
      const services = allServices.map((service) => service({ engine: engine.context(ctx), anchors }));
      const mounted = services.filter((s) => ctx.config.SERVICES.includes(s.name));
      return buildApp({ ...ctx, metrics, reference: engine.reference(ctx), services: mounted }).then(
        withConsole,
      );
    },
    startWorkers: async (ctx) => {
      const running = await engine.startWorkers(ctx);
      // A worker-only process hears of the API processes' commits on the live channel.
      const wake = ctx.config.HTTP
        ? null
        : wakeRelayOnCommits(ctx.redis.duplicate(), liveChannel(ctx.config.QUEUE_PREFIX), running.relay);
      // The nightly publication (每日公布), signed anchors (ANCHOR_DIR, where the signing key is)
      // and erasure of reporter data past its retention run beside the engine's workers.
      const daily = await startDailyWork(ctx);
      return {
        stop: async () => {
          await wake?.stop();
          await daily.stop();
          await running.stop();
        },
      };
    },
    seed: { isSeeded, seedDemoRegion, completeInBackground: completeDemoRegion },
  };
}
