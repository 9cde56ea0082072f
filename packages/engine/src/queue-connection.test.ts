import { connectRedis, keyHolders, keyPrefixFor, type RedisClient } from '@urbangrid/redis';
import { type LocalCluster, startLocalCluster } from '@urbangrid/redis/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueConnection } from './queue-connection.js';
import { createQueueWorker, createStageQueues } from './queues.js';

/** Ports of the masters whose own SCAN finds keys under `prefix` (SCAN never redirects). */
async function nodesHolding(client: RedisClient, prefix: string): Promise<Set<number>> {
  const ports = new Set<number>();
  for (const node of keyHolders(client)) {
    const [, keys] = await node.scan('0', 'MATCH', `${prefix}*`, 'COUNT', 10_000);
    if (keys.length > 0) ports.add(Number(node.options.port));
  }
  return ports;
}

describe('the stage queues on a three-node Redis Cluster', () => {
  let cluster: LocalCluster;
  let client: RedisClient;

  beforeAll(async () => {
    cluster = await startLocalCluster();
    client = connectRedis(cluster.target);
  }, 60_000);

  afterAll(async () => {
    client?.disconnect();
    await cluster?.stop();
  });

  it('round-trip a job through a worker, every key of a prefix on one node, prefixes on several', async () => {
    const queuesRedis = queueConnection(cluster.target, 'queues');
    const workersRedis = queueConnection(cluster.target, 'workers');
    // Six prefixes (as six test files or deployments would have) each enqueue one department notice. Fixed
    // names on a fresh cluster: where they hash is the same every run.
    const prefixes = Array.from({ length: 6 }, (_, i) => keyPrefixFor(cluster.target, `queues-${i}`));
    const done: string[] = [];
    const workers = prefixes.map((prefix) =>
      createQueueWorker(
        'notice',
        async (notice) => {
          done.push(`${prefix} ${notice.event}`);
          return 'delivered';
        },
        { connection: workersRedis.connection, prefix },
      ),
    );
    const queues = prefixes.map((prefix) =>
      createStageQueues({ connection: queuesRedis.connection, prefix }),
    );
    try {
      for (const [i, stage] of queues.entries()) {
        await stage.enqueue(
          'notice',
          'case.filed',
          {
            caseId: `case-${i}`,
            city: '1501',
            eventId: `event-${i}`,
            caseVersion: 1,
            audience: 'department',
            event: 'case.filed',
            departmentId: null,
          },
          { jobId: `notice-event-${i}` },
        );
      }
      const giveUpAt = Date.now() + 20_000;
      while (done.length < prefixes.length && Date.now() < giveUpAt) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(done.sort()).toEqual(prefixes.map((prefix) => `${prefix} case.filed`).sort());
      for (const [i, stage] of queues.entries()) {
        const job = await stage.get('notice').getJob(`notice-event-${i}`);
        expect(await job?.getState()).toBe('completed');
        expect(job?.returnvalue).toBe('delivered');
      }
      const holders = await Promise.all(prefixes.map((prefix) => nodesHolding(client, prefix)));
      for (const ports of holders) expect(ports.size).toBe(1);
      expect(new Set(holders.flatMap((ports) => [...ports])).size).toBeGreaterThan(1);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(queues.map((stage) => stage.close()));
      await queuesRedis.close();
      await workersRedis.close();
    }
  });
});
