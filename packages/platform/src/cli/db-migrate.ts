/**
 * `npm run db:migrate`: applies the pending migrations as the owner (DATABASE_OWNER_URL) and gives
 * DATABASE_URL's role its login (what every process given the owner's URL does at start).
 */
import { runMigrations, shownDatabaseUrl } from '@urbangrid/db';
import { runDatabaseCommand } from './database-command.js';

await runDatabaseCommand(async ({ url, appUrl }) => {
  await runMigrations(url, { appUrl });
  return `Migrated ${shownDatabaseUrl(url)}`;
});
