/** Where tests find the real servers (the machine's PostgreSQL and Redis by default). */
export const testEnvironment = {
  adminUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  demoPassword: 'urbangrid',
};
