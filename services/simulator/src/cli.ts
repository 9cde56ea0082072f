/**
 * `npm run simulate -- [--url http://127.0.0.1:3000] [--rate 1] [--duration 60] [--pace 1] …`:
 * brings a running urbangrid to life through its HTTP API (see README.md), with a progress bar and
 * a closing summary. `--help` lists the options.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { startSimulation } from './simulation.js';
import { formatSummary, sum } from './tally.js';

const usage = `usage: npm run simulate -- [options]
  --url URL           the running system (default http://127.0.0.1:3000, or SIMULATE_URL)
  --rate N            new reports a second, all sources (default 1)
  --duration S        seconds of reporting (default 60)
  --reports N         stop after N reports
  --pace F            multiplies every person's delay; 1 = demo pace (a case takes about a minute), 0 = at once
  --drain S           seconds to wait for open cases after the last report (default 120)
  --concurrency N     most cases under way at once (default 200)
  --side-paths F      multiplies the side-path probabilities (0 = straight through; default 1)
  --officers N        officer1 … officerN report on patrol (default 84)
  --seed N            the random seed (same seed, same reports)
  --password P        the demo staff password (default DEMO_PASSWORD or urbangrid)
  --no-live           poll instead of listening on /api/live
  --ack-file PATH     write every acknowledged report (key, case id, case number) as JSON lines
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: 'string' },
        rate: { type: 'string' },
        duration: { type: 'string' },
        reports: { type: 'string' },
        pace: { type: 'string' },
        drain: { type: 'string' },
        concurrency: { type: 'string' },
        'side-paths': { type: 'string' },
        officers: { type: 'string' },
        seed: { type: 'string' },
        password: { type: 'string' },
        'no-live': { type: 'boolean' },
        'ack-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const baseUrl = text('url') ?? process.env.SIMULATE_URL ?? 'http://127.0.0.1:3000';
  const duration = Number(text('duration') ?? 60);
  const reportCap = text('reports');

  let simulation: Awaited<ReturnType<typeof startSimulation>>;
  try {
    simulation = await startSimulation({
      baseUrl,
      rate: text('rate'),
      duration,
      reports: reportCap,
      pace: text('pace'),
      drain: text('drain'),
      concurrency: text('concurrency'),
      sidePaths: text('side-paths'),
      officers: text('officers'),
      seed: text('seed'),
      password: text('password') ?? process.env.DEMO_PASSWORD,
      live: values['no-live'] !== true,
    } as Parameters<typeof startSimulation>[0]);
  } catch (error) {
    fail(`cannot start against ${baseUrl}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { tally } = simulation;
  process.stdout.write(`simulating against ${baseUrl}\n`);

  const bar = new cliProgress.SingleBar(
    {
      format:
        '{bar} {phase} | {elapsed}s | reports {reports} | open {open} | closed {closed} | ended {ended} | retries {retries}',
      barsize: 24,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
    },
    cliProgress.Presets.shades_classic,
  );
  const target = reportCap === undefined ? duration : Number(reportCap);
  bar.start(target, 0, {
    phase: 'reporting',
    reports: 0,
    open: 0,
    closed: 0,
    ended: 0,
    retries: 0,
    elapsed: 0,
  });
  const started = Date.now();
  let reportingDone = false;
  const tick = setInterval(() => {
    const elapsed = Math.round((Date.now() - started) / 1000);
    const progress = reportCap === undefined ? Math.min(duration, elapsed) : tally.reportsSent;
    if (!reportingDone && progress >= target) reportingDone = true;
    bar.update(progress, {
      phase: reportingDone ? 'draining ' : 'reporting',
      elapsed,
      reports: tally.acknowledged.length,
      open: simulation.open(),
      closed: tally.finished.get('closed') ?? 0,
      ended: sum(tally.finished),
      retries: tally.retries,
    });
  }, 250);

  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    simulation.stopReporting();
  });
  await simulation.finished;
  clearInterval(tick);
  bar.stop();

  process.stdout.write(
    `\n${interrupted ? '(interrupted)\n' : ''}${formatSummary(tally, simulation.open())}\n`,
  );
  const ackFile = text('ack-file');
  if (ackFile !== undefined) {
    await writeFile(ackFile, `${tally.acknowledged.map((a) => JSON.stringify(a)).join('\n')}\n`);
    process.stdout.write(`acknowledged reports written to ${ackFile}\n`);
  }
  // Journeys cut short by the end of the drain may leave timers behind.
  process.exit(0);
}

await main();
