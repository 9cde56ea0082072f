/**
 * What BullMQ's queues and workers get as `connection` for a Redis target (@urbangrid/redis).
 *
 * - One server: its URL; BullMQ opens (and closes) the connections it needs itself, and makes a
 *   worker's `maxRetriesPerRequest` null.
 * - A cluster: BullMQ cannot build an ioredis Cluster from options, so it gets one Cluster, shared
 *   by the queues; workers duplicate it for their blocking connections. Workers' connections must
 *   not give up on a command (`maxRetriesPerRequest: null`, BullMQ refuses anything else), queues'
 *   keep ioredis' default, as on one server. `close()` drops it once the queues or workers that use
 *   it are closed. Keys stay on one slot per queue: queue names carry `{urbangrid}` and, on a
 *   cluster, the prefix a hash tag of its own (`keyPrefixFor`).
 */
import { connectRedis, type RedisTarget } from '@urbangrid/redis';
import type { ConnectionOptions } from 'bullmq';

export interface QueueConnection {
  readonly connection: ConnectionOptions;
  /** Drops the shared cluster connection (nothing to do on one server). */
  close(): Promise<void>;
}

/**
 * How soon a lost connection tries again: 0.2 s, 0.4 s, … at most 2 s (ioredis' own pace). BullMQ's
 * default backs off to 20 s, so queues and workers resumed up to 20 s after Redis came back.
 */
export const reconnectDelayMs = (attempts: number): number => Math.min(attempts * 200, 2_000);

export function queueConnection(target: RedisTarget, use: 'queues' | 'workers'): QueueConnection {
  if (target.kind === 'server') {
    return { connection: { url: target.url, retryStrategy: reconnectDelayMs }, close: async () => undefined };
  }
  const cluster = connectRedis(target, use === 'workers' ? { maxRetriesPerRequest: null } : {});
  // Errors reach the queues' and workers' own 'error' listeners; this one keeps an unheard one quiet.
  cluster.on('error', () => undefined);
  return {
    connection: cluster,
    close: async () => {
      cluster.disconnect();
    },
  };
}
