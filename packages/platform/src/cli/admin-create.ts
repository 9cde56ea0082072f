/**
 * `npm run admin:create -- --username <name> [--display-name <name>] [--city <code>]`: makes an
 * admin (of one city, or of every city without --city) with a one-time password printed once,
 * which must be changed at the first login. Run it after db:migrate, as a db:* command runs.
 */

import { parseArgs } from 'node:util';
import { createDatabase } from '@urbangrid/db';
import { cityCodePattern } from '@urbangrid/domain';
import { createFirstAdmin, FirstAdminError } from '../admin/first-admin.js';
import { runDatabaseCommand, UsageError } from './database-command.js';

const usage =
  'usage: npm run admin:create -- --username <name> [--display-name <name>] [--city <4-digit city code>]';

await runDatabaseCommand(async ({ appUrl }) => {
  let values: { username?: string; 'display-name'?: string; city?: string };
  try {
    values = parseArgs({
      options: { username: { type: 'string' }, 'display-name': { type: 'string' }, city: { type: 'string' } },
    }).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if (!values.username) throw new UsageError(usage);
  if (values.city !== undefined && !cityCodePattern.test(values.city)) throw new UsageError(usage);
  const database = createDatabase(appUrl, { max: 1, applicationName: 'urbangrid-admin-create' });
  try {
    const { account, password } = await createFirstAdmin(database.db, {
      username: values.username,
      displayName: values['display-name'] ?? '系统管理员',
      city: values.city ?? null,
    });
    const reach = account.city === null ? 'every city' : `city ${account.city}`;
    return [
      `Created admin ${account.username} (${reach}).`,
      `One-time password: ${password}`,
      'It must be changed at the first login; it is not shown again.',
    ].join('\n');
  } catch (error) {
    if (error instanceof FirstAdminError) throw new UsageError(error.message);
    throw error;
  } finally {
    await database.close();
  }
});
