import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clusterNodesSchema,
  connectRedis,
  deleteKeysWithPrefix,
  describeRedisTarget,
  hashTaggedPrefix,
  isCluster,
  keyHolders,
  keyPrefixFor,
  publish,
  type RedisClient,
  redisTarget,
} from './redis-connection.js';
import { type LocalCluster, startLocalCluster } from './test-support/local-cluster.js';

describe('configuration', () => {
  it('parses REDIS_CLUSTER_NODES as host:port entries', () => {
    expect(clusterNodesSchema.parse(' 10.0.0.1:7000, redis-b:7001 ,')).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 7001 },
    ]);
    for (const bad of ['', 'redis-a', 'redis-a:0', 'redis-a:70000', 'redis://a:7000']) {
      expect(clusterNodesSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('names the cluster when nodes are given, else the server', () => {
    const nodes = [{ host: 'a', port: 7000 }];
    expect(redisTarget({ url: 'redis://x:6379', clusterNodes: nodes })).toEqual({ kind: 'cluster', nodes });
    expect(redisTarget({ url: 'redis://x:6379' })).toEqual({ kind: 'server', url: 'redis://x:6379' });
    expect(describeRedisTarget({ kind: 'server', url: 'redis://u:secret@x:6379' })).toBe(
      'redis://u:***@x:6379',
    );
    expect(describeRedisTarget({ kind: 'cluster', nodes })).toBe('cluster a:7000');
  });

  it('hash-tags a key prefix on a cluster only, and only once', () => {
    const cluster = { kind: 'cluster', nodes: [{ host: 'a', port: 7000 }] } as const;
    expect(hashTaggedPrefix('urbangrid')).toBe('{urbangrid}');
    expect(hashTaggedPrefix('{urbangrid}')).toBe('{urbangrid}');
    expect(hashTaggedPrefix('{ugtest:1}:engine-a')).toBe('{ugtest:1}:engine-a');
    expect(keyPrefixFor(cluster, 'urbangrid')).toBe('{urbangrid}');
    expect(keyPrefixFor({ kind: 'server', url: 'redis://x' }, 'urbangrid')).toBe('urbangrid');
  });
});

describe('on a three-node Redis Cluster', () => {
  let cluster: LocalCluster;
  let client: RedisClient;

  beforeAll(async () => {
    cluster = await startLocalCluster();
    client = connectRedis(cluster.target, { maxRetriesPerRequest: null });
  }, 60_000);

  afterAll(async () => {
    client?.disconnect();
    await cluster?.stop();
  });

  /** The port of the master that holds `key`: the one whose own SCAN finds it (SCAN never redirects). */
  async function holderOf(key: string): Promise<number> {
    const holders: number[] = [];
    for (const node of keyHolders(client)) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', key, 'COUNT', 1000);
        cursor = next;
        if (keys.includes(key)) holders.push(Number(node.options.port));
      } while (cursor !== '0');
    }
    if (holders.length !== 1) throw new Error(`${holders.length} nodes hold ${key}`);
    return holders[0] as number;
  }

  it('is a cluster of three masters', async () => {
    expect(isCluster(client)).toBe(true);
    await client.ping();
    expect(keyHolders(client)).toHaveLength(3);
  });

  it('keeps all keys of one tagged prefix on one node and spreads prefixes over the nodes', async () => {
    const prefixes = Array.from({ length: 12 }, (_, i) => hashTaggedPrefix(`spread-${i}`));
    const holders = new Map<string, Set<number>>();
    for (const prefix of prefixes) {
      const ports = new Set<number>();
      for (const suffix of ['a', 'b:wait', 'c:1', 'd:events']) {
        const key = `${prefix}:${suffix}`;
        await client.set(key, '1');
        ports.add(await holderOf(key));
      }
      holders.set(prefix, ports);
    }
    // Several keys of one prefix answer a multi-key command (they share a slot) …
    expect(await client.mget(`${prefixes[0]}:a`, `${prefixes[0]}:c:1`)).toEqual(['1', '1']);
    for (const ports of holders.values()) expect(ports.size).toBe(1);
    // … and twelve prefixes land on more than one of the three nodes.
    const used = new Set([...holders.values()].flatMap((ports) => [...ports]));
    expect(used.size).toBeGreaterThan(1);
    let deleted = 0;
    for (const prefix of prefixes) deleted += await deleteKeysWithPrefix(client, prefix);
    expect(deleted).toBe(prefixes.length * 4);
  });

  it('deletes a prefix’s keys on every node, leaving other prefixes alone', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `untagged-${i}`);
    for (const key of keys) await client.set(key, '1');
    await client.set('other-key', '1');
    const ports = new Set(await Promise.all(keys.map(holderOf)));
    expect(ports.size).toBeGreaterThan(1);
    expect(await deleteKeysWithPrefix(client, 'untagged-')).toBe(keys.length);
    expect(await client.exists(...keys.slice(0, 1))).toBe(0);
    expect(await client.get('other-key')).toBe('1');
    await client.del('other-key');
  });

  it('delivers what any node publishes to a cluster subscriber (the live channel)', async () => {
    const subscriber = connectRedis(cluster.target);
    const publishers = cluster.nodes.map((node) =>
      connectRedis({ kind: 'server', url: `redis://${node.host}:${node.port}` }),
    );
    try {
      const received: string[] = [];
      const allThree = new Promise<void>((resolve) => {
        subscriber.on('message', (_channel: string, message: string) => {
          received.push(message);
          if (received.length === publishers.length) resolve();
        });
      });
      await subscriber.subscribe('{urbangrid}:live');
      // Whichever node the subscriber sits on, two of the three publishers sit elsewhere.
      for (const [i, publisher] of publishers.entries())
        await publisher.publish('{urbangrid}:live', `from-${i}`);
      await allThree;
      expect(received.sort()).toEqual(['from-0', 'from-1', 'from-2']);
    } finally {
      subscriber.disconnect();
      for (const publisher of publishers) publisher.disconnect();
    }
  });

  it('keeps one publisher’s messages in order through the cluster', async () => {
    const subscriber = connectRedis(cluster.target);
    try {
      const received: string[] = [];
      const sent = Array.from({ length: 200 }, (_, i) => `change-${i}`);
      const all = new Promise<void>((resolve) => {
        subscriber.on('message', (_channel: string, message: string) => {
          received.push(message);
          if (received.length === sent.length) resolve();
        });
      });
      await subscriber.subscribe('{ordered}:live');
      // As the engine publishes: one message after the other, each awaited.
      for (const message of sent) await publish(client, '{ordered}:live', message);
      await all;
      expect(received).toEqual(sent);
    } finally {
      subscriber.disconnect();
    }
  });
});
