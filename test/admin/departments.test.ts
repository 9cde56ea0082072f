/**
 * Department administration through HTTP, with two API processes over one database: a department
 * created and renamed on one is what the other's reference data (dispatch, deadlines, Open311's
 * agency) names within seconds; edits are version-checked (If-Match), the parent must be a
 * department of the city and no cycle; a department the matrix names cannot be retired; every
 * change is audited with the contact's telephone masked; the demo seed's departments came through
 * the same function (their audit entries name the actor seed).
 */
import type { App } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest as test } from '@urbangrid/test-support';
import { twoProcesses } from '@urbangrid/test-support/two-processes';
import { describe, expect } from 'vitest';

const processes = twoProcesses(() => ({ live: false }));
let first: App;
let second: App;
let admin: Record<string, string>;

interface Department {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  parentId: string | null;
  contactPhone: string | null;
  retiredOn: string | null;
  version: number;
}

const send = (method: 'POST' | 'PUT', url: string, payload: object, headers = admin) =>
  first.inject({ method, url, headers, payload });

describe('department administration', () => {
  test.beforeAll(async () => {
    ({ first, second } = processes);
    admin = bearer((await loginAs(first, 'admin')).token);
  });

  const fields = {
    code: 'snow-removal',
    name: '除雪保障队',
    nameEn: 'Snow Removal Team',
    parentId: 'dept-1501-municipal',
    contactName: '王工',
    contactPhone: '13912345678',
  };
  let created: Department;

  test('a department created and renamed on one process is named so by the other within seconds', async () => {
    const response = await send('POST', '/api/admin/departments', { ...fields, city: '1501' });
    expect(response.statusCode, response.body).toBe(201);
    created = response.json<Department>();
    expect(created).toMatchObject({ ...fields, retiredOn: null, version: 1 });
    expect(response.headers.etag).toBe('"1"');
    await expect
      .poll(async () => (await second.reference.department(created.id))?.name, { timeout: 5_000 })
      .toBe('除雪保障队');

    const renamed = await send(
      'PUT',
      `/api/admin/departments/${created.id}`,
      { ...fields, name: '除雪除冰保障队', nameEn: 'Snow and Ice Team' },
      { ...admin, 'if-match': '"1"' },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '除雪除冰保障队', version: 2 });
    await expect
      .poll(async () => (await second.reference.departmentByCode('1501', 'snow-removal'))?.name, {
        timeout: 5_000,
      })
      .toBe('除雪除冰保障队');

    // The editor who saw version 1 is refused.
    const stale = send('PUT', `/api/admin/departments/${created.id}`, fields, {
      ...admin,
      'if-match': '"1"',
    });
    expect(expectProblem(await stale, 409, 'VERSION_CONFLICT')).toMatchObject({ currentVersion: 2 });

    const listed = await first.inject({ url: '/api/admin/departments', headers: admin });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().departments).toContainEqual(expect.objectContaining({ id: created.id, version: 2 }));
  });

  test('bad input is refused: a taken code, an unknown parent, a cycle, another city', async () => {
    expectProblem(await send('POST', '/api/admin/departments', { ...fields, city: '1501' }), 409, 'CONFLICT');
    expectProblem(
      await send('POST', '/api/admin/departments', { ...fields, code: 'x1', parentId: 'nope', city: '1501' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await send('POST', '/api/admin/departments', { ...fields, code: 'Bad Code', city: '1501' }),
      400,
      'VALIDATION_FAILED',
    );
    // The municipal office under its own team: a cycle.
    const team = await send('POST', '/api/admin/departments', {
      ...fields,
      code: 'snow-night',
      parentId: created.id,
      city: '1501',
    });
    expect(team.statusCode, team.body).toBe(201);
    const municipal = (await first.inject({ url: '/api/admin/departments', headers: admin }))
      .json<{ departments: Department[] }>()
      .departments.find((d) => d.id === 'dept-1501-municipal');
    expectProblem(
      await send('PUT', '/api/admin/departments/dept-1501-municipal', {
        code: 'municipal',
        name: municipal?.name,
        nameEn: municipal?.nameEn,
        parentId: team.json<Department>().id,
      }),
      400,
      'VALIDATION_FAILED',
    );
    // Another city's admin reaches neither.
    expectProblem(
      await send('POST', '/api/admin/departments', { ...fields, code: 'x2', parentId: null, city: '1502' }),
      403,
      'FORBIDDEN',
    );
  });

  test('retiring: refused while departments live under it or the matrix names it', async () => {
    const retire = (id: string, headers = admin) =>
      send('POST', `/api/admin/departments/${id}/retire`, { retiredOn: '2026-12-01' }, headers);
    expectProblem(await retire(created.id), 409, 'CONFLICT');
    expectProblem(await retire('dept-1501-sanitation-150102'), 409, 'CONFLICT');

    const team = (await first.inject({ url: '/api/admin/departments', headers: admin }))
      .json<{ departments: Department[] }>()
      .departments.find((d) => d.code === 'snow-night');
    const retired = await retire(team?.id ?? '');
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ retiredOn: '2026-12-01', version: 2 });
    // Now nothing lives under the team it was under; a retired one is changed no more.
    expect((await retire(created.id)).statusCode).toBe(200);
    expectProblem(await retire(created.id), 409, 'CONFLICT');
    await expect
      .poll(async () => (await second.reference.department(created.id))?.retiredOn, { timeout: 5_000 })
      .toBe('2026-12-01');
  });

  test('every change is audited with the telephone masked; the seed made its departments the same way', async () => {
    const log = await first.inject({
      url: '/api/admin/audit?entity=department&actor=admin&pageSize=200',
      headers: admin,
    });
    expect(log.statusCode, log.body).toBe(200);
    const entries = log.json<{ items: Array<Record<string, unknown>> }>().items;
    const mine = entries.filter((e) => e.entityKey === created.id);
    expect(mine.map((e) => e.action).sort()).toEqual(['create', 'retire', 'update']);
    expect(JSON.stringify(mine)).not.toContain('13912345678');
    expect(mine.find((e) => e.action === 'create')).toMatchObject({
      actor: 'admin',
      after: expect.objectContaining({ contactPhone: '139****5678', name: '除雪保障队' }),
    });
    const seeded = await first.inject({
      url: '/api/admin/audit?entity=department&actor=seed&pageSize=200',
      headers: admin,
    });
    expect(seeded.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({ actor: 'seed', entityKey: 'dept-1501-municipal', action: 'create' }),
    );
  });
});
