/**
 * Turns every error into `application/problem+json` `{type, title, titleZh, status, detail, code}`: our
 * catalogue as is, fastify's and its plugins' own errors mapped onto the catalogue, anything else a
 * 500 that is logged in full but answers with nothing internal.
 */

import { isDatabaseUnavailable } from '@urbangrid/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  type ErrorCode,
  errorCatalogue,
  type FieldError,
  isErrorCode,
  problemExtensionsOf,
} from './errors.js';

export interface Problem {
  type: string;
  title: string;
  /** The title in zh-CN: whoever shows a problem to a person has it in both languages. */
  titleZh: string;
  status: number;
  detail: string;
  code: ErrorCode;
  [extension: string]: unknown;
}

export const problemContentType = 'application/problem+json; charset=utf-8';

/** A stable URI per code (RFC 9457 `type`); a URN because nothing is served there. */
export const problemType = (code: ErrorCode) =>
  `urn:urbangrid:problem:${code.toLowerCase().replace(/_/g, '-')}`;

export function problem(code: ErrorCode, detail: string, extensions: Record<string, unknown> = {}): Problem {
  const { status, title, titleZh } = errorCatalogue[code];
  return { ...extensions, type: problemType(code), title, titleZh, status, detail, code };
}

/** fastify's and its plugins' error codes whose meaning is one of ours. */
const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_NOT_FOUND: 'NOT_FOUND',
};

/** Statuses other libraries use (e.g. @fastify/jwt's 401s) mapped to the nearest code. */
const statusCodes: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error;
}

function fieldErrors(error: FastifyError): FieldError[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((issue) => ({
    in: where,
    path: issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.'),
    message: issue.message ?? 'invalid',
  }));
}

/** Seconds a client waits before sending a request again that met a 503 (`Retry-After`). */
export const retryAfterSeconds = 5;

/** What an error means to the client; `null` for errors that must not be described (500). */
export function problemOf(error: unknown): Problem | null {
  if (!isFastifyError(error)) return null;
  // PostgreSQL stopped, restarting or unreachable: the request was fine, send it again later.
  if (isDatabaseUnavailable(error)) {
    return problem('SERVICE_UNAVAILABLE', 'the database is not answering; try again in a few seconds');
  }
  if (isErrorCode(error.code)) {
    if (errorCatalogue[error.code].status >= 500 && error.code !== 'SERVICE_UNAVAILABLE') return null;
    return problem(error.code, error.message, problemExtensionsOf(error));
  }
  if (error.validation) {
    const errors = fieldErrors(error);
    const where = errors.map((e) => (e.path ? `${e.in}.${e.path}` : e.in)).join(', ');
    return problem('VALIDATION_FAILED', `invalid request: ${where}`, { errors });
  }
  const mapped = error.code ? frameworkCodes[error.code] : undefined;
  if (mapped) return problem(mapped, describeFrameworkError(mapped));
  // JSON parse errors arrive as SyntaxError with statusCode 400 from fastify's parser.
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = statusCodes[status] ?? 'VALIDATION_FAILED';
    return problem(code, describeFrameworkError(code));
  }
  return null;
}

// Framework messages can echo input or internals; answer with a fixed sentence per code instead.
function describeFrameworkError(code: ErrorCode): string {
  switch (code) {
    case 'PAYLOAD_TOO_LARGE':
      return 'the request body is larger than this route accepts';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'this route does not accept that content type';
    case 'NOT_FOUND':
      return 'no such resource';
    case 'UNAUTHENTICATED':
      return 'a valid token or API key is required';
    case 'FORBIDDEN':
      return 'you may not do this';
    case 'RATE_LIMITED':
      return 'too many requests, retry later';
    default:
      return 'the request is malformed';
  }
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  // Every 503 is a part of the system away for a while (RFC 9110 §10.2.3): say when to come back.
  if (body.status === 503) reply.header('retry-after', String(retryAfterSeconds));
  // A 429 that knows how long the wait is (login throttling) says so too.
  if (body.status === 429 && typeof body.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(body.retryAfterSeconds));
  }
  // Pre-serialized: a route's own response schema must not reshape (or reject) an error body.
  return reply.code(body.status).type(problemContentType).send(JSON.stringify(body));
}

function handleError(this: FastifyInstance, error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const body = problemOf(error);
  if (body) {
    if (body.status >= 500) request.log.warn({ err: error }, body.detail);
    return sendProblem(reply, body);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, problem('INTERNAL', 'an unexpected error occurred; it has been logged'));
}

/** The global error and not-found handlers; encapsulated services inherit both. */
export const problemDetails = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(handleError);
    app.setNotFoundHandler((request, reply) => {
      sendProblem(reply, problem('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
    });
  },
  { name: 'urbangrid-problem-details' },
);
