/**
 * Request ids: an incoming `x-request-id` is honoured (so a trace crosses the load balancer and
 * the console) when it looks like an id, otherwise one is generated; the response echoes it.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const requestIdHeader = 'x-request-id';

// Anything else (long, spaces, control characters) could forge or break log lines.
const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(raw: IncomingMessage): string {
  const incoming = raw.headers[requestIdHeader];
  return typeof incoming === 'string' && acceptable.test(incoming) ? incoming : randomUUID();
}

export const requestIdEcho = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.header(requestIdHeader, request.id);
    });
  },
  { name: 'urbangrid-request-id' },
);
