/**
 * JSON logs (pino) that never carry secrets or personal data: redaction of the known fields
 * (authorization, API keys, passwords, tokens, phones), plus serializers that scrub phone numbers
 * and URL credentials out of request lines and error messages, where no path-based rule reaches,
 * and errors described field by field (`error-description.ts`: a failed query's values stay out).
 *
 * A log call never throws, whatever it is given: it runs in error handlers, where a throw takes
 * the process down (a Redis restart once did, through `{ err: err.message }`, a string).
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type LogFn, type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config.js';
import { describeError, isErrorDescription } from './error-description.js';

const secretFields = [
  'password',
  'newPassword',
  'passwordHash',
  'token',
  'refreshToken',
  'apiKey',
  'api_key',
  'phone',
  'reporterPhone',
  'reporterPhoneEnc',
  'email',
  'reporterEmailEnc',
  'authorization',
  'x-api-key',
  'cookie',
];

/** pino `redact` paths: each field at the top, one and two levels down, and in headers. */
export const redactPaths: string[] = [
  ...secretFields.flatMap((f) => [`["${f}"]`, `*["${f}"]`, `*.*["${f}"]`]),
  ...['authorization', 'x-api-key', 'cookie'].flatMap((h) => [`req.headers["${h}"]`, `*.headers["${h}"]`]),
  'reporter.phone',
  '*.reporter.phone',
  'reporter.email',
  '*.reporter.email',
];

// Mainland mobile numbers (with an optional +86) and landlines written with their area code
// (0471-6612345). Never after a '.', so the digits of a JSON number are left alone.
const phonePattern =
  /(?<![\d.])(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d|\.\d|[eE][+-]?\d)|(?<![\d.-])0\d{2,3}-\d{7,8}(?![\d])/g;
// A phone-shaped JSON number (a field logged as a number, `-13000000000`): replaced by a string, so
// the line stays JSON.
const phoneNumberValuePattern = /(?<=[:,[])-?(?:86)?1[3-9]\d{9}(?=[,\]}])/g;
const urlSecretPattern = /([?&](?:token|api_key|apiKey|access_token|refreshToken)=)[^&#"\s]*/gi;
const jwtPattern = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]+/g;

/** Replaces phone numbers, JWTs and URL credentials in free text (messages, stacks, URLs, whole lines). */
export function scrubText(text: string): string {
  return text
    .replace(urlSecretPattern, '$1[Redacted]')
    .replace(jwtPattern, '[jwt]')
    .replace(phoneNumberValuePattern, '"[phone]"')
    .replace(phonePattern, '[phone]');
}

type RequestLike = Pick<FastifyRequest, 'method' | 'url' | 'id' | 'hostname'> & { ip?: string };

function serializeRequest(req: RequestLike | IncomingMessage) {
  const fastifyReq = 'hostname' in req ? req : undefined;
  return {
    method: req.method,
    url: scrubText(req.url ?? ''),
    host: fastifyReq?.hostname,
    remoteAddress: fastifyReq?.ip ?? (req as IncomingMessage).socket?.remoteAddress,
  };
}

/** A serializer that answers for any value: a line is never lost because a field was not what it expected. */
function total<T>(serialize: (value: T) => unknown): (value: unknown) => unknown {
  return (value) => {
    if (typeof value !== 'object' || value === null)
      return typeof value === 'string' ? scrubText(value) : value;
    try {
      return serialize(value as T);
    } catch {
      return '[unserializable]';
    }
  };
}

const secretKeys = new Set(secretFields.map((f) => f.toLowerCase()));

/**
 * Secret-named fields at any depth of plain objects (paths above only reach two levels), and
 * errors at any depth described (their own fields may carry a query's values).
 */
function redactDeep(value: unknown, depth: number): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return describeError(value);
  // Already described (an error's own fields, chosen from a list): nothing secret is left in it.
  if (isErrorDescription(value)) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  // Requests, replies and other class instances have serializers of their own; leave them to those.
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = secretKeys.has(k.toLowerCase()) ? '[Redacted]' : redactDeep(v, depth + 1);
  }
  return out;
}

function redactFields(object: Record<string, unknown>): Record<string, unknown> {
  try {
    return redactDeep(object, 0) as Record<string, unknown>;
  } catch (error) {
    // A getter that throws: the line goes out without the fields rather than not at all.
    return { logFailure: `fields could not be read: ${String(describeError(error))}` };
  }
}

/**
 * Every call goes through here: an error logged as the first argument, or under `err` without a
 * message, would otherwise lend the line its raw message (pino's default), values and all; and
 * whatever still throws on the way to the line is caught, and a line saying so is written.
 */
function logSafely(this: Logger, args: Parameters<LogFn>, method: LogFn): void {
  try {
    method.apply(this, safeArguments(args as unknown[]) as Parameters<LogFn>);
  } catch (failure) {
    try {
      method.call(this, { logFailure: describeError(failure) }, 'a log line could not be written');
    } catch {
      // Nothing more to try: a log call must never take the caller down with it.
    }
  }
}

function safeArguments([first, ...rest]: unknown[]): unknown[] {
  // A message alone (pino takes a first argument that is no object as the message).
  if (typeof first !== 'object' || first === null) return [asMessage(first), ...rest];
  const [message, ...formatArgs] = rest;
  if (!(first instanceof Error || 'err' in first)) return [first, asMessage(message), ...formatArgs];
  const err = describeError(first instanceof Error ? first : (first as { err: unknown }).err);
  const fields = first instanceof Error ? { err } : { ...first, err };
  const text = message === undefined && isErrorDescription(err) ? err.message : asMessage(message);
  return [fields, text, ...formatArgs];
}

/** A message pino can write as JSON: text as it is, an error by its described message, anything else as text. */
function asMessage(message: unknown): string | undefined {
  if (message === undefined || typeof message === 'string') return message;
  const described = describeError(message);
  if (isErrorDescription(described)) return described.message;
  if (typeof described === 'string') return described;
  try {
    return typeof message === 'object' ? JSON.stringify(redactFields({ message }).message) : String(message);
  } catch {
    return `[${typeof message}]`;
  }
}

/** Options that make any pino logger safe to hand to fastify. */
export const safeLoggerOptions = {
  redact: { paths: redactPaths, censor: '[Redacted]' },
  serializers: {
    req: total(serializeRequest),
    res: total((reply: { statusCode?: unknown }) => ({ statusCode: reply.statusCode })),
    err: describeError,
  },
  formatters: { log: redactFields },
  hooks: {
    logMethod: logSafely,
    // The last line of defence: whatever reached the line (a message, a field at any depth).
    streamWrite: scrubText,
  },
} satisfies Pick<LoggerOptions, 'redact' | 'serializers' | 'formatters' | 'hooks'>;

const safeLoggers = new WeakSet<Logger>();

export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  options: { service?: string; destination?: DestinationStream } = {},
): Logger {
  const loggerOptions: LoggerOptions = {
    level: config.LOG_LEVEL,
    base: options.service ? { service: options.service } : {},
    ...safeLoggerOptions,
  };
  const logger = options.destination ? pino(loggerOptions, options.destination) : pino(loggerOptions);
  safeLoggers.add(logger);
  return logger;
}

/**
 * A logger someone else built, made safe: the same level, bindings and destination, with our
 * redaction, serializers and line scrubbing. (A pino child cannot take `hooks`, hence a new root
 * on the same stream.)
 */
export function withRedaction(logger: Logger): Logger {
  if (safeLoggers.has(logger)) return logger;
  const stream = (logger as unknown as Record<symbol, DestinationStream | undefined>)[pino.symbols.streamSym];
  const safe = pino(
    { level: logger.level, base: logger.bindings(), ...safeLoggerOptions },
    stream ?? pino.destination(1),
  );
  safeLoggers.add(safe);
  return safe;
}
