/**
 * Sessions (user_sessions): login starts one, refresh rotates it, logout and the account changes
 * that must end access (password, roles, deactivation) revoke it. Verifying an access token stays
 * cheap: what a session stands for (the active user's identity) is cached per session in each
 * process for a short TTL, and a revocation is announced on the live channel so every process
 * forgets it — and closes that user's `/api/live` sockets — within moments. The cache is trusted
 * only while this process hears the channel: with its subscription down (Redis away) every request
 * reads the identity from PostgreSQL, and on reconnecting it forgets everything cached before. An
 * announcement lost while this process still hears the channel (the announcer's Redis away) costs
 * at most the TTL (5 s).
 */
import { randomUUID } from 'node:crypto';
import {
  createUserSession,
  type DbOrTx,
  findSessionIdentity,
  revokeUserSession,
  revokeUserSessions,
  rotateUserSession,
  type SessionRevocation,
  type UserIdentity,
} from '@urbangrid/db';
import {
  encodeSessionsRevoked,
  liveChannel,
  parseSessionsRevoked,
  type SessionsRevokedMessage,
} from '@urbangrid/live';
import { publish, type RedisClient, subscribeWhenReady } from '@urbangrid/redis';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { UnauthenticatedError } from '../errors.js';
import { type IssuedTokens, issueTokens, refreshExpiry, verifyToken } from './tokens.js';

export interface Sessions {
  /** Starts a session for `userId` and issues its tokens. */
  start(userId: string, db?: DbOrTx): Promise<IssuedTokens & { sessionId: string }>;
  /**
   * Exchanges a refresh token for the next pair. A token already exchanged revokes its session
   * (reuse detection): 401 then, and for whoever holds the newer token from then on.
   */
  refresh(refreshToken: string): Promise<IssuedTokens & { identity: UserIdentity }>;
  /** The identity an open session of an active user stands for, or null (cached; see the module note). */
  identity(sessionId: string): Promise<UserIdentity | null>;
  /** Ends one session (logout). */
  end(sessionId: string, reason: SessionRevocation): Promise<void>;
  /** Ends every session of a user outside a transaction of the caller's. */
  endAll(userId: string, reason: SessionRevocation): Promise<void>;
  /**
   * Tells every process that sessions were revoked (after the revoking transaction committed);
   * this process hears it too.
   */
  announce(message: Omit<SessionsRevokedMessage, 'type'>): Promise<void>;
  /** Called in this process for every revocation announced (the live hub closes sockets with it). */
  onRevoked(listener: (message: SessionsRevokedMessage) => void): void;
  /** Resolves once this process listens for revocations (tests wait for it). */
  following(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: Sessions;
  }
}

export interface SessionsOptions {
  /** How long a session's identity is trusted without asking the database; default 5 s. */
  cacheTtlMs?: number;
}

interface Cached {
  identity: UserIdentity | null;
}

export const sessions = fp(
  async (app: FastifyInstance, options: SessionsOptions) => {
    const channel = liveChannel(app.config.QUEUE_PREFIX);
    const cache = new LRUCache<string, Cached>({ max: 20_000, ttl: options.cacheTtlMs ?? 5_000 });
    const listeners: Array<(message: SessionsRevokedMessage) => void> = [];

    const forget = (message: SessionsRevokedMessage) => {
      if (message.sessionId !== undefined) cache.delete(message.sessionId);
      else {
        for (const [sessionId, entry] of cache.entries()) {
          if (entry.identity?.id === message.userId) cache.delete(sessionId);
        }
      }
      for (const listener of listeners) {
        try {
          listener(message);
        } catch (err) {
          app.log.warn({ err }, 'sessions: a revocation listener failed');
        }
      }
    };

    const subscriber: RedisClient = app.redis.duplicate();
    let subscribedOnce = false;
    subscriber.on('error', (err: Error) => app.log.debug({ err: err.message }, 'sessions: redis error'));
    subscriber.on('message', (from: string, raw: string) => {
      if (from !== channel) return;
      const message = parseSessionsRevoked(raw);
      if (message !== null) forget(message);
    });
    // Revocations announced while the connection was down are lost: trust nothing cached before.
    subscriber.on('ready', () => {
      if (subscribedOnce) cache.clear();
    });
    // Now, or when Redis is back if it is away at the start.
    const subscription = subscribeWhenReady(subscriber, channel).then(() => {
      subscribedOnce = true;
    });
    app.addHook('onClose', async () => {
      subscriber.disconnect();
    });
    /** Whether revocations reach this process now: only then may a cached identity answer. */
    const hearing = () => subscribedOnce && subscriber.status === 'ready';

    const announce: Sessions['announce'] = async (revoked) => {
      const message: SessionsRevokedMessage = { type: 'sessions.revoked', ...revoked };
      // This process forgets at once, whatever Redis does.
      forget(message);
      try {
        await publish(app.redis, channel, encodeSessionsRevoked(message));
      } catch (err) {
        app.log.warn(
          { err },
          'sessions: could not announce a revocation; other processes notice within the cache TTL',
        );
      }
    };

    app.decorate('sessions', {
      async start(userId, db = app.db) {
        const sessionId = randomUUID();
        await createUserSession(db, { id: sessionId, userId, expiresAt: refreshExpiry(app.config) });
        return { ...issueTokens(app, { userId, sessionId, generation: 1 }), sessionId };
      },
      async refresh(refreshToken) {
        const claims = verifyToken(app, refreshToken, 'refresh');
        const rotation = await rotateUserSession(app.db, {
          id: claims.sid,
          generation: claims.gen ?? 0,
          expiresAt: refreshExpiry(app.config),
        });
        if (rotation.outcome === 'reused') {
          app.log.warn({ userId: rotation.userId }, 'a refresh token was used twice: its session is revoked');
          await announce({ userId: rotation.userId, sessionId: claims.sid });
          throw new UnauthenticatedError('this refresh token was already used; the session has ended');
        }
        if (rotation.outcome === 'refused' || rotation.userId !== claims.sub)
          throw new UnauthenticatedError('the session has ended');
        cache.delete(claims.sid);
        const identity = await this.identity(claims.sid);
        if (!identity) throw new UnauthenticatedError('the account is not active');
        const next = { userId: claims.sub, sessionId: claims.sid, generation: rotation.generation };
        return { ...issueTokens(app, next), identity };
      },
      async identity(sessionId) {
        if (!hearing()) return findSessionIdentity(app.db, sessionId);
        const cached = cache.get(sessionId);
        if (cached) return cached.identity;
        const identity = await findSessionIdentity(app.db, sessionId);
        // Not kept when the subscription dropped while it was read: a revocation may have gone unheard.
        if (hearing()) cache.set(sessionId, { identity });
        return identity;
      },
      async end(sessionId, reason) {
        const userId = await revokeUserSession(app.db, sessionId, reason);
        if (userId !== null) await announce({ userId, sessionId });
      },
      async endAll(userId, reason) {
        await revokeUserSessions(app.db, userId, reason);
        await announce({ userId });
      },
      announce,
      onRevoked(listener) {
        listeners.push(listener);
      },
      following: () => subscription,
    } satisfies Sessions);
  },
  { name: 'urbangrid-sessions', dependencies: ['urbangrid-infrastructure', 'urbangrid-tokens'] },
);
