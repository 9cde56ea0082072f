/**
 * `npm run db:requeue`: after a point-in-time recovery (or any database brought back from an
 * earlier moment), hands the queues' work of that moment to the relay again. `db:restore` does it
 * by itself. Start the system on an empty Redis or a new QUEUE_PREFIX.
 */
import { requeueWorkInFlight, shownDatabaseUrl } from '@urbangrid/db';
import { runDatabaseCommand } from './database-command.js';

await runDatabaseCommand(async ({ url }) => {
  const requeued = await requeueWorkInFlight(url);
  return `${requeued} queued jobs of open cases in ${shownDatabaseUrl(url)} handed to the relay again (start on an empty Redis or a new QUEUE_PREFIX)`;
});
