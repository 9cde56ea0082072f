/**
 * The live hub: `GET /api/live` upgrades to a WebSocket for signed-in staff (token as `?token=`,
 * checked by authentication before the upgrade, so a bad token is refused with 401). Each process
 * subscribes once to the Redis channel `${QUEUE_PREFIX}:live` and relays every `case.changed` to
 * the clients whose case scope includes that case, and every `notice` to the clients of its
 * recipients; any number of processes can serve boards.
 */
import { type CaseScope, caseVisibleTo } from '@urbangrid/db';
import { liveChannel, parseLiveMessage, parseSessionsRevoked, toLiveEvent } from '@urbangrid/live';
import { type RedisClient, reportConnectionTrouble, subscribeWhenReady } from '@urbangrid/redis';
import { referenceChangeOf } from '@urbangrid/reference';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { WebSocket } from 'ws';
import { caseScopeOf } from '../access/case-scope.js';
import { userOf } from '../auth/actor.js';
import { staffOnly } from '../auth/route-access.js';
import { RateLimitedError } from '../errors.js';

export interface LiveHub {
  /** Resolves once this process listens on the channel (tests wait for it before publishing). */
  subscribed(): Promise<void>;
  clientCount(): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    liveHub: LiveHub;
  }
}

interface Client {
  scope: CaseScope;
  userId: string;
  sessionId: string | undefined;
  username: string;
  alive: boolean;
  expiry?: NodeJS.Timeout;
}

// A client that stops reading is skipped rather than buffered without bound.
const maxBufferedBytes = 1024 * 1024;
const heartbeatMs = 30_000;

/** When the connection's token expires (seconds since the epoch), read from the upgrade URL. */
function tokenExpiry(app: FastifyInstance, request: FastifyRequest): number | undefined {
  const token = new URLSearchParams(request.url.split('?')[1] ?? '').get('token');
  if (!token) return undefined;
  return app.jwt.decode<{ exp?: number }>(token)?.exp;
}

export const liveHub = fp(
  async (app: FastifyInstance) => {
    const clients = new Map<WebSocket, Client>();
    const channel = liveChannel(app.config.QUEUE_PREFIX);
    let subscriber: RedisClient | undefined;
    let subscription: Promise<void> | undefined;

    const relay = (raw: string) => {
      const data = parseLiveMessage(raw);
      // An admin's reference change is for the processes' reference followers, never a console.
      if (data === null && referenceChangeOf(raw) !== null) return;
      // Revocations reach this hub through app.sessions (below), with the sessions' cache.
      if (data === null && parseSessionsRevoked(raw) !== null) return;
      if (data === null) {
        app.log.warn({ channel }, 'ignored a malformed live message');
        return;
      }
      const event = JSON.stringify(toLiveEvent(data));
      const addressedTo = (client: Client) =>
        data.type === 'notice'
          ? data.recipients.includes(client.username)
          : caseVisibleTo(client.scope, data);
      for (const [socket, client] of clients) {
        if (socket.readyState !== socket.OPEN || socket.bufferedAmount > maxBufferedBytes) continue;
        if (addressedTo(client)) socket.send(event);
      }
    };

    const subscribe = () => {
      if (subscription) return subscription;
      const connection = app.redis.duplicate();
      reportConnectionTrouble(connection, 'live hub', app.log);
      connection.on('message', (from: string, raw: string) => {
        if (from === channel) relay(raw);
      });
      subscriber = connection;
      // Subscribed now or when Redis is back; ioredis re-subscribes by itself after a reconnect, on a
      // cluster to whichever node answers (PUBLISH reaches every node of a cluster).
      subscription = subscribeWhenReady(connection, channel);
      return subscription;
    };

    const heartbeat = setInterval(() => {
      for (const [socket, client] of clients) {
        if (!client.alive) {
          socket.terminate();
          continue;
        }
        client.alive = false;
        socket.ping();
      }
    }, heartbeatMs);
    heartbeat.unref();

    // A revoked session's sockets close within moments, in every process (announced on the channel).
    app.sessions.onRevoked((revoked) => {
      for (const [socket, client] of clients) {
        if (client.userId !== revoked.userId) continue;
        if (revoked.sessionId !== undefined && client.sessionId !== revoked.sessionId) continue;
        socket.close(4401, 'session ended');
      }
    });

    app.decorate('liveHub', {
      subscribed: subscribe,
      clientCount: () => clients.size,
    } satisfies LiveHub);

    app.addHook('onReady', async () => {
      void subscribe().catch(() => undefined);
    });
    app.addHook('onClose', async () => {
      clearInterval(heartbeat);
      subscriber?.disconnect();
    });

    app.get(
      '/api/live',
      {
        websocket: true,
        // Integrations have no board; refused before the upgrade.
        config: { access: staffOnly },
        preHandler: async (request) => {
          const user = userOf(request);
          // A per-user cap per process, so one account cannot hold the hub's sockets.
          let open = 0;
          for (const client of clients.values()) if (client.userId === user.id) open += 1;
          if (open >= app.config.LIVE_CONNECTIONS_PER_USER) {
            throw new RateLimitedError(
              `at most ${app.config.LIVE_CONNECTIONS_PER_USER} live connections per user; close another board first`,
            );
          }
        },
      },
      (socket, request) => {
        const user = userOf(request);
        const client: Client = {
          scope: caseScopeOf(user),
          userId: user.id,
          sessionId: user.sessionId,
          username: user.username,
          alive: true,
        };
        const exp = tokenExpiry(app, request);
        if (exp !== undefined) {
          // Close when the token expires: the console reconnects with a fresh one.
          const ms = Math.max(0, exp * 1000 - Date.now());
          client.expiry = setTimeout(() => socket.close(4401, 'token expired'), Math.min(ms, 2 ** 31 - 1));
          client.expiry.unref();
        }
        clients.set(socket, client);
        socket.on('pong', () => {
          client.alive = true;
        });
        socket.on('close', () => {
          clearTimeout(client.expiry);
          clients.delete(socket);
        });
      },
    );
  },
  {
    name: 'urbangrid-live-hub',
    dependencies: ['urbangrid-infrastructure', 'urbangrid-authentication', 'urbangrid-sessions'],
  },
);
