/**
 * PostgreSQL's own error fields (SQLSTATE, table, column, constraint) under drizzle's wrapper, for
 * the few failures the system expects and answers (a key taken, a callback answered twice).
 */
export interface DatabaseErrorFields {
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

export function databaseErrorOf(error: unknown): DatabaseErrorFields | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 3; depth += 1) {
    if (typeof (current as DatabaseErrorFields).code === 'string') return current as DatabaseErrorFields;
    current = current.cause;
  }
  return null;
}
