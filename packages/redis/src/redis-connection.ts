/**
 * The one place that turns configuration into Redis connections: a single server (REDIS_URL) or a
 * Redis Cluster (REDIS_CLUSTER_NODES, an ioredis `Cluster`). Every process, worker, live hub and
 * test connects through `connectRedis`, so none of them knows which of the two it talks to.
 */
import { Cluster, Redis } from 'ioredis';
import { z } from 'zod';

export interface RedisNode {
  readonly host: string;
  readonly port: number;
}

/** Where Redis is: one server by URL, or the seed nodes of a cluster (any of them; the rest is discovered). */
export type RedisTarget =
  | { readonly kind: 'server'; readonly url: string }
  | { readonly kind: 'cluster'; readonly nodes: readonly RedisNode[] };

/** A connection to either: both run the same commands, publish and subscribe. */
export type RedisClient = Redis | Cluster;

const nodeSchema = z
  .string()
  .trim()
  .regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port')
  .transform((entry): RedisNode => {
    const at = entry.lastIndexOf(':');
    return { host: entry.slice(0, at), port: Number(entry.slice(at + 1)) };
  })
  .refine((node) => node.port >= 1 && node.port <= 65535, 'port out of range');

/** REDIS_CLUSTER_NODES: a comma list of host:port, at least one. */
export const clusterNodesSchema = z
  .string()
  .transform((list) =>
    list
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .pipe(z.array(nodeSchema).min(1, 'expected at least one host:port'));

/** The target a configuration names: the cluster when its nodes are given, else the server's URL. */
export function redisTarget(options: { url: string; clusterNodes?: readonly RedisNode[] }): RedisTarget {
  if (options.clusterNodes !== undefined && options.clusterNodes.length > 0) {
    return { kind: 'cluster', nodes: options.clusterNodes };
  }
  return { kind: 'server', url: options.url };
}

/** For logs and error lines: the URL without its password, or the cluster's seed nodes. */
export function describeRedisTarget(target: RedisTarget): string {
  if (target.kind === 'server') return target.url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  return `cluster ${target.nodes.map((node) => `${node.host}:${node.port}`).join(',')}`;
}

const hashTag = /\{[^}]+\}/;

/**
 * A key prefix with a Redis Cluster hash tag: unchanged when it already carries one, else wrapped
 * (`urbangrid` → `{urbangrid}`). Redis hashes only the first `{…}` of a key, so every key under a
 * tagged prefix — all of a prefix's queues (BullMQ's scripts touch many keys of one queue at a
 * time), its rate-limit counters — lands on one slot. The queue names' own tag (`{urbangrid}.task`)
 * already keeps each queue on one slot; the prefix's tag puts each prefix (a deployment, a test
 * file) on a slot of its own, so prefixes sharing a cluster spread over its nodes.
 */
export function hashTaggedPrefix(prefix: string): string {
  return hashTag.test(prefix) ? prefix : `{${prefix}}`;
}

/** The key prefix to use on `target`: hash-tagged on a cluster, as given on a single server. */
export function keyPrefixFor(target: RedisTarget, prefix: string): string {
  return target.kind === 'cluster' ? hashTaggedPrefix(prefix) : prefix;
}

export interface RedisConnectOptions {
  /**
   * How often a command is retried while Redis is away before it fails; `null` waits for ever,
   * which BullMQ requires of its workers' connections. Default: ioredis' (20).
   */
  maxRetriesPerRequest?: number | null;
  /** Connect on the first command (or `connect()`) instead of at once. */
  lazyConnect?: boolean;
  /** false: give up after the first failed attempt (a probe); default true: reconnect for ever. */
  reconnect?: boolean;
}

/** A new connection to `target`. The caller owns it (`quit()` or `disconnect()` when done). */
export function connectRedis(target: RedisTarget, options: RedisConnectOptions = {}): RedisClient {
  const common = {
    ...(options.maxRetriesPerRequest !== undefined && { maxRetriesPerRequest: options.maxRetriesPerRequest }),
    ...(options.lazyConnect !== undefined && { lazyConnect: options.lazyConnect }),
  };
  const noRetry = () => null;
  if (target.kind === 'server') {
    return new Redis(target.url, {
      ...common,
      ...(options.reconnect === false && { retryStrategy: noRetry }),
    });
  }
  return new Cluster(
    target.nodes.map((node) => ({ host: node.host, port: node.port })),
    {
      lazyConnect: options.lazyConnect,
      redisOptions: common,
      ...(options.reconnect === false && { clusterRetryStrategy: noRetry }),
    },
  );
}

// PUBLISH from a script whose one key is the channel: a cluster routes it by that key.
const publishOnChannelSlot = "return redis.call('PUBLISH', KEYS[1], ARGV[1])";

/**
 * PUBLISH that keeps one publisher's messages in order, on a cluster too. A cluster delivers a
 * message published on any node to every subscriber, but ioredis sends a keyless PUBLISH to any
 * node it likes, so two messages sent one after the other could travel different ways through
 * the cluster bus and overtake each other. Here every message of a channel goes through the one
 * node that owns the channel's slot (as a script whose key is the channel), so they arrive in the
 * order sent, as on one server. Returns how many subscribers that node reached directly.
 */
export async function publish(client: RedisClient, channel: string, message: string): Promise<number> {
  if (!isCluster(client)) return client.publish(channel, message);
  return Number(await client.eval(publishOnChannelSlot, 1, channel, message));
}

/** Whether `client` talks to a cluster (its masters hold the keys, each a share of the slots). */
export function isCluster(client: RedisClient): client is Cluster {
  return client instanceof Cluster;
}

/**
 * The connections that hold keys: a cluster's masters, or the one server. SCAN and FLUSH-like
 * maintenance run on each of them, since a cluster's SCAN sees one node only.
 */
export function keyHolders(client: RedisClient): Redis[] {
  return isCluster(client) ? client.nodes('master') : [client];
}

/** Deletes every key starting with `prefix` (tests and benches cleaning up after themselves). */
export async function deleteKeysWithPrefix(client: RedisClient, prefix: string): Promise<number> {
  let deleted = 0;
  for (const node of keyHolders(client)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length === 0) continue;
      // One DEL per key, sent to the node that holds it: keys of one node may sit in different slots.
      const pipeline = node.pipeline();
      for (const key of keys) pipeline.del(key);
      for (const [error, count] of (await pipeline.exec()) ?? []) {
        if (error) throw error;
        deleted += Number(count);
      }
    } while (cursor !== '0');
  }
  return deleted;
}
