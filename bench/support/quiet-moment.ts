/**
 * Read timings are only worth their figures on a machine that does nothing else. Before timing,
 * this announces the measurement (BENCH_PAUSE_FILE, when set, exists while reads are timed: other
 * work on the machine can wait for it to go) and waits — up to BENCH_QUIET_WAIT_S seconds, default
 * 300 — for the one-minute load average to fall under BENCH_QUIET_LOAD (default: a third of the
 * cores). It returns the load it measured at, for the run's notes.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

const pauseFile = process.env.BENCH_PAUSE_FILE;
const quietLoad = Number(process.env.BENCH_QUIET_LOAD ?? availableParallelism() / 3);
const waitSeconds = Number(process.env.BENCH_QUIET_WAIT_S ?? 300);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function quietMoment(what: string): Promise<number> {
  if (pauseFile) writeFileSync(pauseFile, `${what} since ${new Date().toISOString()}\n`);
  const giveUpAt = Date.now() + waitSeconds * 1000;
  while (Date.now() < giveUpAt && (loadavg()[0] ?? 0) > quietLoad) await sleep(5000);
  const load = loadavg()[0] ?? 0;
  console.log(`${what}: timing at a load of ${load.toFixed(2)} (quiet below ${quietLoad.toFixed(2)})`);
  return load;
}

/** Whether a load average counts as a quiet machine. */
export const isQuiet = (load: number): boolean => load <= quietLoad;

/** The measurement is over: other work may go on. */
export function quietOver(): void {
  if (pauseFile) rmSync(pauseFile, { force: true });
}
