/**
 * The catalogue through HTTP, with two API processes over one database: the seeded versions (made by
 * the same function as the API), a region admin's new version copied from v2013 (codes in the 2026
 * shape), its categories edited while a draft (If-Match, 409 when stale, every bad field named), put
 * in force from today — the other process lets reports name its categories within seconds — and a
 * category withdrawn, which the other process refuses within seconds too. A city's admin manages only
 * the city's local classes. Every change is in the audit log.
 */
import { adminAuditLog } from '@urbangrid/db';
import type { App } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { isCategoryOpen } from '@urbangrid/reference';
import { redisTest as test } from '@urbangrid/test-support';
import { twoProcesses } from '@urbangrid/test-support/two-processes';
import { and, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';

const processes = twoProcesses();
let first: App;
let second: App;
let cityAdmin: Record<string, string>;
let region: Record<string, string>;

const limits = {
  normal: { verify: 30, file: 30, dispatch: 30, handle: 240, check: 30, close: 60 },
  urgent: { verify: 15, file: 15, dispatch: 15, handle: 120, check: 15, close: 30 },
};
const category = {
  majorName: '公用设施',
  name: '智慧灯杆',
  nameEn: 'Smart lamp post',
  filingCondition: '灯杆倾斜、破损或设备外露',
  closingCondition: '灯杆扶正修复，设备封闭完好',
  timeLimits: limits,
  stageCalendars: { verify: 'patrol', handle: 'office' },
  defaultDepartmentCode: 'municipal',
};

const send = (
  method: 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload: object,
  headers: Record<string, string>,
) => first.inject({ method, url, headers, payload });
const ifMatch = (headers: Record<string, string>, version: number | string) => ({
  ...headers,
  'if-match': `"${version}"`,
});
/** Whether the second process lets a report in city 1501 name the category today. */
const openOnSecond = async (code: string, today: string) =>
  isCategoryOpen(await second.reference.category(code), '1501', today);

describe('catalogue administration', () => {
  test.beforeAll(async () => {
    ({ first, second } = processes);
    cityAdmin = bearer((await loginAs(first, 'admin')).token);
    // region-admin is a demo user (seeds/demo-region).
    region = bearer((await loginAs(first, 'region-admin')).token);
  });

  test('the seeded versions were made by the admin function: in force, audited as the seed', async ({
    database,
  }) => {
    const listed = await first.inject({ url: '/api/admin/catalogues', headers: cityAdmin });
    expect(listed.statusCode, listed.body).toBe(200);
    const versions = listed.json().versions as Array<{
      version: string;
      inForce: boolean;
      categories: number;
    }>;
    expect(versions.map((v) => [v.version, v.inForce])).toEqual([
      ['v2013', true],
      ['v2026', true],
    ]);
    expect(versions.every((v) => v.categories > 0)).toBe(true);
    const seeded = await database.db
      .select()
      .from(adminAuditLog)
      .where(and(eq(adminAuditLog.entity, 'catalogue_version'), eq(adminAuditLog.actorUsername, 'seed')));
    expect(seeded.map((e) => e.entityKey).sort()).toEqual(['v2013', 'v2026']);

    const one = await first.inject({ url: '/api/admin/catalogues/v2013', headers: cityAdmin });
    expect(one.statusCode).toBe(200);
    const c0101 = one.json().categories.find((c: { code: string }) => c.code === 'C0101');
    expect(c0101).toMatchObject({ kind: 'component', majorCode: '01', minorCode: '01', active: true });
    expect(c0101.filingCondition).toContain('井盖');
    expectProblem(
      await first.inject({ url: '/api/admin/catalogues/v1999', headers: cityAdmin }),
      404,
      'NOT_FOUND',
    );
  });

  test('a new version from a copy, edited while a draft, in force from today, a category withdrawn', async ({
    database,
  }) => {
    const newVersion = { version: 'v2027', name: '2027 修订', nameEn: '2027 revision', copyOf: 'v2013' };
    expectProblem(await send('POST', '/api/admin/catalogues', newVersion, cityAdmin), 403, 'FORBIDDEN');
    const created = await send('POST', '/api/admin/catalogues', newVersion, region);
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body.version).toMatchObject({
      version: 'v2027',
      effectiveFrom: null,
      inForce: false,
      revision: 1,
    });
    const codes = body.categories.map((c: { code: string }) => c.code);
    // The 2026 shape of the v2013 codes; those v2026 has already are left out.
    expect(codes).toContain('C01002');
    expect(codes).toContain('M91001');
    expect(codes.every((code: string) => /^[CM]\d{5}$/.test(code))).toBe(true);
    expect(body.skipped).toContain('M05005');
    expect(codes).not.toContain('M05005');
    expectProblem(await send('POST', '/api/admin/catalogues', newVersion, region), 409, 'CONFLICT');
    const copy2026 = { ...newVersion, version: 'v2028', copyOf: 'v2026' };
    expectProblem(await send('POST', '/api/admin/catalogues', copy2026, region), 400, 'VALIDATION_FAILED');

    // A draft: nobody reports under it yet.
    const today = (await first.inject({ url: '/api/admin/catalogues', headers: region })).json().today;
    expect(await openOnSecond('C01002', today)).toBe(false);

    // Categories of the draft: added, edited with If-Match, every bad field named.
    const url = '/api/admin/catalogues/v2027/categories/C01099';
    const added = await send('PUT', url, category, region);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.headers.etag).toBe('"1"');
    expect(added.json()).toMatchObject({
      kind: 'component',
      majorCode: '01',
      minorCode: '099',
      active: true,
    });
    const edited = await send('PUT', url, { ...category, name: '智慧灯杆（多杆合一）' }, ifMatch(region, 1));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    expectProblem(await send('PUT', url, category, ifMatch(region, 1)), 409, 'VERSION_CONFLICT');

    const bad = await send(
      'PUT',
      url,
      {
        ...category,
        timeLimits: { ...limits, urgent: { ...limits.urgent, handle: 999 } },
        filingCondition: '',
      },
      region,
    );
    const problem = expectProblem(bad, 400, 'VALIDATION_FAILED');
    const paths = (problem.errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['filingCondition', 'timeLimits.urgent.handle']));
    const noCalendar = await send('PUT', url, { ...category, stageCalendars: { handle: 'night' } }, region);
    expect(expectProblem(noCalendar, 400, 'VALIDATION_FAILED').detail).toMatch(/no calendar 'night'/);
    const oldShape = await send('PUT', '/api/admin/catalogues/v2027/categories/C0199', category, region);
    expect(expectProblem(oldShape, 400, 'VALIDATION_FAILED').detail).toMatch(/holds catalogue 2026 codes/);
    const taken = await send('PUT', '/api/admin/catalogues/v2027/categories/C01001', category, region);
    expect(expectProblem(taken, 400, 'VALIDATION_FAILED').detail).toMatch(
      /belongs to catalogue version v2026/,
    );
    const national9x = await send('PUT', '/api/admin/catalogues/v2027/categories/C92001', category, region);
    expect(expectProblem(national9x, 400, 'VALIDATION_FAILED').detail).toMatch(/local class/);

    // A city's admin: the city's local classes only.
    const local = {
      ...category,
      majorName: '地方扩展',
      name: '共享单车乱停',
      nameEn: 'Dockless bikes',
      city: '1501',
    };
    expectProblem(await send('PUT', url, category, cityAdmin), 403, 'FORBIDDEN');
    const own = await send('PUT', '/api/admin/catalogues/v2027/categories/M92001', local, cityAdmin);
    expect(own.statusCode, own.body).toBe(201);
    const other = await send(
      'PUT',
      '/api/admin/catalogues/v2027/categories/M92002',
      { ...local, city: '1502' },
      cityAdmin,
    );
    expectProblem(other, 403, 'FORBIDDEN');

    // In force from today: the other process lets reports name its categories within seconds.
    const version = '/api/admin/catalogues/v2027';
    expectProblem(
      await send('PATCH', version, { effectiveFrom: '2020-01-01' }, region),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await send('PATCH', version, { effectiveFrom: today }, ifMatch(region, 7)),
      409,
      'VERSION_CONFLICT',
    );
    expectProblem(
      await send('PATCH', version, { effectiveFrom: today }, ifMatch(cityAdmin, 1)),
      403,
      'FORBIDDEN',
    );
    const inForce = await send('PATCH', version, { effectiveFrom: today }, ifMatch(region, 1));
    expect(inForce.statusCode, inForce.body).toBe(200);
    expect(inForce.json()).toMatchObject({ effectiveFrom: today, inForce: true, revision: 2 });
    await expect.poll(() => openOnSecond('C01099', today), { timeout: 5_000 }).toBe(true);
    expect((await second.reference.category('C01099'))?.stageCalendars).toEqual({
      verify: 'patrol',
      handle: 'office',
    });
    // In force, its categories stay as cases are filed under them; the date stays too.
    expectProblem(await send('PUT', url, category, region), 409, 'CONFLICT');
    expectProblem(await send('PATCH', version, { effectiveFrom: null }, region), 409, 'CONFLICT');

    // Withdrawn: the other process refuses it within seconds; twice, or stale, is 409.
    const withdraw = `${url}/withdraw`;
    expectProblem(await send('POST', withdraw, {}, ifMatch(region, 1)), 409, 'VERSION_CONFLICT');
    const withdrawn = await send('POST', withdraw, {}, ifMatch(region, 2));
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ active: false, version: 3 });
    await expect.poll(() => openOnSecond('C01099', today), { timeout: 5_000 }).toBe(false);
    expectProblem(await send('POST', withdraw, {}, region), 409, 'CONFLICT');
    expectProblem(
      await send('POST', '/api/admin/catalogues/v2026/categories/C01099/withdraw', {}, region),
      404,
      'NOT_FOUND',
    );

    const listed = (await first.inject({ url: '/api/admin/catalogues', headers: region })).json();
    expect(listed.versions.find((v: { version: string }) => v.version === 'v2027')).toMatchObject({
      inForce: true,
      withdrawn: 1,
    });

    const audit = await database.db
      .select()
      .from(adminAuditLog)
      .where(eq(adminAuditLog.entityKey, 'C01099'))
      .orderBy(adminAuditLog.at);
    expect(audit.map((e) => [e.action, e.actorUsername])).toEqual([
      ['create', 'region-admin'],
      ['update', 'region-admin'],
      ['withdraw', 'region-admin'],
    ]);
    expect(audit[2]?.before).toMatchObject({ active: true });
    expect(audit[2]?.after).toMatchObject({ active: false });
  });
});
