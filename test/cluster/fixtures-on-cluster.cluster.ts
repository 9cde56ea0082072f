import { isCluster, keyHolders } from '@urbangrid/redis';
import { redisTest as test } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';

/** The rest of the run proves nothing about a cluster unless the fixtures really are on one. */
describe('the test fixtures under npm run test:cluster', () => {
  test('hand out a cluster connection of three masters (each with a replica) and a hash-tagged prefix', async ({
    redis,
  }) => {
    expect(redis.target.kind).toBe('cluster');
    expect(isCluster(redis.client)).toBe(true);
    // The first command waits for the client's slot map; until then every seed node counts as a master.
    expect((await redis.client.cluster('INFO')) as string).toContain('cluster_state:ok');
    expect(keyHolders(redis.client)).toHaveLength(3);
    expect(((await redis.client.cluster('NODES')) as string).match(/\bslave\b/g)).toHaveLength(3);
    expect(redis.prefix).toMatch(/^\{ugtest:[^}]+\}$/);
  });
});
