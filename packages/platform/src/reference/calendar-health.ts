import { calendarCoverage, coverageLine, type ReferenceData } from '@urbangrid/reference';
import type { HealthDetails } from '../health.js';

/** `/health` details: one line per city whose calendar data ends within 60 days or has ended. */
export function calendarHealthDetails(reference: ReferenceData, now: () => Date): HealthDetails {
  return async () => {
    const ending = (await calendarCoverage(reference, now())).filter((city) => city.ending);
    return Object.fromEntries(ending.map((city) => [`calendar ${city.city}`, coverageLine(city)]));
  };
}
