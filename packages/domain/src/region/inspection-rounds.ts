/**
 * Inspection rounds (检查考评): the region's inspectors visit cities on planned days with a
 * checklist drawn from the plan's targets and the catalogue; what they find becomes a case in the
 * city's own loop (source `inspection`). One place for what a round and a finding may be.
 */
import { z } from 'zod';
import { cityCodeString } from '../codes/city-code.js';

export const checklistItemSchema = z
  .object({
    kind: z.enum(['target', 'category']),
    /** The plan indicator's code (GET /api/region/targets) or the catalogue category's. */
    code: z.string().trim().min(1).max(40),
    note: z.string().trim().min(1).max(200).optional(),
  })
  .meta({ id: 'InspectionChecklistItem' });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** How a finding names the checklist line it answers: `target:GREEN_SPACE_RATE`, `category:0101`. */
export const checklistKey = (item: Pick<ChecklistItem, 'kind' | 'code'>) => `${item.kind}:${item.code}`;

export const inspectionRoundInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    cities: z.array(cityCodeString).min(1).max(50),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    checklist: z.array(checklistItemSchema).min(1).max(100),
  })
  .refine((round) => round.endsOn >= round.startsOn, {
    path: ['endsOn'],
    message: 'a round ends on or after the day it starts',
  })
  .refine((round) => new Set(round.cities).size === round.cities.length, {
    path: ['cities'],
    message: 'each city once',
  })
  .refine((round) => new Set(round.checklist.map(checklistKey)).size === round.checklist.length, {
    path: ['checklist'],
    message: 'each checklist line once',
  });
export type InspectionRoundInput = z.infer<typeof inspectionRoundInput>;

/** Whether a round takes findings on `day` (the city's local date). */
export const roundUnderWay = (round: { startsOn: string; endsOn: string }, day: string) =>
  round.startsOn <= day && day <= round.endsOn;
