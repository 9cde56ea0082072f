import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EmbeddedPostgresError,
  type EmbeddedPostgresHandle,
  startEmbeddedPostgres,
} from './embedded-postgres.js';
import { whoHoldsPort } from './embedded-postgres-owner.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const dataDirectoryOf = async (url: string) =>
  (await query<{ dir: string }>(url, "select current_setting('data_directory') as dir"))[0]?.dir;

/**
 * Two checkouts on one machine, as `npm start` meets them: both default to the same embedded
 * port, and the second must get its own server, never the first one's database.
 */
describe('the embedded PostgreSQL of two checkouts', () => {
  // Traversable by the `postgres` user the servers run as under root.
  const root = mkdtempSync(path.join(tmpdir(), 'urbangrid-embedded-'));
  chmodSync(root, 0o755);
  const first = path.join(root, 'first');
  const second = path.join(root, 'second');
  const started: EmbeddedPostgresHandle[] = [];
  afterAll(async () => {
    for (const server of started.reverse()) await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('each uses a server of its own data directory, and finds it again while it runs', {
    timeout: 180_000,
  }, async () => {
    const port = await getPort({ host: '127.0.0.1' });
    const a = await startEmbeddedPostgres({ dataDir: first, port });
    started.push(a);
    expect(a.url).toContain(`:${port}/`);
    await query(a.url, 'create table belongs_to_first (id int)');

    const notices: string[] = [];
    const b = await startEmbeddedPostgres({ dataDir: second, port, notice: (line) => notices.push(line) });
    started.push(b);
    expect(b.url).not.toContain(`:${port}/`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`Port ${port} (EMBEDDED_PG_PORT) is held by the PostgreSQL of`);
    expect(await dataDirectoryOf(b.url)).toBe(path.join(second, 'postgres'));
    expect(await query(b.url, "select to_regclass('belongs_to_first') as t")).toEqual([{ t: null }]);

    // Started again while both run: each attaches to its own, the second on the port it moved to.
    const aAgain = await startEmbeddedPostgres({ dataDir: first, port });
    const bAgain = await startEmbeddedPostgres({
      dataDir: second,
      port,
      notice: (line) => notices.push(line),
    });
    expect(aAgain.url).toBe(a.url);
    expect(bAgain.url).toBe(b.url);
    expect(notices).toHaveLength(1);
    expect(await dataDirectoryOf(aAgain.url)).toBe(path.join(first, 'postgres'));
  });

  it('takes a port held by anything but its own server for another', async () => {
    const squatter = createServer((socket) => {
      socket.on('error', () => undefined); // the probes hang up on it
      socket.end('not postgres\n');
    });
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const address = squatter.address();
    try {
      if (address === null || typeof address === 'string') throw new Error('no port');
      const holder = await whoHoldsPort(address.port, path.join(first, 'postgres'), {
        user: 'postgres',
        password: 'urbangrid-local',
      });
      expect(holder.kind).toBe('other');
    } finally {
      squatter.close();
    }
    const free = await getPort({ host: '127.0.0.1' });
    expect(
      await whoHoldsPort(free, path.join(first, 'postgres'), { user: 'postgres', password: 'x' }),
    ).toEqual({
      kind: 'nobody',
    });
  });

  it('says in one line why its server did not start', async () => {
    const broken = path.join(root, 'broken');
    mkdirSync(path.join(broken, 'postgres'), { recursive: true });
    writeFileSync(path.join(broken, 'postgres', 'PG_VERSION'), '15\n');
    const port = await getPort({ host: '127.0.0.1' });
    const failure = startEmbeddedPostgres({ dataDir: broken, port });
    await expect(failure).rejects.toBeInstanceOf(EmbeddedPostgresError);
    await expect(failure).rejects.toThrow(
      new RegExp(
        `^The embedded PostgreSQL under ${broken}/postgres did not start on port ${port}: .*postgresql.conf`,
      ),
    );
  });
});
