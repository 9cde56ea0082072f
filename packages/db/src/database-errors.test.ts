/**
 * What a PostgreSQL outage looks like to the pool, produced for real: a port nothing listens on, a
 * server that accepts and never answers, a backend terminated as a stop terminates it (57P01). Each
 * is "unavailable" (a 503 and a job put off), a wrong query is not; and a connection lost between
 * the statements of a transaction no longer takes the process down (an unhandled 'error' event).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { dbTest } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createDatabase } from './client.js';
import { isDatabaseUnavailable } from './database-errors.js';

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the query to fail');
}

describe('isDatabaseUnavailable', () => {
  let silent: Server;
  const held: Socket[] = [];

  beforeAll(async () => {
    // Accepts connections and says nothing: a server hung or behind a dead network path.
    silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  dbTest('a server that refuses connections is unavailable', async () => {
    const port = await getPort({ host: '127.0.0.1' });
    const away = createDatabase(`postgres://postgres@127.0.0.1:${port}/urbangrid`, { max: 1 });
    try {
      const error = await failureOf(() => away.db.execute(sql`select 1`));
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await away.close();
    }
  });

  dbTest('a server that never answers fails the query after the connect timeout, unavailable', async () => {
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const hung = createDatabase(`postgres://postgres@127.0.0.1:${address.port}/urbangrid`, {
      max: 1,
      connectTimeoutMs: 300,
    });
    try {
      const error = await failureOf(() => hung.db.execute(sql`select 1`));
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await hung.close();
    }
  });

  dbTest(
    'a backend terminated by a stop (57P01), mid-transaction, is unavailable and harmless',
    async ({ database }) => {
      const own = createDatabase(database.url, { max: 1, applicationName: 'urbangrid-terminated' });
      try {
        const error = await failureOf(() =>
          own.db.transaction(async (tx) => {
            const pid = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
            // What `pg_ctl stop -m fast` does to every backend: the server ends the session, which
            // the client hears while it holds the connection between two statements.
            await database.db.execute(sql`select pg_terminate_backend(${pid.rows[0]?.pid})`);
            await new Promise((resolve) => setTimeout(resolve, 200));
            await tx.execute(sql`select 1`);
          }),
        );
        expect(isDatabaseUnavailable(error)).toBe(true);
        // The pool dropped the dead connection and opens a new one by itself.
        const again = await own.db.execute<{ one: number }>(sql`select 1 as one`);
        expect(again.rows).toEqual([{ one: 1 }]);
      } finally {
        await own.close();
      }
    },
  );

  dbTest('a wrong query or a broken constraint is not unavailability', async ({ database }) => {
    const syntax = await failureOf(() => database.db.execute(sql`select from nowhere at all`));
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    const division = await failureOf(() =>
      database.db.execute(sql`select * from (values (1)) v(x) where 1 / 0 = 1`),
    );
    expect(isDatabaseUnavailable(division)).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
