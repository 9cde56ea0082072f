/**
 * The fan-out benchmark's baseline: a bare `ws` server that, on `POST /broadcast?tag=…`, sends
 * `{"caseId": tag}` to every connected client — the floor for one process pushing one message to
 * many sockets. Run as a child: `node --import tsx bench/support/broadcast-server.ts <port>`.
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 0);
const server = createServer((request, response) => {
  const tag = new URL(request.url ?? '/', 'http://localhost').searchParams.get('tag') ?? '';
  const message = JSON.stringify({ type: 'case.changed', caseId: tag });
  for (const client of sockets.clients) client.send(message);
  response.writeHead(200).end(tag);
});
const sockets = new WebSocketServer({ server });
server.listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
