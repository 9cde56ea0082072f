import { cases, type Db } from '@urbangrid/db';
import { terminalStates } from '@urbangrid/domain';
import { count, notInArray } from 'drizzle-orm';
import type { Metrics } from './metrics.js';

/**
 * `urbangrid_open_cases{city,state,light}`, counted from PostgreSQL at scrape time, so every
 * process reports the same truth and nothing has to keep it up to date.
 */
export function registerOpenCasesGauge(metrics: Metrics, db: Db): void {
  metrics.registerGauge({
    name: 'urbangrid_open_cases',
    help: 'Open cases by city, state and light (green, yellow, red)',
    labelNames: ['city', 'state', 'light'] as const,
    async collect() {
      try {
        const rows = await db
          .select({ city: cases.city, state: cases.state, light: cases.light, n: count() })
          .from(cases)
          .where(notInArray(cases.state, [...terminalStates]))
          .groupBy(cases.city, cases.state, cases.light);
        this.reset();
        for (const row of rows) this.set({ city: row.city, state: row.state, light: row.light }, row.n);
      } catch {
        // A scrape while PostgreSQL is away shows no series rather than failing the whole scrape.
        this.reset();
      }
    },
  });
}
