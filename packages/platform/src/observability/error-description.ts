/**
 * What a log line says about an error: anything that was thrown or emitted (an Error, a string,
 * undefined, an object that only looks like an error, one whose getters throw) becomes a small
 * plain object — type, message, stack frames, a few diagnostic fields and its causes — and never
 * throws. Fields are copied from a list, not all of them: a driver error carries the values of the
 * failed query (drizzle's `params`, PostgreSQL's `detail`: "Key (phone)=(…) already exists"), and
 * those are people's data. The values a query was sent with are also cut out of every message.
 */

/** Fields worth a line: where a connection failed, which constraint, which status. */
const diagnosticFields = [
  'code',
  'errno',
  'syscall',
  'address',
  'port',
  'statusCode',
  'severity',
  'schema',
  'table',
  'column',
  'constraint',
  'dataType',
  'routine',
] as const;

export interface ErrorDescription {
  type: string;
  message: string;
  stack?: string;
  /** The failed statement's text (placeholders, not values). */
  query?: string;
  cause?: ErrorDescription | string;
  errors?: Array<ErrorDescription | string>;
  [field: string]: unknown;
}

const described = new WeakSet<object>();
const maxDepth = 4;
const maxText = 4_000;
const maxQuery = 2_000;

/** Whether `value` is already a description (the logger may meet one twice). */
export function isErrorDescription(value: unknown): value is ErrorDescription {
  return typeof value === 'object' && value !== null && described.has(value);
}

function isErrorLike(value: unknown): value is { message: string } & Record<string, unknown> {
  return (
    value instanceof Error ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { message?: unknown }).message === 'string')
  );
}

/** A primitive as text, whatever it is (symbols and bigints included). */
function asText(value: unknown): string {
  try {
    return typeof value === 'string' ? value : String(value);
  } catch {
    return `[${typeof value}]`;
  }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The values a failed query was sent with, anywhere in the cause chain (drizzle's `params`). */
function queryParameters(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < maxDepth && typeof current === 'object' && current !== null; depth++) {
    const params = (current as { params?: unknown }).params;
    if (Array.isArray(params)) {
      for (const param of params.slice(0, 200)) {
        // Strings are where names, phones, addresses and descriptions travel; one character says nothing.
        if (typeof param === 'string' && param.length >= 2) found.push(param);
        else if (typeof param === 'object' && param !== null) found.push(asText(JSON.stringify(param)));
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  // Longest first, so a value that contains another is cut whole.
  return found.sort((a, b) => b.length - a.length);
}

function withoutParameters(text: string, parameters: readonly string[]): string {
  // drizzle writes them after the statement: "Failed query: …\nparams: a,b".
  let cleaned = text.replace(/\nparams: [\s\S]*$/, '');
  for (const parameter of parameters) cleaned = cleaned.split(parameter).join('[param]');
  return cleaned;
}

function typeOf(error: object): string {
  const constructorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof constructorName === 'string' && constructorName !== 'Object') return constructorName;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : 'Error';
}

function describeWithin(
  value: unknown,
  parameters: readonly string[],
  depth: number,
): ErrorDescription | string {
  if (isErrorDescription(value)) return value;
  if (!isErrorLike(value)) return clip(withoutParameters(asText(value), parameters), maxText);
  const type = typeOf(value);
  const message = clip(withoutParameters(asText(value.message), parameters), maxText);
  const description: ErrorDescription = { type, message };
  const stack = value.stack;
  if (typeof stack === 'string') {
    // The stack repeats the message (with the values) above its frames: keep the frames only.
    const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
    description.stack = [`${type}: ${message}`, ...frames.slice(0, 30)].join('\n');
  }
  for (const field of diagnosticFields) {
    const fieldValue = value[field];
    if (typeof fieldValue === 'string' || typeof fieldValue === 'number') description[field] = fieldValue;
  }
  if (typeof value.query === 'string') description.query = clip(value.query, maxQuery);
  if (depth < maxDepth) {
    if (value.cause !== undefined && value.cause !== null) {
      description.cause = describeWithin(value.cause, parameters, depth + 1);
    }
    if (Array.isArray(value.errors)) {
      description.errors = value.errors
        .slice(0, 10)
        .map((inner) => describeWithin(inner, parameters, depth + 1));
    }
  }
  described.add(description);
  return description;
}

/**
 * `value` as a log line may show it: a description for anything error-like, a string without the
 * query's values for a string; numbers, booleans, null, undefined and other objects as they are
 * (the logger's redaction and stringifier take those). Never throws.
 */
export function describeError(value: unknown): unknown {
  try {
    if (typeof value === 'string') return describeWithin(value, [], 0);
    if (typeof value === 'bigint' || typeof value === 'symbol') return asText(value);
    if (!isErrorLike(value)) return value;
    return describeWithin(value, queryParameters(value), 0);
  } catch (failure) {
    // A getter that throws, a revoked proxy: say so rather than lose the line.
    return `[an error that could not be read: ${failure instanceof Error ? failure.message : asText(failure)}]`;
  }
}
