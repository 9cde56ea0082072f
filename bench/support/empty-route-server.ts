/**
 * The intake benchmark's first baseline: fastify with one empty route at the intake path, so the
 * same load measures what HTTP, JSON parsing and the event loop cost before any work. Run as a
 * child: `node --import tsx bench/support/empty-route-server.ts <port>`.
 */
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 0);
const app = Fastify({ logger: false });
app.post('/api/intake/reports', async (_request, reply) => reply.code(201).send({ id: 'empty' }));
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('listening\n');
