/**
 * City codes (GB/T 2260) of the tenants: 4 digits for a prefecture-level city (1501 呼和浩特), 6
 * for a county-level city the region runs as a city of its own (150781 满洲里). The one rule every
 * route, file name and import checks a city code against.
 */
import { z } from 'zod';

export const cityCodePattern = /^\d{4}(\d{2})?$/;

export const cityCodeString = z
  .string()
  .regex(cityCodePattern, 'a city code has 4 digits, or 6 for a county-level city (GB/T 2260)');
