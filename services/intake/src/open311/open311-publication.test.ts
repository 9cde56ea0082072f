import { adminAuditLog } from '@urbangrid/db';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp } from '../test/intake-test-app.js';

/** A caller's door, to the metre: what the feed must not give away for a hotline call. */
const door = { lat: 40.830_47, lng: 111.670_83 };
const caller = { name: '李秀英', phone: '13912345678' };
const hotlineCall = {
  source: 'hotline',
  categoryCode: 'E0101',
  description: '楼下垃圾三天没人清，请回电13912345678或座机0472-1234567',
  location: door,
  address: '青山区钢铁大街12号3单元',
  reporter: caller,
  callId: 'CALL-20261202-0042',
};

const xml = new XMLParser({ isArray: (name) => name === 'request' });
type Request = {
  service_request_id: string;
  description: string;
  address: string;
  lat: number;
  long: number;
};

describe('the public feeds show what a citizen may see', () => {
  let harness: IntakeTestApp;
  let operator: Record<string, string>;
  let admin: Record<string, string>;
  let hotlineNo: string;
  let appNo: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    operator = bearer((await loginAs(harness.app, 'operator1')).token);
    admin = bearer((await loginAs(harness.app, 'admin')).token);
    const called = await harness.app.inject({
      method: 'POST',
      url: '/api/intake/reports',
      headers: operator,
      payload: hotlineCall,
    });
    expect(called.statusCode, called.body).toBe(201);
    hotlineNo = called.json().caseNo;
    const posted = await harness.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: 'open311-demo-key',
        service_code: 'E0101',
        lat: String(door.lat),
        long: String(door.lng),
        address_string: '新华大街101号',
        description: 'Bins overflowing, call me on 13811112222',
        first_name: 'Mei',
        phone: '13811112222',
      }).toString(),
    });
    expect(posted.statusCode, posted.body).toBe(201);
    appNo = posted.json()[0].service_request_id;
  });
  redisTest.afterAll(async () => harness.close());

  const get = (url: string) => harness.app.inject({ method: 'GET', url });
  const listed = async (format: 'json' | 'xml'): Promise<Request[]> => {
    const answer = await get(`/open311/v2/requests.${format}`);
    expect(answer.statusCode, answer.body).toBe(200);
    return format === 'json' ? answer.json() : (xml.parse(answer.body).service_requests?.request ?? []);
  };
  const publication = (sources: string[], headers: Record<string, string> = {}) =>
    harness.app.inject({
      method: 'PUT',
      url: '/api/admin/cities/1501/publication',
      headers: { ...admin, ...headers },
      payload: { publishedSources: sources },
    });

  redisTest(
    'a hotline call is listed without its caller, phone numbers or house numbers, its point to ≈100 m',
    async () => {
      for (const format of ['json', 'xml'] as const) {
        const hotline = (await listed(format)).find((r) => String(r.service_request_id) === hotlineNo);
        expect(hotline).toMatchObject({
          description: '楼下垃圾三天没人清，请回电***或座机***',
          address: '青山区钢铁大街*号*单元',
          lat: 40.83,
          long: 111.671,
        });
      }
      const one = await get(`/open311/v2/requests/${hotlineNo}.json`);
      expect(one.json()[0]).toMatchObject({ address: '青山区钢铁大街*号*单元', lat: 40.83, long: 111.671 });
      const oneXml = await get(`/open311/v2/requests/${hotlineNo}.xml`);
      for (const body of [one.body, oneXml.body, (await get('/open311/v2/requests.xml')).body]) {
        for (const secret of [caller.name, caller.phone, '0472-1234567', '12号', hotlineCall.callId]) {
          expect(body).not.toContain(secret);
        }
      }
    },
  );

  redisTest('a request posted in public keeps its point, and loses the phone it wrote', async () => {
    const [posted] = (await get(`/open311/v2/requests/${appNo}.json`)).json();
    expect(posted).toMatchObject({
      description: 'Bins overflowing, call me on ***',
      address: '新华大街*号',
      lat: door.lat,
      long: door.lng,
    });
  });

  redisTest('public tracking of a hotline case tells its progress and nothing of anyone', async () => {
    const tracked = await get(`/api/public/cases/${hotlineNo}`);
    expect(tracked.statusCode, tracked.body).toBe(200);
    expect(Object.keys(tracked.json()).sort()).toEqual(
      ['caseNo', 'categoryCode', 'closedAt', 'createdAt', 'followsCaseNo', 'state'].sort(),
    );
    for (const secret of [caller.name, caller.phone, '钢铁大街', '垃圾', String(door.lat)])
      expect(tracked.body).not.toContain(secret);
  });

  redisTest(
    "a city's admin chooses which sources are published: the others leave the list and their requests are 404",
    async ({ database }) => {
      const read = await harness.app.inject({ url: '/api/admin/cities/1501/publication', headers: admin });
      expect(read.statusCode, read.body).toBe(200);
      const { version } = read.json();
      expect(read.json().publishedSources).toEqual(['hotline', 'app', 'officer', 'public', 'video']);

      const set = await publication(['app', 'public'], { 'if-match': `"${version}"` });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toEqual({ city: '1501', publishedSources: ['app', 'public'], version: version + 1 });

      for (const format of ['json', 'xml'] as const) {
        const numbers = (await listed(format)).map((r) => String(r.service_request_id));
        expect(numbers).toContain(appNo);
        expect(numbers).not.toContain(hotlineNo);
      }
      expect((await get(`/open311/v2/requests/${hotlineNo}.json`)).statusCode).toBe(404);
      expect((await get(`/open311/v2/requests/${hotlineNo}.xml`)).statusCode).toBe(404);
      const byId = await get(`/open311/v2/requests.json?service_request_id=${hotlineNo},${appNo}`);
      expect(byId.json().map((r: Request) => r.service_request_id)).toEqual([appNo]);

      // An edit made on the version before is refused, not laid over this one.
      expectProblem(await publication(['hotline'], { 'if-match': `"${version}"` }), 409, 'VERSION_CONFLICT');
      const [audited] = await database.db
        .select()
        .from(adminAuditLog)
        .where(eq(adminAuditLog.entity, 'city_publication'));
      expect(audited).toMatchObject({
        actorUsername: 'admin',
        city: '1501',
        before: { publishedSources: ['hotline', 'app', 'officer', 'public', 'video'] },
        after: { publishedSources: ['app', 'public'] },
      });

      // Nothing published: an empty feed, not an error.
      expect((await publication([])).statusCode).toBe(200);
      expect(await listed('json')).toEqual([]);
      expect((await publication(['hotline', 'app', 'officer', 'public', 'video'])).statusCode).toBe(200);
      expect((await listed('json')).map((r) => r.service_request_id)).toContain(hotlineNo);
    },
  );

  redisTest('only an admin of the city sets it, to known sources', async () => {
    expectProblem(await publication(['app'], operator), 403, 'FORBIDDEN');
    expectProblem(await publication(['app', 'app']), 400, 'VALIDATION_FAILED');
    expectProblem(await publication(['newspaper']), 400, 'VALIDATION_FAILED');
    const otherCity = await harness.app.inject({
      method: 'PUT',
      url: '/api/admin/cities/1502/publication',
      headers: admin,
      payload: { publishedSources: ['app'] },
    });
    expectProblem(otherCity, 403, 'FORBIDDEN');
  });
});
