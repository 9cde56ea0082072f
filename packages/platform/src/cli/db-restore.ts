/**
 * `npm run db:restore -- <file> [--clean]`: a backup of `npm run db:backup` into the database
 * (created when missing; one that already has tables only with --clean, which replaces them).
 */
import { parseArgs } from 'node:util';
import { restoreDatabase, shownDatabaseUrl } from '@urbangrid/db';
import { runDatabaseCommand, UsageError } from './database-command.js';

const usage = 'usage: npm run db:restore -- <file> [--clean]';

await runDatabaseCommand(async ({ url, config }) => {
  let parsed: { values: { clean?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { clean: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  const [file, ...rest] = parsed.positionals;
  if (file === undefined || rest.length > 0) throw new UsageError(usage);
  const started = Date.now();
  const restored = await restoreDatabase({
    url,
    file,
    clean: parsed.values.clean,
    binDir: config.PG_BIN_DIR,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return `Restored ${file} into ${restored.created ? 'the new database ' : ''}${shownDatabaseUrl(url)} in ${seconds} s; ${restored.requeued} queued jobs of open cases handed to the relay again (start on an empty Redis or a new QUEUE_PREFIX)`;
});
