import { caseStateSchema } from '@urbangrid/platform';
import { z } from 'zod';

/** An open case of the same category near a new report (查重). */
export const possibleDuplicateSchema = z
  .object({
    id: z.string(),
    caseNo: z.string(),
    state: caseStateSchema,
    categoryCode: z.string(),
    description: z.string(),
    location: z.object({ lat: z.number(), lng: z.number() }),
    distanceMeters: z.number(),
    createdAt: z.string(),
  })
  .meta({ id: 'PossibleDuplicate' });
