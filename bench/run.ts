/**
 * The benchmark runner: `npm run bench [-- name ...]`. Runs every `bench/*.bench.ts` (or those whose
 * file name contains one of the given words), one after another in this process, prints a table and
 * records the run under bench/results/. A goal not met is reported, not fatal: the exit code is
 * non-zero only when a benchmark fails to run.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BenchFigure, isBenchModule } from './bench-figure.js';
import { missingBenches } from './expected-benches.js';
import { machineInfo } from './machine.js';
import { type BenchOutcome, benchRecord, formatTable, writeRecord } from './report.js';

const BENCH_SUFFIX = '.bench.ts';
const benchDirectory = import.meta.dirname;

async function benchFiles(filters: readonly string[]): Promise<string[]> {
  const files = (await readdir(benchDirectory)).filter((file) => file.endsWith(BENCH_SUFFIX)).sort();
  return filters.length === 0
    ? files
    : files.filter((file) => filters.some((filter) => file.includes(filter)));
}

async function runBench(file: string): Promise<BenchOutcome> {
  const bench = file.slice(0, -BENCH_SUFFIX.length);
  const started = performance.now();
  try {
    const loaded: unknown = await import(pathToFileURL(path.join(benchDirectory, file)).href);
    if (!isBenchModule(loaded)) throw new Error(`${file} does not export async function run()`);
    const figures: BenchFigure[] = await loaded.run();
    return { bench, durationMs: performance.now() - started, figures };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { bench, durationMs: performance.now() - started, figures: [], error: message };
  }
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((argument) => argument !== '--');
  const files = await benchFiles(filters);
  if (files.length === 0) {
    console.error(`no bench/*${BENCH_SUFFIX} matches ${filters.join(', ') || '(everything)'}`);
    process.exitCode = 1;
    return;
  }
  const machine = machineInfo();
  console.log(
    `${machine.cpuModel}, ${machine.cores} cores, node ${machine.node}, load ${machine.loadAverage.join(' ')}`,
  );
  const startedAt = new Date();
  const outcomes: BenchOutcome[] = [];
  for (const file of files) {
    console.log(`running ${file} …`);
    outcomes.push(await runBench(file));
  }
  const record = benchRecord(outcomes, { startedAt, finishedAt: new Date(), machine, filters });
  console.log(`\n${formatTable(outcomes)}\n`);
  if (filters.length === 0) {
    for (const missing of missingBenches(files)) {
      console.log(`not measured yet: ${missing.figure} (no bench/${missing.prefix}*.bench.ts)`);
    }
  }
  console.log(
    `recorded in ${path.relative(process.cwd(), await writeRecord(path.join(benchDirectory, 'results'), record))}`,
  );
  if (outcomes.some((outcome) => outcome.error !== undefined)) process.exitCode = 1;
}

await main();
