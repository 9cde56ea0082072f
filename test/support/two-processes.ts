/**
 * Two API processes over one test file's database and Redis prefix, as the admin tests need them:
 * a change made through one must reach the other by its announcement on the live channel, never by
 * a shared memory. Started before the file's tests (before its own beforeAll hooks) and closed after
 * them.
 */
import type { App } from '@urbangrid/platform';
import { buildTestApp } from '@urbangrid/platform/test-support';
import { redisTest, type TestDatabase, type TestRedis } from './fixtures.js';

type BuildOptions = NonNullable<Parameters<typeof buildTestApp>[1]>;

export interface TwoProcesses {
  /** The process a test changes things through. */
  readonly first: App;
  /** The process that must follow. */
  readonly second: App;
}

/**
 * Registers the file's two processes; `options` builds each one's options (its index 0 or 1, the
 * file's database and Redis: a service with an engine of its own, a logger, `live: false` …).
 * Read `first` and `second` from a hook or a test, once they started.
 */
export function twoProcesses(
  options: (index: number, infra: { database: TestDatabase; redis: TestRedis }) => BuildOptions = () => ({}),
): TwoProcesses {
  const apps: App[] = [];
  redisTest.beforeAll(async ({ database, redis }) => {
    for (const index of [0, 1]) {
      const app = await buildTestApp({ database, redis }, options(index, { database, redis }));
      apps.push(app);
      await app.ready();
    }
  });
  redisTest.afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });
  const started = (index: number): App => {
    const app = apps[index];
    if (app === undefined) throw new Error('the two processes start in the file’s first beforeAll');
    return app;
  };
  return {
    get first() {
      return started(0);
    },
    get second() {
      return started(1);
    },
  };
}
