/**
 * Input that no route schema can describe but PostgreSQL refuses: a NUL character in a text value
 * ("invalid byte sequence for encoding UTF8: 0x00"). Refused at the edge as VALIDATION_FAILED, for
 * every route, so no service has to remember it; and framework-level URL errors (a malformed or
 * over-long path parameter) answered as problem+json like everything else.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationFailedError } from './errors.js';
import { problem, sendProblem } from './problem-details.js';

const nul = '\u0000';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(nul);
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (Buffer.isBuffer(value)) return false;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(nul) || containsNul(item, depth + 1)) return true;
  }
  return false;
}

export const inputGuards = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      if (request.url.includes('%00') || request.url.includes(nul) || containsNul(request.body)) {
        throw new ValidationFailedError('the request contains a NUL character, which no field accepts');
      }
    });
  },
  { name: 'urbangrid-input-guards' },
);

/** Fastify's `frameworkErrors`: a bad URL or an over-long path parameter, as problem+json. */
export function frameworkErrorProblem(_error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(reply, problem('VALIDATION_FAILED', 'the URL is malformed or a path parameter is too long'));
}
