import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A transaction handle, accepted wherever a repository takes a `Db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

// Dates come back as JS Dates for timestamptz; `date` columns stay 'YYYY-MM-DD' strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts fit in a double for everything this system counts.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** How long a query waits for a connection (a free one of the pool, or a new one) before it fails. */
export const defaultConnectTimeoutMs = 10_000;

export function createDatabase(
  url: string,
  options: { max?: number; applicationName?: string; connectTimeoutMs?: number } = {},
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 20,
    application_name: options.applicationName ?? 'urbangrid',
    // A server that does not answer (stopped, unreachable) fails the query instead of holding it.
    connectionTimeoutMillis: options.connectTimeoutMs ?? defaultConnectTimeoutMs,
    keepAlive: true,
  });
  // A client that loses its server must not take the process down: the pool drops it and opens a
  // new one for the next query. The pool listens on idle clients; a checked-out one (between the
  // statements of a transaction) had no listener, and its 'error' on a server stop was unhandled.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
