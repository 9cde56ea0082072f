/**
 * `npm run test:cluster`'s own Redis Cluster: three masters with a replica each, as a deployment
 * runs it, started for the run (`startLocalCluster`), handed to the test fixtures as
 * TEST_REDIS_CLUSTER_NODES, stopped after. (The failover test kills a master of a cluster of its own.)
 */
import { startLocalCluster } from '@urbangrid/redis/test-support';

export default async function setup(): Promise<() => Promise<void>> {
  const cluster = await startLocalCluster({ replicas: 1 });
  // Read by test/support/environment.ts in every test worker (they start after this setup).
  process.env.TEST_REDIS_CLUSTER_NODES = cluster.nodeList;
  process.stdout.write(`Redis Cluster of 3 masters and 3 replicas on ${cluster.nodeList}\n`);
  return async () => {
    await cluster.stop();
  };
}
