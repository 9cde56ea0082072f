/**
 * The part of api.md's case view the simulator reads to decide who acts next. Parsed loosely:
 * the system may add fields.
 */
import { z } from 'zod';

export const caseViewSchema = z.looseObject({
  id: z.string(),
  caseNo: z.string(),
  state: z.string(),
  version: z.number(),
  categoryCode: z.string(),
  gridCode: z.string(),
  districtCode: z.string().optional(),
  departmentId: z.string().nullable(),
  suggestedDepartmentId: z.string().nullable(),
  assignee: z.string().nullable(),
  reworkCount: z.number(),
  returnCount: z.number().optional(),
  extensionCount: z.number().optional(),
  suspensionCount: z.number().optional(),
  pendingRequest: z.looseObject({ kind: z.string() }).nullable().optional(),
});

export type SimCase = z.infer<typeof caseViewSchema>;

export const terminalStates: readonly string[] = ['closed', 'rejected', 'cancelled'];

export const isTerminalState = (state: string) => terminalStates.includes(state);
