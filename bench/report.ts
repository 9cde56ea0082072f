import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type BenchFigure, type GoalStatus, goalStatus } from './bench-figure.js';
import type { MachineInfo } from './machine.js';

export interface BenchOutcome {
  /** File name without `.bench.ts`. */
  readonly bench: string;
  readonly durationMs: number;
  readonly figures: readonly BenchFigure[];
  readonly error?: string;
}

export interface BenchRecord {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: MachineInfo;
  readonly filters: readonly string[];
  readonly benches: ReadonlyArray<
    BenchOutcome & { readonly figures: ReadonlyArray<BenchFigure & { status: GoalStatus }> }
  >;
}

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

function quantity(value: number, unit: string): string {
  return `${number.format(value)} ${unit}`;
}

/** The terminal table: one row per figure, then each figure's notes. */
export function formatTable(outcomes: readonly BenchOutcome[]): string {
  const header = ['bench', 'figure', 'value', 'goal', 'baseline', 'status'];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.error !== undefined) {
      rows.push([outcome.bench, '(failed)', '', '', '', 'ERROR']);
      notes.push(`${outcome.bench}: ${outcome.error}`);
    }
    for (const figure of outcome.figures) {
      const status = goalStatus(figure);
      rows.push([
        outcome.bench,
        figure.name,
        quantity(figure.value, figure.unit),
        figure.goal === undefined ? '' : `${figure.goal.op} ${quantity(figure.goal.value, figure.unit)}`,
        figure.baseline === undefined
          ? ''
          : `${figure.baseline.name}: ${quantity(figure.baseline.value, figure.baseline.unit)}`,
        status === 'not met' ? 'NOT MET' : status === 'met' ? 'met' : '',
      ]);
      if (figure.notes !== undefined) notes.push(`${outcome.bench} / ${figure.name}: ${figure.notes}`);
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line), '', ...notes.map((note) => `* ${note}`)].join('\n');
}

export function benchRecord(
  outcomes: readonly BenchOutcome[],
  context: { startedAt: Date; finishedAt: Date; machine: MachineInfo; filters: readonly string[] },
): BenchRecord {
  return {
    startedAt: context.startedAt.toISOString(),
    finishedAt: context.finishedAt.toISOString(),
    machine: context.machine,
    filters: context.filters,
    benches: outcomes.map((outcome) => ({
      ...outcome,
      figures: outcome.figures.map((figure) => ({ ...figure, status: goalStatus(figure) })),
    })),
  };
}

/** Writes `<directory>/<startedAt>.json` (colons made file-name safe) and returns its path. */
export async function writeRecord(directory: string, record: BenchRecord): Promise<string> {
  await mkdir(directory, { recursive: true });
  const file = path.join(directory, `${record.startedAt.replaceAll(':', '-')}.json`);
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
