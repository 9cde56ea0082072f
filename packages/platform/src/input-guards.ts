/**
 * The text rule of every boundary, in one place: no text a client sends — any string in a body, a
 * query string or a path parameter, at any depth, keys included — may carry a control character or
 * an unpaired UTF-16 surrogate. PostgreSQL refuses a NUL and a lone surrogate (the insert fails, a
 * 500), XML 1.0 cannot carry either nor most controls (one bad description breaks a whole Open311
 * list), and terminals and CSV readers act on the rest. Tab, line feed and carriage return stay
 * allowed: they are how multi-line notes are written, and HTML forms and Windows clients end lines
 * with CRLF. The hook runs on every route, including those added later, before the route's own
 * schema; a refusal is VALIDATION_FAILED naming the field. Framework-level URL errors (a malformed
 * or over-long path parameter) are answered as problem+json like everything else.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type FieldError, validationFailed } from './errors.js';
import { problem, sendProblem } from './problem-details.js';

/** Any control character (Unicode Cc: C0, DEL, C1) but tab, LF and CR, or a surrogate not in a pair. */
const forbiddenCharacter = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

/** Whether `text` is acceptable in any text field. */
export function isAcceptableText(text: string): boolean {
  return !forbiddenCharacter.test(text);
}

export const unacceptableTextMessage =
  'contains a control character (other than tab and line breaks) or an unpaired UTF-16 surrogate';

type RequestPart = 'body' | 'querystring' | 'params';

/**
 * The first place in `value` where unacceptable text sits (a string, or an object key), as the
 * field error naming it; null when there is none. Iterative, so no nesting depth escapes it.
 */
export function findUnacceptableText(value: unknown, part: RequestPart): FieldError | null {
  const pending: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: item, path } = next;
    if (typeof item === 'string') {
      if (!isAcceptableText(item))
        return { in: part, path: path.join('.'), message: unacceptableTextMessage };
      continue;
    }
    if (item === null || typeof item !== 'object' || Buffer.isBuffer(item)) continue;
    const entries = Object.entries(item);
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      if (entry === undefined) continue;
      const [key, child] = entry;
      if (!isAcceptableText(key)) {
        return { in: part, path: path.join('.'), message: `a field name ${unacceptableTextMessage}` };
      }
      pending.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

export const inputGuards = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      const found =
        findUnacceptableText(request.params, 'params') ??
        findUnacceptableText(request.query, 'querystring') ??
        findUnacceptableText(request.body, 'body');
      if (found) {
        const where = found.path ? `${found.in}.${found.path}` : found.in;
        throw validationFailed(`${where} ${found.message}`, [found]);
      }
    });
  },
  { name: 'urbangrid-input-guards' },
);

/** Fastify's `frameworkErrors`: a bad URL or an over-long path parameter, as problem+json. */
export function frameworkErrorProblem(_error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(reply, problem('VALIDATION_FAILED', 'the URL is malformed or a path parameter is too long'));
}
