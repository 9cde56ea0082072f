import pg from 'pg';
import type { DbOrTx } from './client.js';

type Reads<T extends readonly unknown[]> = { readonly [K in keyof T]: () => PromiseLike<T[K]> };

/**
 * Whether `db` runs its queries on one connection: a transaction, or a handle over a single client.
 * A connection runs one query at a time; pg@8 queues a second one with a DeprecationWarning and
 * pg@9 refuses it.
 */
export function onOneConnection(db: DbOrTx): boolean {
  return !('$client' in db && db.$client instanceof pg.Pool);
}

/**
 * Runs reads that do not depend on each other: side by side on the pool (each on a connection of
 * its own), one after the other on a transaction or a single client. Each read is a function so
 * that nothing starts before its turn.
 */
export async function independentReads<T extends readonly unknown[]>(
  db: DbOrTx,
  reads: Reads<T>,
): Promise<T> {
  if (!onOneConnection(db)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
