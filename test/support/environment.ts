import { clusterNodesSchema, type RedisTarget, redisTarget } from '@urbangrid/redis';

/**
 * Where tests find the real servers (the machine's PostgreSQL and Redis by default).
 * TEST_REDIS_CLUSTER_NODES (host:port list, as REDIS_CLUSTER_NODES) puts them on a Redis Cluster
 * instead: `npm run test:cluster` starts one and sets it.
 */
const clusterNodes = process.env.TEST_REDIS_CLUSTER_NODES
  ? clusterNodesSchema.parse(process.env.TEST_REDIS_CLUSTER_NODES)
  : undefined;

export const testEnvironment: {
  adminUrl: string;
  redis: RedisTarget;
  demoPassword: string;
} = {
  adminUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redis: redisTarget({ url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', clusterNodes }),
  demoPassword: 'urbangrid',
};
