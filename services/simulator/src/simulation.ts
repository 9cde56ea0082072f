/**
 * A simulation run: problems are reported as a Poisson process at `rate` a second for `duration`
 * seconds (or until `reports` have been sent), each followed by its journey; then the run waits up
 * to `drain` seconds for the journeys still under way and returns the tally.
 */

import { seededRandom } from '@urbangrid/domain';
import { z } from 'zod';
import { createApiClient } from './api-client.js';
import { defaultSidePathRates, type JourneyContext, runJourney, type SidePathRates } from './case-journey.js';
import { loadCityModel } from './city-model.js';
import { type LiveWatch, startLiveWatch } from './live-watch.js';
import { createTally, type Tally } from './tally.js';

export const simulationOptionsSchema = z.object({
  baseUrl: z.url().default('http://127.0.0.1:3000'),
  password: z.string().min(1).default('urbangrid'),
  /** New reports a second (all sources together). */
  rate: z.coerce.number().positive().default(1),
  /** Seconds of reporting. */
  duration: z.coerce.number().positive().default(60),
  /** Stop reporting after this many reports, whatever the duration. */
  reports: z.coerce.number().int().positive().optional(),
  /** Multiplies every person's delay: 1 is the demo's pace, 0 acts at once. */
  pace: z.coerce.number().min(0).default(1),
  /** Seconds to wait after the last report for open journeys to end. */
  drain: z.coerce.number().min(0).default(120),
  /** Most journeys under way at once; further reports wait. */
  concurrency: z.coerce.number().int().positive().default(200),
  seed: z.coerce.number().int().default(20_260_302),
  /** How many officer accounts (officer1 … officerN) report on patrol. */
  officers: z.coerce.number().int().positive().default(84),
  /** Multiplies every side-path probability (0 = straight through only). */
  sidePaths: z.coerce.number().min(0).default(1),
  /** Whether to listen on /api/live for changes (else poll). */
  live: z.boolean().default(true),
  /** Seconds a case may wait for one change before its journey gives up. */
  stuckAfter: z.coerce.number().positive().default(180),
  /** How long one request keeps retrying while the system does not answer (seconds). */
  retryFor: z.coerce.number().positive().default(120),
  runId: z.string().min(1).optional(),
});

export type SimulationOptions = z.input<typeof simulationOptionsSchema>;

export interface SimulationHandle {
  readonly tally: Tally;
  /** Journeys under way. */
  open(): number;
  /** Stops reporting now; journeys under way continue until the drain ends. */
  stopReporting(): void;
  /** Resolves with the tally when the run has ended. */
  readonly finished: Promise<Tally>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SimulationHooks {
  /** Each request sent again, with why (`HTTP 503`, `fetch failed`, …): a fault suite counts the 5xx. */
  onRetry?: (reason: string) => void;
}

export async function startSimulation(
  input: SimulationOptions,
  hooks: SimulationHooks = {},
): Promise<SimulationHandle> {
  const options = simulationOptionsSchema.parse(input);
  const tally = createTally();
  const api = createApiClient({
    baseUrl: options.baseUrl,
    password: options.password,
    retryForMs: options.retryFor * 1000,
    onRetry: (reason) => {
      tally.retries++;
      hooks.onRetry?.(reason);
    },
  });
  const desk = { operator: 'operator1', shiftLead: 'shiftlead1', dispatcher: 'dispatcher1' };
  const city = await loadCityModel(api, { officerCount: options.officers, reader: desk.operator });
  const live: LiveWatch | null = options.live ? await startLiveWatch(api, desk.shiftLead) : null;
  const scaled = (p: number) => Math.min(1, p * options.sidePaths);
  const d = defaultSidePathRates;
  const rates: SidePathRates = {
    notFound: scaled(d.notFound),
    rejected: scaled(d.rejected),
    cancelled: scaled(d.cancelled),
    wrongDepartment: scaled(d.wrongDepartment),
    extension: scaled(d.extension),
    suspension: scaled(d.suspension),
    rework: scaled(d.rework),
  };

  let reporting = true;
  let draining = false;
  let endDrain: () => void = () => undefined;
  const drainEnded = new Promise<void>((resolve) => {
    endDrain = resolve;
  });
  const running = new Set<Promise<void>>();
  const context: JourneyContext = {
    api,
    city,
    live,
    tally,
    pace: options.pace,
    rates,
    runId: options.runId ?? `sim-${Date.now().toString(36)}-${options.seed}`,
    desk,
    stuckAfterMs: options.stuckAfter * 1000,
    stopping: () => draining,
    stopped: drainEnded,
  };

  const arrivals = seededRandom(options.seed);
  const finished = (async () => {
    const endAt = Date.now() + options.duration * 1000;
    let index = 0;
    let next = Date.now();
    while (reporting && Date.now() < endAt && (options.reports === undefined || index < options.reports)) {
      if (running.size >= options.concurrency) {
        await Promise.race(running);
        continue;
      }
      const wait = next - Date.now();
      if (wait > 0) await sleep(wait);
      next += arrivals.exponential(1000 / options.rate);
      const journey = runJourney(context, index, seededRandom(options.seed + 7919 * (index + 1)));
      index++;
      running.add(journey);
      void journey.finally(() => running.delete(journey));
    }
    const drainUntil = Date.now() + options.drain * 1000;
    while (running.size > 0 && Date.now() < drainUntil) {
      await Promise.race([...running, sleep(Math.max(0, Math.min(1000, drainUntil - Date.now())))]);
    }
    draining = true;
    endDrain();
    await Promise.allSettled([...running]);
    live?.close();
    return tally;
  })();

  return {
    tally,
    open: () => running.size,
    stopReporting: () => {
      reporting = false;
    },
    finished,
  };
}
