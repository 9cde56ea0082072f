import { randomUUID } from 'node:crypto';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { bearer, buildTestApp, expectProblem } from '../test-support/index.js';
import { createFirstAdmin, FirstAdminError } from './first-admin.js';

describe('the first admin (npm run admin:create)', () => {
  redisTest(
    'gets a one-time password that must be changed before anything else',
    async ({ database, redis }) => {
      const app = await buildTestApp({ database, redis });
      try {
        const username = `root-${randomUUID().slice(0, 6)}`;
        const { account, password } = await createFirstAdmin(database.db, {
          username,
          displayName: '管理员',
          city: null,
        });
        expect(account).toMatchObject({ roles: ['admin'], city: null, mustChangePassword: true });
        expect(password.length).toBeGreaterThanOrEqual(20);
        await expect(
          createFirstAdmin(database.db, { username, displayName: 'x', city: null }),
        ).rejects.toThrow(FirstAdminError);

        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password },
        });
        expect(login.statusCode, login.body).toBe(200);
        expect(login.json().user.mustChangePassword).toBe(true);
        const first = bearer(login.json().token);
        expectProblem(
          await app.inject({ url: '/api/admin/audit', headers: first }),
          403,
          'PASSWORD_CHANGE_REQUIRED',
        );

        const changed = await app.inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: first,
          payload: { currentPassword: password, newPassword: 'granite willow signal 88' },
        });
        expect(changed.statusCode, changed.body).toBe(200);
        const audit = await app.inject({ url: '/api/admin/audit', headers: bearer(changed.json().token) });
        expect(audit.statusCode, audit.body).toBe(200);
      } finally {
        await app.close();
      }
    },
  );
});
