/**
 * Commands (指令) a case accepts, derived from the lifecycle table: a command is its name and the
 * body its row declares (rows/), so a new row is a new command here with nothing else to write.
 * Human commands have routes (api.md); system commands are issued by workers only.
 */
import { z } from 'zod';
import { type LifecycleTable, lifecycle, reportRule } from './lifecycle.js';

export { type ReportSource, reportSources } from './rows/report.js';

/** Every command name: `report` (creates a case) and the table's. */
export type CaseCommandType = 'report' | keyof LifecycleTable;

/** The fields of a body (an empty body's output is an index signature of never: no fields). */
type Fields<O> = string extends keyof O ? Record<never, never> : O;
type BodyOf<T extends CaseCommandType> = Fields<
  T extends keyof LifecycleTable ? z.output<LifecycleTable[T]['body']> : z.output<typeof reportRule.body>
>;

/** A command of type `T`: its name and its row's body. */
export type CommandOf<T extends CaseCommandType> = { type: T } & BodyOf<T>;
export type CaseCommand = { [T in CaseCommandType]: CommandOf<T> }[CaseCommandType];

/** Validates any command at the edge: the row of its type, with that row's body. */
export const caseCommandSchema = z.discriminatedUnion('type', [
  reportRule.body.extend({ type: z.literal('report') }),
  ...Object.entries(lifecycle).map(([type, row]) => row.body.extend({ type: z.literal(type) })),
]) as unknown as z.ZodType<CaseCommand>;

/** Commands only workers issue (their rows name no role). */
export const systemCommands = [
  'assignVerification',
  'startReview',
  'markOverdue',
] as const satisfies readonly CaseCommandType[];

export type SystemCommandType = (typeof systemCommands)[number];
export type HumanCommandType = Exclude<CaseCommandType, SystemCommandType>;

export function isSystemCommand(type: CaseCommandType): type is SystemCommandType {
  return (systemCommands as readonly string[]).includes(type);
}

/** Commands people (or, for `report`, integrations) issue, in the table's order. */
export const humanCommands: readonly HumanCommandType[] = [
  'report',
  ...(Object.keys(lifecycle) as (keyof LifecycleTable)[]).filter(
    (type): type is Exclude<keyof LifecycleTable, SystemCommandType> => !isSystemCommand(type),
  ),
];

/** Every command type. */
export const caseCommands: readonly CaseCommandType[] = [...humanCommands, ...systemCommands];
