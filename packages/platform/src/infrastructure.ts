/**
 * The shared infrastructure every service reads from its fastify instance: `app.db`, `app.redis`,
 * `app.config`. Wrapped with fastify-plugin so the decorators reach every encapsulated service.
 */
import type { Db } from '@urbangrid/db';
import type { RedisClient } from '@urbangrid/redis';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from './config.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /**
     * What the supervision reports, ledger exports and the region platform read: the replica
     * (DATABASE_REPLICA_URL) while it answers, else `db`. Commands never use it.
     */
    reportsDb: Db;
    redis: RedisClient;
    config: Config;
  }
}

export interface Infrastructure {
  config: Config;
  db: Db;
  /** Where the reports read now (replica-reads.ts); default `db`. */
  reportsDb?: () => Db;
  redis: RedisClient;
}

export const infrastructure = fp(
  async (app: FastifyInstance, options: Infrastructure) => {
    app.decorate('config', options.config);
    app.decorate('db', options.db);
    const reportsDb = options.reportsDb ?? (() => options.db);
    app.decorate('reportsDb', { getter: reportsDb });
    app.decorate<RedisClient>('redis', options.redis);
  },
  { name: 'urbangrid-infrastructure' },
);
