import { z } from 'zod';

/** Urgency (紧急程度): picks the time limit of a category. */
export const urgencies = ['normal', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencySchema = z.enum(urgencies);

export function isUrgency(value: string): value is Urgency {
  return (urgencies as readonly string[]).includes(value);
}
