/**
 * API key administration through HTTP, with two API processes over one database: a key created on
 * one is shown once, stored only as its hash, works on the other and shows its last use there; a
 * revoked key is refused (401) by the other process from its very next request. Each key reports
 * at its own rate per minute, not a fixed ten.
 */
import { createEngineContext } from '@urbangrid/engine';
import { intakeService } from '@urbangrid/intake';
import type { App } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest as test } from '@urbangrid/test-support';
import { twoProcesses } from '@urbangrid/test-support/two-processes';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';

const processes = twoProcesses((_, { database }) => {
  const engine = createEngineContext({ db: database.db });
  return { live: false, services: [intakeService({ engine })] };
});
let first: App;
let second: App;
let admin: Record<string, string>;

interface KeyView {
  id: string;
  key?: string;
  name: string;
  rateLimitPerMinute: number;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const create = (payload: object, headers = admin) =>
  first.inject({ method: 'POST', url: '/api/admin/api-keys', headers, payload });

const listed = async (app: App, id: string) => {
  const response = await app.inject({ url: '/api/admin/api-keys', headers: admin });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: KeyView[] }>().items.find((key) => key.id === id);
};

const report = (app: App, key: string) =>
  app.inject({
    method: 'POST',
    url: '/api/intake/reports',
    headers: { 'x-api-key': key },
    payload: {
      source: 'video',
      categoryCode: 'C0101',
      description: '井盖缺失（视频识别）',
      location: { lat: 40.83, lng: 111.67 },
    },
  });

describe('API key administration', () => {
  test.beforeAll(async () => {
    ({ first, second } = processes);
    admin = bearer((await loginAs(first, 'admin')).token);
  });

  test('a key is shown once, stored hashed, works in another process, and is refused there once revoked', async ({
    database,
  }) => {
    const created = await create({
      name: '视频分析平台',
      source: 'video',
      scopes: ['report:create', 'report:read'],
      rateLimitPerMinute: 120,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key } = created.json<KeyView>();
    expect(key).toMatch(/^ugk_[A-Za-z0-9_-]{40,}$/);

    // Only its SHA-256 is stored; the list never shows the key again.
    const stored = await database.db.execute<{ key_hash: string }>(
      sql`select key_hash from api_keys where id = ${id}`,
    );
    expect(stored.rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(key);
    const before = await listed(second, id);
    expect(before).toMatchObject({
      name: '视频分析平台',
      rateLimitPerMinute: 120,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(before)).not.toContain(key);
    expect(before).not.toHaveProperty('key');

    const me = await second.inject({ url: '/api/auth/me', headers: { 'x-api-key': key ?? '' } });
    expect(me.statusCode, me.body).toBe(200);
    await expect.poll(async () => (await listed(first, id))?.lastUsedAt, { timeout: 5_000 }).not.toBeNull();

    const revoked = await first.inject({
      method: 'POST',
      url: `/api/admin/api-keys/${id}/revoke`,
      headers: admin,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<KeyView>().revokedAt).not.toBeNull();
    // The very next request in the other process: no waiting.
    expectProblem(
      await second.inject({ url: '/api/auth/me', headers: { 'x-api-key': key ?? '' } }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await report(second, key ?? ''), 401, 'UNAUTHENTICATED');
  });

  test('each key reports at its own rate per minute', async () => {
    const slow = (
      await create({ name: 'slow', source: 'video', scopes: ['report:create'], rateLimitPerMinute: 2 })
    ).json<KeyView>().key as string;
    const fast = (
      await create({ name: 'fast', source: 'video', scopes: ['report:create'], rateLimitPerMinute: 30 })
    ).json<KeyView>().key as string;
    // The counter is shared: the two processes together allow two.
    const slowAnswers = [
      (await report(first, slow)).statusCode,
      (await report(second, slow)).statusCode,
      (await report(first, slow)).statusCode,
    ];
    expect(slowAnswers).toEqual([201, 201, 429]);
    // Twelve reports in a minute: more than the fixed ten of before.
    const fastAnswers: number[] = [];
    for (let i = 0; i < 12; i++) fastAnswers.push((await report(i % 2 ? first : second, fast)).statusCode);
    expect(fastAnswers).toEqual(Array(12).fill(201));
  });

  test("an admin changes a key's rate: its next requests count against the new rate, in every process", async () => {
    const created = await create({
      name: '视频分析 高峰',
      source: 'video',
      scopes: ['report:create'],
      rateLimitPerMinute: 100,
    });
    const { id, key, version } = created.json<KeyView & { version: number }>();
    const spend = async (n: number) => {
      // Requests the limit counts (it counts before the body is checked): cheap 400s.
      for (let i = 0; i < n; i++) {
        const answer = await (i % 2 ? first : second).inject({
          method: 'POST',
          url: '/api/intake/reports',
          headers: { 'x-api-key': key ?? '' },
          payload: {},
        });
        expect(answer.statusCode).toBe(400);
      }
    };
    await spend(100);
    // The 101st in the minute is refused at 100 a minute…
    expectProblem(await report(second, key ?? ''), 429, 'RATE_LIMITED');

    const patch = (payload: object, ifMatch?: string, app = first) =>
      app.inject({
        method: 'PATCH',
        url: `/api/admin/api-keys/${id}`,
        headers: { ...admin, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
        payload,
      });
    const raised = await patch({ rateLimitPerMinute: 150 }, `"${version}"`);
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({ rateLimitPerMinute: 150, version: version + 1 });
    expect(raised.headers.etag).toBe(`"${version + 1}"`);
    // …and allowed at 150, at once and in the other process, no restart.
    expect((await report(second, key ?? '')).statusCode).toBe(201);
    expect((await listed(second, id))?.rateLimitPerMinute).toBe(150);

    // An edit made on what another admin changed since is refused; bad rates are 400.
    expectProblem(await patch({ rateLimitPerMinute: 10 }, `"${version}"`, second), 409, 'VERSION_CONFLICT');
    expectProblem(await patch({ rateLimitPerMinute: 0 }), 400, 'VALIDATION_FAILED');
    expectProblem(await patch({ rateLimitPerMinute: 2.5 }), 400, 'VALIDATION_FAILED');
    const lowered = await patch({ rateLimitPerMinute: 50 }, `"${version + 1}"`, second);
    expect(lowered.statusCode, lowered.body).toBe(200);
    expectProblem(await report(first, key ?? ''), 429, 'RATE_LIMITED');

    const log = await first.inject({ url: '/api/admin/audit?entity=api_key&pageSize=200', headers: admin });
    const updates = log
      .json<{ items: Array<{ entityKey: string; action: string; before: unknown; after: unknown }> }>()
      .items.filter((entry) => entry.entityKey === id && entry.action === 'update');
    expect(updates).toHaveLength(2);
    expect(updates).toContainEqual(
      expect.objectContaining({
        before: expect.objectContaining({ rateLimitPerMinute: 100 }),
        after: expect.objectContaining({ rateLimitPerMinute: 150 }),
      }),
    );
    expectProblem(
      await first.inject({
        method: 'PATCH',
        url: '/api/admin/api-keys/nope',
        headers: admin,
        payload: { rateLimitPerMinute: 10 },
      }),
      404,
      'NOT_FOUND',
    );
  });

  test('two admins revoking one key: one succeeds, the other gets 409; both changes audited once', async () => {
    const { id } = (
      await create({
        name: 'to revoke',
        source: 'hotline',
        scopes: ['report:create'],
        rateLimitPerMinute: 10,
      })
    ).json<KeyView>();
    const revoke = (app: App) =>
      app.inject({ method: 'POST', url: `/api/admin/api-keys/${id}/revoke`, headers: admin });
    const answers = (await Promise.all([revoke(first), revoke(second)])).map((r) => r.statusCode).sort();
    expect(answers).toEqual([200, 409]);

    const log = await first.inject({ url: '/api/admin/audit?entity=api_key&pageSize=200', headers: admin });
    const entries = log
      .json<{
        items: Array<{ entityKey: string; action: string; actor: string; before: unknown; after: unknown }>;
      }>()
      .items.filter((entry) => entry.entityKey === id);
    expect(entries.map((entry) => entry.action).sort()).toEqual(['create', 'revoke']);
    expect(entries.find((entry) => entry.action === 'revoke')).toMatchObject({
      actor: 'admin',
      before: { name: 'to revoke', revokedAt: null },
      after: { name: 'to revoke', revokedAt: expect.any(String) },
    });
    expect(JSON.stringify(entries)).not.toMatch(/key_?hash|ugk_/i);
  });

  test('bad input answers 400 problem+json; another city or role is refused', async () => {
    const good = { name: 'k', source: 'video', scopes: ['report:create'], rateLimitPerMinute: 10 };
    for (const bad of [
      { ...good, scopes: ['admin'] },
      { ...good, scopes: [] },
      { ...good, rateLimitPerMinute: 0 },
      { ...good, rateLimitPerMinute: 1.5 },
      { ...good, source: 'officer' },
      { ...good, name: '' },
      { ...good, city: 'x' },
    ]) {
      expectProblem(await create(bad), 400, 'VALIDATION_FAILED');
    }
    expectProblem(await create({ ...good, city: '1502' }), 403, 'FORBIDDEN');
    const dispatcher = bearer((await loginAs(first, 'dispatcher1')).token);
    expectProblem(await create(good, dispatcher), 403, 'FORBIDDEN');
    expectProblem(
      await first.inject({ method: 'POST', url: '/api/admin/api-keys/nope/revoke', headers: admin }),
      404,
      'NOT_FOUND',
    );

    // A region admin names the city; Hohhot's admin does not see Baotou's key.
    // region-admin is a demo user (seeds/demo-region).
    const region = bearer((await loginAs(first, 'region-admin')).token);
    expectProblem(await create(good, region), 400, 'VALIDATION_FAILED');
    const baotou = await create({ ...good, city: '1502', name: '包头视频' }, region);
    expect(baotou.statusCode, baotou.body).toBe(201);
    expect(await listed(first, baotou.json<KeyView>().id)).toBeUndefined();
    expectProblem(
      await first.inject({
        method: 'POST',
        url: `/api/admin/api-keys/${baotou.json<KeyView>().id}/revoke`,
        headers: admin,
      }),
      403,
      'FORBIDDEN',
    );
  });
});
