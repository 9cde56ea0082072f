/**
 * JSON logs (pino) that never carry secrets or personal data: redaction of the known fields
 * (authorization, API keys, passwords, tokens, phones), plus serializers that scrub phone numbers
 * and URL credentials out of request lines and error messages, where no path-based rule reaches.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config.js';

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
];

// Mainland mobile numbers (with an optional +86) and landlines written with their area code
// (0471-6612345). Never after a '.', so the digits of a JSON number are left alone.
const phonePattern = /(?<![\d.])(?:\+?86[- ]?)?1[3-9]\d{9}(?![\d])|(?<![\d.-])0\d{2,3}-\d{7,8}(?![\d])/g;
const urlSecretPattern = /([?&](?:token|api_key|apiKey|access_token|refreshToken)=)[^&#"\s]*/gi;
const jwtPattern = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]+/g;

/** Replaces phone numbers, JWTs and URL credentials in free text (messages, stacks, URLs, whole lines). */
export function scrubText(text: string): string {
  return text
    .replace(urlSecretPattern, '$1[Redacted]')
    .replace(jwtPattern, '[jwt]')
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

function serializeError(error: Error) {
  const serialized = pino.stdSerializers.err(error);
  return {
    ...serialized,
    message: scrubText(serialized.message),
    stack: scrubText(serialized.stack),
  };
}

const secretKeys = new Set(secretFields.map((f) => f.toLowerCase()));

/** Secret-named fields at any depth of plain objects (paths above only reach two levels). */
function redactDeep(value: unknown, depth: number): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  // Requests, replies and errors have serializers of their own; leave them to those.
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = secretKeys.has(k.toLowerCase()) ? '[Redacted]' : redactDeep(v, depth + 1);
  }
  return out;
}

/** Options that make any pino logger safe to hand to fastify. */
export const safeLoggerOptions = {
  redact: { paths: redactPaths, censor: '[Redacted]' },
  serializers: {
    req: serializeRequest,
    res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    err: serializeError,
  },
  formatters: { log: (object: Record<string, unknown>) => redactDeep(object, 0) as Record<string, unknown> },
  // The last line of defence: whatever reached the line (a message, a field at any depth).
  hooks: { streamWrite: scrubText },
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
