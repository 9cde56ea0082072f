/**
 * The HTTP side of a graceful shutdown. Once `app.close()` has begun (SIGTERM, see process.ts) the
 * server takes no new connections; a request that still arrives on an open one answers 503
 * problem+json SERVICE_UNAVAILABLE with Retry-After (another process takes it), and every answer
 * closes its connection, so the requests in flight finish and the drain ends with them instead
 * of waiting for idle keep-alive connections to time out. fastify's own 503 on closing (plain
 * JSON, no Retry-After) is turned off in buildApp.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { problem, sendProblem } from './problem-details.js';

export const draining = fp(
  async (app: FastifyInstance) => {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onRequest', async (_request, reply) => {
      if (!closing) return;
      reply.header('connection', 'close');
      return sendProblem(
        reply,
        problem('SERVICE_UNAVAILABLE', 'this process is shutting down; send the request again'),
      );
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      if (closing) reply.header('connection', 'close');
      return payload;
    });
  },
  { name: 'urbangrid-draining' },
);
