/** Grade bands (等级) and volume bands (工作量) of a city's evaluation configuration, domain.md §6. */
import { z } from 'zod';

export const gradeBandsSchema = z
  .object({
    /** Highest first: a score ≥ min gets the grade. */
    bands: z.array(z.object({ grade: z.string().trim().min(1), min: z.number().min(0).max(100) })).min(1),
    /** Below every band. */
    below: z.string().trim().min(1),
  })
  .refine(
    ({ bands }) => bands.every((band, index) => index === 0 || band.min < (bands[index - 1]?.min ?? 0)),
    {
      message: 'grade bands must be listed from the highest minimum down, without repeats',
    },
  );

export const volumeBandsSchema = z
  .array(z.object({ atLeast: z.number().int().min(0), score: z.number().min(0).max(100) }))
  .refine(
    (bands) => bands.every((band, index) => index === 0 || band.atLeast > (bands[index - 1]?.atLeast ?? 0)),
    {
      message: 'volume bands must be listed from the smallest volume up, without repeats',
    },
  );

export const volumeBandsConfigSchema = z.object({
  intakeOperator: volumeBandsSchema,
  dispatcher: volumeBandsSchema,
});

export type GradeBands = z.infer<typeof gradeBandsSchema>;
export type VolumeBands = z.infer<typeof volumeBandsSchema>;
export type VolumeBandsConfig = z.infer<typeof volumeBandsConfigSchema>;
