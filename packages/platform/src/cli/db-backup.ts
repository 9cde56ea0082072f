/** `npm run db:backup -- <file>`: the whole database into `file` (pg_dump, custom format). */
import { backupDatabase, shownDatabaseUrl } from '@urbangrid/db';
import { runDatabaseCommand, UsageError } from './database-command.js';

await runDatabaseCommand(async ({ url, config }) => {
  const [file, ...rest] = process.argv.slice(2);
  if (file === undefined || rest.length > 0 || file.startsWith('-')) {
    throw new UsageError('usage: npm run db:backup -- <file>');
  }
  const started = Date.now();
  const backup = await backupDatabase({ url, file, binDir: config.PG_BIN_DIR });
  const size = (backup.bytes / 1024 / 1024).toFixed(1);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return `Backed up ${shownDatabaseUrl(url)} to ${backup.file} (${size} MB) in ${seconds} s`;
});
