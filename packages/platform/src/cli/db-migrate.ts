/** `npm run db:migrate`: applies the pending migrations (what every process does at start). */
import { runMigrations, shownDatabaseUrl } from '@urbangrid/db';
import { runDatabaseCommand } from './database-command.js';

await runDatabaseCommand(async ({ url }) => {
  await runMigrations(url);
  return `Migrated ${shownDatabaseUrl(url)}`;
});
