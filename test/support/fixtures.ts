import { randomBytes } from 'node:crypto';
import { cloneDatabase, createDatabase, type Database, dropDatabase } from '@urbangrid/db';
import {
  connectRedis,
  deleteKeysWithPrefix,
  keyPrefixFor,
  type RedisClient,
  type RedisTarget,
} from '@urbangrid/redis';
import { inject, test } from 'vitest';
import { testEnvironment } from './environment.js';

export interface TestDatabase extends Database {
  /** The app's URL: `db` and `pool` sign in as urbangrid_app, as the system does. */
  url: string;
  /** The owner's URL, for a test that plays the database's owner (or runs an operator's command). */
  ownerUrl: string;
  name: string;
}

export interface TestRedis {
  /** The server or cluster (TEST_REDIS_CLUSTER_NODES) the tests run on. */
  target: RedisTarget;
  /** A BullMQ prefix / key prefix of this test file alone (hash-tagged on a cluster). */
  prefix: string;
  client: RedisClient;
}

const unique = () => `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

/**
 * `dbTest` hands each test file its own database cloned from the migrated and seeded template,
 * connected as the app's role (which may not change or remove case events);
 * `redisTest` adds a Redis connection and a queue prefix of its own. Both are file-scoped: tests of
 * one file share them, files never do.
 */
export const dbTest = test.extend<{ $file: { database: TestDatabase } }>({
  database: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures take a destructured context
    async ({}, use) => {
      const name = `urbangrid_test_${unique()}`;
      const ownerUrl = await cloneDatabase(testEnvironment.adminUrl, inject('templateDatabase'), name);
      const url = testEnvironment.appUrl(ownerUrl);
      const database = createDatabase(url, { max: 10 });
      await use({ ...database, url, ownerUrl, name });
      await database.close();
      await dropDatabase(testEnvironment.adminUrl, name);
    },
    { scope: 'file' },
  ],
});

export const redisTest = dbTest.extend<{ $file: { redis: TestRedis } }>({
  redis: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures take a destructured context
    async ({}, use) => {
      const target = testEnvironment.redis;
      const prefix = keyPrefixFor(target, `ugtest:${unique()}`);
      const client = connectRedis(target, { maxRetriesPerRequest: null });
      await use({ target, prefix, client });
      // Leave nothing behind: every key this file made starts with its prefix (on every node).
      await deleteKeysWithPrefix(client, prefix);
      client.disconnect();
    },
    { scope: 'file' },
  ],
});
