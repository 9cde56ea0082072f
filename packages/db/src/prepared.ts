import type { DbOrTx } from './client.js';

/**
 * A read prepared once per database handle, for the reads every request or job makes (a case by
 * id, the caller's identity): drizzle builds its SQL once instead of per call, and PostgreSQL parses
 * and plans it once per connection (a named statement). `build` must call `.prepare(name)` with a
 * name no other statement uses.
 */
export function preparedPerDatabase<P>(build: (db: DbOrTx) => P): (db: DbOrTx) => P {
  const prepared = new WeakMap<DbOrTx, P>();
  return (db) => {
    const known = prepared.get(db);
    if (known !== undefined) return known;
    const made = build(db);
    prepared.set(db, made);
    return made;
  };
}
