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

// Mainland mobile numbers (with an optional +86) and landlines with an area code (0471-1234567).
const phonePattern = /(?<![\d])(?:\+?86[- ]?)?1[3-9]\d{9}(?![\d])|(?<![\d-])0\d{2,3}-?\d{7,8}(?![\d])/g;
const urlSecretPattern = /([?&](?:token|api_key|apiKey|access_token|refreshToken)=)[^&#]*/gi;

/** Replaces phone numbers and credentials in free text (messages, stacks, URLs). */
export function scrubText(text: string): string {
  return text.replace(urlSecretPattern, '$1[Redacted]').replace(phonePattern, '[phone]');
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

/** Options that make any pino logger safe to hand to fastify. */
export const safeLoggerOptions = {
  redact: { paths: redactPaths, censor: '[Redacted]' },
  serializers: {
    req: serializeRequest,
    res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    err: serializeError,
  },
} satisfies Pick<LoggerOptions, 'redact' | 'serializers'>;

export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  options: { service?: string; destination?: DestinationStream } = {},
): Logger {
  const loggerOptions: LoggerOptions = {
    level: config.LOG_LEVEL,
    base: options.service ? { service: options.service } : {},
    ...safeLoggerOptions,
  };
  return options.destination ? pino(loggerOptions, options.destination) : pino(loggerOptions);
}

/** A logger someone else built, with the same redaction and serializers (they override the parent's). */
export function withRedaction(logger: Logger): Logger {
  return logger.child({}, safeLoggerOptions);
}
