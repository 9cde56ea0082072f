/**
 * The calendar alarm as Prometheus sees it, computed at scrape time from the process's reference
 * data: `urbangrid_calendar_days_left{city}` (days until the city's public holidays run out) and
 * `urbangrid_calendar_ending{city}` (1 from 60 days before, the alarm an alert rule fires on).
 */
import { type CalendarCoverage, calendarCoverage, type ReferenceData } from '@urbangrid/reference';
import type { Metrics } from './metrics.js';

export function registerCalendarCoverageGauges(
  metrics: Metrics,
  reference: ReferenceData,
  now: () => Date,
): void {
  // One read per scrape, shared by both gauges (prom-client collects them one after the other).
  let pending: Promise<CalendarCoverage[]> | undefined;
  const coverage = () => {
    pending ??= calendarCoverage(reference, now()).finally(() => {
      pending = undefined;
    });
    return pending;
  };
  const gauge = (name: string, help: string, value: (c: CalendarCoverage) => number) =>
    metrics.registerGauge({
      name,
      help,
      labelNames: ['city'] as const,
      async collect() {
        try {
          const cities = await coverage();
          this.reset();
          for (const city of cities) this.set({ city: city.city }, value(city));
        } catch {
          // Reference data that cannot load shows no series rather than failing the whole scrape.
          this.reset();
        }
      },
    });
  gauge(
    'urbangrid_calendar_days_left',
    "Days until the city's loaded public holidays and make-up working days run out (negative: past)",
    (city) => city.daysLeft,
  );
  gauge(
    'urbangrid_calendar_ending',
    "1 when the city's calendar data ends within 60 days or has ended: load the next year",
    (city) => (city.ending ? 1 : 0),
  );
}
