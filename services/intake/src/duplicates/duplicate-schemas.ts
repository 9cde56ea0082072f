import { z } from 'zod';

export const possibleDuplicateSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  state: z.string(),
  categoryCode: z.string(),
  description: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }),
  distanceMeters: z.number(),
  createdAt: z.string(),
});
