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
  /** The URL of a test database as the app signs in to it (urbangrid_app, as in production). */
  appUrl(ownerUrl: string): string;
} = {
  adminUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redis: redisTarget({ url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', clusterNodes }),
  demoPassword: 'urbangrid',
  appUrl(ownerUrl) {
    const url = new URL(ownerUrl);
    url.username = 'urbangrid_app';
    url.password = process.env.TEST_APP_DATABASE_PASSWORD ?? 'urbangrid-test-app';
    return url.toString();
  },
};
