import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { redisTest } from './fixtures.js';

describe('test fixtures', () => {
  redisTest('give the file a migrated database of its own', async ({ database }) => {
    const result = await database.db.execute(sql`select current_database() as name`);
    expect(result.rows[0]?.name).toBe(database.name);
    const tables = await database.db.execute(
      sql`select count(*)::int as n from information_schema.tables where table_name = 'cases'`,
    );
    expect(tables.rows[0]?.n).toBe(1);
  });

  redisTest('give the file a Redis prefix of its own', async ({ redis }) => {
    await redis.client.set(`${redis.prefix}:probe`, '1');
    expect(await redis.client.get(`${redis.prefix}:probe`)).toBe('1');
    // On a cluster (npm run test:cluster) the prefix is a hash tag: `{ugtest:…}`.
    expect(redis.prefix).toMatch(redis.target.kind === 'cluster' ? /^\{ugtest:[^}]+\}$/ : /^ugtest:/);
  });
});
