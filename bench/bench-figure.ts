/**
 * What a benchmark module reports. A module is a file `bench/<name>.bench.ts` exporting
 * `async function run(): Promise<BenchFigure[]>`; `bench/run.ts` finds, runs and records it.
 */

export interface BenchGoal {
  readonly op: '>=' | '<=';
  readonly value: number;
}

/** What the figure is compared with: the same work done another way, or a part of it. */
export interface BenchBaseline {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly goal?: BenchGoal;
  readonly baseline?: BenchBaseline;
  /** How it was measured and what the baseline means, in a sentence or two. */
  readonly notes?: string;
}

export interface BenchModule {
  run(): Promise<BenchFigure[]>;
}

export type GoalStatus = 'met' | 'not met' | 'no goal';

export function goalStatus(figure: BenchFigure): GoalStatus {
  const { goal } = figure;
  if (goal === undefined) return 'no goal';
  const met = goal.op === '>=' ? figure.value >= goal.value : figure.value <= goal.value;
  return met ? 'met' : 'not met';
}

export function isBenchModule(value: unknown): value is BenchModule {
  return typeof value === 'object' && value !== null && 'run' in value && typeof value.run === 'function';
}
