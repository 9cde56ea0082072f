/**
 * People administration through HTTP, with two API processes over one database: an admin edits
 * an officer's display name and telephone (the officer's sessions stay), then their grids by
 * street (their sessions end in the other process at once: the jurisdiction they signed in with is
 * gone); a stale edit answers 409; a password reset forces a change at the next login; an account
 * deactivated and reactivated signs in again. The telephone is masked in the audit log and in no
 * log line of the process that took it.
 */
import { type App, createLogger } from '@urbangrid/platform';
import { bearer, captureLogLines, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest as test } from '@urbangrid/test-support';
import { twoProcesses } from '@urbangrid/test-support/two-processes';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';

const log = captureLogLines();
// The first process logs everything it does: no telephone may be in a line of it.
const processes = twoProcesses((index) =>
  index === 0
    ? {
        live: false,
        logger: createLogger({ LOG_LEVEL: 'trace' }, { service: 'app', destination: log.stream }),
      }
    : { live: false },
);
let first: App;
let second: App;
let admin: Record<string, string>;
const phone = '13987654321';

interface Profile {
  username: string;
  displayName: string;
  roles: string[];
  city: string;
  districtCode: string | null;
  departmentId: string | null;
  phone: string | null;
  grids: string[];
  version: number;
  active: boolean;
  mustChangePassword: boolean;
}

const me = (app: App, headers: Record<string, string>) => app.inject({ url: '/api/auth/me', headers });
const edit = (username: string, body: object, version: number) =>
  first.inject({
    method: 'PUT',
    url: `/api/admin/users/${username}`,
    headers: { ...admin, 'if-match': `"${version}"` },
    payload: body,
  });

describe('people administration', () => {
  let streetCode: string;
  let streetGrids: string[];

  test.beforeAll(async ({ database }) => {
    ({ first, second } = processes);
    await Promise.all([first, second].map((app) => app.sessions.following()));
    admin = bearer((await loginAs(first, 'admin')).token);
    const rows = await database.db.execute<{ street_code: string; code: string }>(sql`
      select street_code, code from grids where city = '1501' and valid_to is null
      and street_code = (select min(street_code) from grids where city = '1501') order by code`);
    streetCode = rows.rows[0]?.street_code ?? '';
    streetGrids = rows.rows.map((row) => row.code);
    expect(streetGrids.length).toBeGreaterThan(0);
  });

  test('an officer renamed keeps their session; given other grids, their sessions end everywhere', async () => {
    const officer = bearer((await loginAs(second, 'officer1')).token);
    const read = await first.inject({ url: '/api/admin/users/officer1', headers: admin });
    expect(read.statusCode, read.body).toBe(200);
    const before = read.json<Profile>();
    expect(before.grids.length).toBeGreaterThan(0);
    expect(read.headers.etag).toBe(`"${before.version}"`);
    const form = {
      displayName: before.displayName,
      roles: before.roles,
      city: before.city,
      districtCode: before.districtCode,
      departmentId: before.departmentId,
      phone: before.phone,
      grids: before.grids,
    };

    const renamed = await edit('officer1', { ...form, displayName: '张网格', phone }, before.version);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: '张网格', phone, version: before.version + 1 });
    expect((await me(second, officer)).statusCode).toBe(200);

    // The form read before the rename is stale now.
    expectProblem(await edit('officer1', form, before.version), 409, 'VERSION_CONFLICT');

    const moved = await edit(
      'officer1',
      { ...form, displayName: '张网格', phone, grids: [], streets: [streetCode] },
      before.version + 1,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Profile>().grids).toEqual(streetGrids);
    await expect.poll(async () => (await me(second, officer)).statusCode, { timeout: 5_000 }).toBe(401);
    const again = bearer((await loginAs(second, 'officer1')).token);
    expect((await me(second, again)).json()).toMatchObject({ displayName: '张网格' });
  });

  test('a role change ends the sessions; bad jurisdiction is refused', async () => {
    const operator = bearer((await loginAs(second, 'operator1')).token);
    const current = (
      await first.inject({ url: '/api/admin/users/operator1', headers: admin })
    ).json<Profile>();
    const form = { ...current, grids: [] };
    const bad = (body: object) => edit('operator1', { ...form, ...body }, current.version);
    expectProblem(await bad({ districtCode: '150302' }), 400, 'VALIDATION_FAILED');
    expectProblem(await bad({ departmentId: 'dept-1502-sanitation' }), 400, 'VALIDATION_FAILED');
    expectProblem(await bad({ city: '1502' }), 403, 'FORBIDDEN');
    expectProblem(await bad({ roles: ['region_supervisor'] }), 403, 'FORBIDDEN');
    expectProblem(await bad({ phone: 'call me' }), 400, 'VALIDATION_FAILED');
    expect((await me(second, operator)).statusCode).toBe(200);

    const promoted = await bad({ roles: ['intake_operator', 'shift_lead'] });
    expect(promoted.statusCode, promoted.body).toBe(200);
    await expect.poll(async () => (await me(second, operator)).statusCode, { timeout: 5_000 }).toBe(401);
  });

  test('a password reset forces a change at the next login; deactivated and reactivated signs in', async () => {
    const reset = await first.inject({
      method: 'POST',
      url: '/api/admin/users/shiftlead1/password',
      headers: admin,
      payload: { password: 'lantern harbour cobalt 42' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ mustChangePassword: true });
    const forced = await loginAs(second, 'shiftlead1', 'lantern harbour cobalt 42');
    expectProblem(
      await second.inject({ url: '/api/cases', headers: bearer(forced.token) }),
      403,
      'PASSWORD_CHANGE_REQUIRED',
    );

    const post = (url: string) => first.inject({ method: 'POST', url, headers: admin });
    expect((await post('/api/admin/users/dispatcher1/deactivate')).statusCode).toBe(200);
    const refused = await second.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dispatcher1', password: 'urbangrid' },
    });
    expect(refused.statusCode).toBe(401);
    const back = await post('/api/admin/users/dispatcher1/reactivate');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ active: true });
    expect((await loginAs(second, 'dispatcher1')).token).toBeTruthy();
  });

  test('the telephone is masked in the audit log and in no log line', async () => {
    const audit = await first.inject({ url: '/api/admin/audit?entity=user&pageSize=200', headers: admin });
    expect(audit.statusCode, audit.body).toBe(200);
    const entries = audit.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['update', 'reset-password', 'deactivate', 'reactivate']),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        entityKey: 'officer1',
        after: expect.objectContaining({ phone: '139****4321' }),
      }),
    );
    expect(audit.body).not.toContain(phone);
    const csv = await first.inject({ url: '/api/admin/audit?entity=user&format=csv', headers: admin });
    expect(csv.body).not.toContain(phone);
    expect(log.lines.length).toBeGreaterThan(0);
    expect(log.lines.filter((line) => line.includes(phone))).toEqual([]);
  });
});
