import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dbTest } from '@urbangrid/test-support';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { backupDatabase, restoreDatabase } from './backup.js';
import { BackupError } from './backup-error.js';

/** What an operator reads when a backup or restore cannot be done: one line saying why. */
describe('db:backup and db:restore refuse in one line', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'urbangrid-backup-errors-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const oneLine = async (work: Promise<unknown>, pattern: RegExp) => {
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    const message = (error as BackupError).message;
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  };

  dbTest('a backup file that is not there', async ({ database }) => {
    await oneLine(
      restoreDatabase({ url: database.url, file: path.join(directory, 'missing.dump') }),
      /^No backup file at .*missing\.dump\.$/,
    );
  });

  dbTest('a server that does not answer, its password not shown', async () => {
    const port = await getPort({ host: '127.0.0.1' });
    await oneLine(
      backupDatabase({
        url: `postgres://app:secret@127.0.0.1:${port}/urbangrid`,
        file: path.join(directory, 'x.dump'),
      }),
      new RegExp(
        `^Cannot reach PostgreSQL at postgres://app:\\*\\*\\*@127\\.0\\.0\\.1:${port}/urbangrid: .*ECONNREFUSED`,
      ),
    );
  });

  dbTest('pg_dump not installed, or not where PG_BIN_DIR says', async ({ database }) => {
    const file = path.join(directory, 'x.dump');
    await oneLine(
      backupDatabase({ url: database.url, file, searchDirs: [directory] }),
      /^pg_dump is not installed: .*apt-get install postgresql-client.*PG_BIN_DIR/,
    );
    await oneLine(
      backupDatabase({ url: database.url, file, binDir: directory }),
      /^pg_dump is not in PG_BIN_DIR/,
    );
  });

  dbTest('a pg_dump older than the server', async ({ database }) => {
    const bin = await mkdtemp(path.join(directory, 'bin-'));
    await writeFile(path.join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
    await chmod(path.join(bin, 'pg_dump'), 0o755);
    await oneLine(
      backupDatabase({ url: database.url, file: path.join(directory, 'x.dump'), binDir: bin }),
      /^pg_dump 9\.6\.24 cannot dump PostgreSQL \d+.* install postgresql-client-\d+ or set PG_BIN_DIR/,
    );
  });

  dbTest('a restore over a database that has tables, without --clean', async ({ database }) => {
    const file = path.join(directory, 'any.dump');
    await writeFile(file, '');
    await oneLine(
      restoreDatabase({ url: database.url, file }),
      new RegExp(`^The database ${database.name} at .* already has \\d+ tables: .*--clean`),
    );
  });
});
