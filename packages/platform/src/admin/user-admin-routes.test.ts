import { randomUUID } from 'node:crypto';
import { adminAuditLog } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import type { App } from '../app.js';
import { bearer, buildTestApp, expectProblem, loginAs, signInFirstTime } from '../test-support/index.js';

const goodPassword = 'violet tundra lantern 42';
/** The password a new account chooses at its first login. */
const ownPassword = 'harbour quince signal 58';
const me = (app: App, token: string) => app.inject({ url: '/api/auth/me', headers: bearer(token) });

describe('people administration', () => {
  // Two processes with sessions cached for an hour: only the announcement ends them elsewhere.
  let app: App;
  let other: App;
  let admin: Record<string, string>;
  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis }, { sessions: { cacheTtlMs: 3_600_000 } });
    other = await buildTestApp({ database, redis }, { sessions: { cacheTtlMs: 3_600_000 } });
    await Promise.all([app.ready(), other.ready()]);
    await Promise.all([app.sessions.following(), other.sessions.following()]);
    admin = bearer((await loginAs(app, 'admin')).token);
  });
  redisTest.afterAll(async () => {
    await Promise.all([app?.close(), other?.close()]);
  });

  const create = (body: Record<string, unknown>, headers = admin) =>
    app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: body });
  const newUser = async (roles = ['dispatcher'], extra: Record<string, unknown> = {}) => {
    const username = `staff-${randomUUID().slice(0, 8)}`;
    const response = await create({
      username,
      displayName: '新同事',
      roles,
      city: '1501',
      password: goodPassword,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    await signInFirstTime(app, username, goodPassword, ownPassword);
    return username;
  };

  redisTest(
    'an admin creates an account in their city, which must change its password first',
    async ({ database }) => {
      const username = `staff-${randomUUID().slice(0, 8)}`;
      const body = {
        username,
        displayName: '王芳',
        roles: ['supervisor'],
        city: '1501',
        districtCode: '150102',
        password: goodPassword,
      };
      const created = await create(body);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        username,
        roles: ['supervisor'],
        city: '1501',
        districtCode: '150102',
        active: true,
        mustChangePassword: true,
      });
      // The admin knows the first password: nothing but the change is open with it.
      const first = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: goodPassword },
      });
      expect(first.json().user.mustChangePassword).toBe(true);
      const forced = bearer(first.json().token);
      expectProblem(
        await app.inject({ url: '/api/cases', headers: forced }),
        403,
        'PASSWORD_CHANGE_REQUIRED',
      );
      expectProblem(await me(app, first.json().token), 403, 'PASSWORD_CHANGE_REQUIRED');
      const session = await signInFirstTime(app, username, goodPassword, ownPassword);
      expect((await me(app, session.token)).json()).toMatchObject({
        areaCode: '150102',
        roles: ['supervisor'],
      });
      // Audited, without the password.
      const [entry] = await database.db
        .select()
        .from(adminAuditLog)
        .where(eq(adminAuditLog.entityKey, username));
      expect(entry).toMatchObject({ entity: 'user', action: 'create', actorUsername: 'admin' });
      expect(JSON.stringify(entry)).not.toContain(goodPassword);

      expectProblem(await create(body), 409, 'CONFLICT');
    },
  );

  redisTest('a weak password, a foreign district or city, and a non-admin are refused', async () => {
    const base = {
      username: `staff-${randomUUID().slice(0, 8)}`,
      displayName: '李',
      roles: ['dispatcher'],
      city: '1501',
    };
    for (const password of ['short1!', 'password1234', `${base.username}2026`]) {
      const weak = expectProblem(await create({ ...base, password }), 400, 'VALIDATION_FAILED');
      expect(weak.errors).toEqual([expect.objectContaining({ in: 'body', path: 'password' })]);
    }
    const district = await create({ ...base, password: goodPassword, districtCode: '150202' });
    expect(expectProblem(district, 400, 'VALIDATION_FAILED').detail).toMatch(/not a district of city 1501/);
    // The demo admin administers city 1501.
    expectProblem(await create({ ...base, city: '1502', password: goodPassword }), 403, 'FORBIDDEN');
    expectProblem(
      await create({ ...base, roles: ['region_supervisor'], password: goodPassword }),
      403,
      'FORBIDDEN',
    );
    const dispatcher = bearer((await loginAs(app, 'dispatcher1')).token);
    expectProblem(await create({ ...base, password: goodPassword }, dispatcher), 403, 'FORBIDDEN');
  });

  redisTest(
    'deactivating ends every token and live socket of the account at once, in every process',
    async () => {
      const username = await newUser();
      const first = await loginAs(app, username, ownPassword);
      const second = await loginAs(other, username, ownPassword);
      expect((await me(other, first.token)).statusCode).toBe(200);
      const socket = await other.injectWS(`/api/live?token=${encodeURIComponent(second.token)}`);
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));

      const response = await app.inject({
        method: 'POST',
        url: `/api/admin/users/${username}/deactivate`,
        headers: admin,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ username, active: false });

      expect(await closed).toBe(4401);
      for (const target of [app, other]) {
        for (const token of [first.token, second.token])
          expectProblem(await me(target, token), 401, 'UNAUTHENTICATED');
      }
      const refresh = await other.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: second.refreshToken },
      });
      expectProblem(refresh, 401, 'UNAUTHENTICATED');
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: ownPassword },
      });
      expectProblem(login, 401, 'UNAUTHENTICATED');

      expectProblem(
        await app.inject({ method: 'POST', url: '/api/admin/users/nobody-here/deactivate', headers: admin }),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await app.inject({ method: 'POST', url: '/api/admin/users/admin/deactivate', headers: admin }),
        409,
        'CONFLICT',
      );
    },
  );

  redisTest('a change of roles ends the sessions; the next login carries the new roles', async () => {
    const username = await newUser(['dispatcher']);
    const before = await loginAs(app, username, ownPassword);
    expect((await me(other, before.token)).statusCode).toBe(200);
    const changed = await app.inject({
      method: 'PUT',
      url: `/api/admin/users/${username}/roles`,
      headers: admin,
      payload: { roles: ['shift_lead'] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await expect.poll(async () => (await me(other, before.token)).statusCode).toBe(401);
    const after = await loginAs(app, username, ownPassword);
    expect((await me(other, after.token)).json()).toMatchObject({ roles: ['shift_lead'] });
  });

  redisTest('a reset password must be changed before anything else', async () => {
    const username = await newUser(['dispatcher']);
    const old = await loginAs(app, username, ownPassword);
    const reset = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${username}/password`,
      headers: admin,
      payload: { password: 'amber orchard pilot 7' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ mustChangePassword: true });
    expectProblem(await me(app, old.token), 401, 'UNAUTHENTICATED');

    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'amber orchard pilot 7' },
    });
    expect(login.json().user.mustChangePassword).toBe(true);
    const forced = bearer(login.json().token);
    expectProblem(await app.inject({ url: '/api/cases', headers: forced }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectProblem(
      await app.inject({ url: '/api/auth/me', headers: forced }),
      403,
      'PASSWORD_CHANGE_REQUIRED',
    );

    const change = (currentPassword: string, newPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: forced,
        payload: { currentPassword, newPassword },
      });
    expectProblem(await change('wrong one', 'quiet meadow falcon 19'), 400, 'VALIDATION_FAILED');
    expectProblem(await change('amber orchard pilot 7', 'password12345'), 400, 'VALIDATION_FAILED');
    const changed = await change('amber orchard pilot 7', 'quiet meadow falcon 19');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    // The forced session ended; the new one works everywhere.
    expectProblem(await app.inject({ url: '/api/cases', headers: forced }), 401, 'UNAUTHENTICATED');
    expect(
      (await other.inject({ url: '/api/cases', headers: bearer(changed.json().token) })).statusCode,
    ).toBe(200);
  });
});
