/**
 * `npm run test:cluster`'s own Redis Cluster: three masters started for the run
 * (`startLocalCluster`), handed to the test fixtures as TEST_REDIS_CLUSTER_NODES, stopped after.
 */
import { startLocalCluster } from '@urbangrid/redis/test-support';

export default async function setup(): Promise<() => Promise<void>> {
  const cluster = await startLocalCluster();
  // Read by test/support/environment.ts in every test worker (they start after this setup).
  process.env.TEST_REDIS_CLUSTER_NODES = cluster.nodeList;
  process.stdout.write(`Redis Cluster of 3 masters on ${cluster.nodeList}\n`);
  return async () => {
    await cluster.stop();
  };
}
