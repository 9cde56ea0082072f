/**
 * Commands (指令) a case accepts. Human commands mirror the routes of api.md; system commands are
 * issued by workers only. Each schema validates a command at the edge; the types are inferred from
 * the schemas so the two never drift.
 */
import { z } from 'zod';
import { urgencySchema } from '../codes/urgency.js';
import { stages } from './states.js';

/** Where a report came from (案件来源). */
export const reportSources = ['hotline', 'app', 'officer', 'public', 'video'] as const;
export type ReportSource = (typeof reportSources)[number];

const reason = z.string().trim().min(1, 'a reason is required');
const username = z.string().trim().min(1);

export const caseCommandSchema = z.discriminatedUnion('type', [
  /** 上报: creates a case. */
  z.object({
    type: z.literal('report'),
    source: z.enum(reportSources),
    /** 自行处置: an officer fixed it on the spot; only for source `officer`. */
    selfHandled: z.boolean().optional(),
    urgency: urgencySchema.optional(),
  }),
  /** 核实 */
  z.object({ type: z.literal('verify'), found: z.boolean() }),
  /** 立案 */
  z.object({ type: z.literal('file') }),
  /** 不予立案 */
  z.object({ type: z.literal('reject'), reason }),
  /** 派遣 */
  z.object({ type: z.literal('dispatch'), departmentId: z.string().trim().min(1) }),
  /** 作废 */
  z.object({ type: z.literal('cancel'), reason }),
  /** 签收 */
  z.object({ type: z.literal('accept') }),
  /** 处理反馈 */
  z.object({ type: z.literal('complete') }),
  /** 回退 */
  z.object({ type: z.literal('return'), reason }),
  /** 延期申请 */
  z.object({ type: z.literal('requestExtension'), workMinutes: z.number().int().positive(), reason }),
  /** 延期审批 */
  z.object({ type: z.literal('decideExtension'), approve: z.boolean() }),
  /** 挂账申请 */
  z.object({ type: z.literal('requestSuspension'), reason }),
  /** 挂账审批 */
  z.object({ type: z.literal('decideSuspension'), approve: z.boolean() }),
  /** 恢复处置 */
  z.object({ type: z.literal('resume') }),
  /** 核查 */
  z.object({ type: z.literal('check'), fixed: z.boolean() }),
  /** 结案 */
  z.object({ type: z.literal('close') }),
  /** 督办 */
  z.object({ type: z.literal('superviseOrder'), note: z.string().optional() }),
  /** 改派: the shift lead sends an officer to the verification or check (nobody was sent, or cannot go). */
  z.object({ type: z.literal('reassign'), assignee: username }),
  /** System: the verify worker hands the verification task (核实任务) to an officer. */
  z.object({ type: z.literal('assignVerification'), assignee: username }),
  /** System: the review worker hands the check task (核查任务) to an officer. */
  z.object({ type: z.literal('startReview'), assignee: username }),
  /** System: a stage deadline timer fired (80 % → yellow, 100 % → red). */
  z.object({ type: z.literal('markOverdue'), stage: z.enum(stages), light: z.enum(['yellow', 'red']) }),
]);

export type CaseCommand = z.infer<typeof caseCommandSchema>;
export type CaseCommandType = CaseCommand['type'];
export type CommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;

/** Commands people (or, for `report`, integrations) issue. */
export const humanCommands = [
  'report',
  'verify',
  'file',
  'reject',
  'dispatch',
  'cancel',
  'accept',
  'complete',
  'return',
  'requestExtension',
  'decideExtension',
  'requestSuspension',
  'decideSuspension',
  'resume',
  'check',
  'close',
  'superviseOrder',
  'reassign',
] as const satisfies readonly CaseCommandType[];

/** Commands only workers issue. */
export const systemCommands = [
  'assignVerification',
  'startReview',
  'markOverdue',
] as const satisfies readonly CaseCommandType[];

/** Every command type. */
export const caseCommands: readonly CaseCommandType[] = [...humanCommands, ...systemCommands];

export type HumanCommandType = (typeof humanCommands)[number];
export type SystemCommandType = (typeof systemCommands)[number];

export function isSystemCommand(type: CaseCommandType): type is SystemCommandType {
  return (systemCommands as readonly string[]).includes(type);
}
