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

/** Socket failures of a connection that never opened or broke (Node's `code`s). */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away, coming back or full: 57P01 admin_shutdown (a stop),
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or in recovery), 53300
 * too_many_connections; class 08 is every connection exception.
 */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres and its pool say, without a code, when the connection is gone or never came. */
const unavailableMessages = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

function isUnavailableError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (networkCodes.has(code) || unavailableStates.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return unavailableMessages.some((message) => error.message.includes(message));
}

/**
 * Whether `error` (under drizzle's wrapper, or an AggregateError of connection attempts) says the
 * database is away or restarting rather than that the request was wrong: such a request may be
 * sent again once the server is back (503 with Retry-After, a job retried later), never a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 10) {
    const current = pending.shift();
    if (!(current instanceof Error) || seen.has(current)) continue;
    seen.add(current);
    if (isUnavailableError(current)) return true;
    pending.push(current.cause);
    if (current instanceof AggregateError) pending.push(...current.errors);
  }
  return false;
}
