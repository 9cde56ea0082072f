import { isCluster, keyHolders } from '@urbangrid/redis';
import { redisTest as test } from '@urbangrid/test-support';
import { describe, expect, vi } from 'vitest';

/** The rest of the run proves nothing about a cluster unless the fixtures really are on one. */
describe('the test fixtures under npm run test:cluster', () => {
  test('hand out a cluster connection of three masters (each with a replica) and a hash-tagged prefix', async ({
    redis,
  }) => {
    expect(redis.target.kind).toBe('cluster');
    expect(isCluster(redis.client)).toBe(true);
    expect((await redis.client.cluster('INFO')) as string).toContain('cluster_state:ok');
    // Until the client has read the slot map every seed node counts as a master, and on a busy
    // machine the map can arrive after the first command's answer.
    await vi.waitFor(() => expect(keyHolders(redis.client)).toHaveLength(3), { timeout: 10_000 });
    expect(((await redis.client.cluster('NODES')) as string).match(/\bslave\b/g)).toHaveLength(3);
    expect(redis.prefix).toMatch(/^\{ugtest:[^}]+\}$/);
  });
});
