import { redisTest } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp, insideHohhot } from '../test/intake-test-app.js';

const apiKey = 'open311-demo-key';
// Repeated elements always as arrays, so one request and many look the same.
const xml = new XMLParser({
  isArray: (name) => ['service', 'request', 'error', 'endpoint', 'format'].includes(name),
});

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe('Open311 GeoReport v2', () => {
  let harness: IntakeTestApp;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
  });
  redisTest.afterAll(async () => harness.close());

  const get = (url: string) => harness.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
  const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
    harness.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, ...form(fields) });

  function expectJsonError(response: Awaited<ReturnType<typeof get>>, status: number) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json();
    expect(body).toEqual([{ code: status, description: expect.any(String) }]);
    return body[0].description as string;
  }

  function expectXmlError(response: Awaited<ReturnType<typeof get>>, status: number) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const { errors } = xml.parse(response.body);
    expect(errors.error).toEqual([{ code: status, description: expect.any(String) }]);
  }

  redisTest('discovery names the endpoint, specification and both formats', async () => {
    const json = await get('discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      changeset: expect.any(String),
      contact: expect.any(String),
      key_service: expect.any(String),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: expect.stringMatching(/\/open311\/v2$/),
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    const doc = xml.parse((await get('discovery.xml')).body);
    expect(doc.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  redisTest('services list the catalogue of the jurisdiction, in JSON and XML', async () => {
    const json = await get('services.json?jurisdiction_id=1501');
    expect(json.statusCode).toBe(200);
    const services = json.json();
    expect(services.length).toBeGreaterThan(10);
    expect(services.find((s: { service_code: string }) => s.service_code === 'C0101')).toEqual({
      service_code: 'C0101',
      service_name: '上水井盖',
      description: expect.stringContaining('Water supply manhole cover'),
      metadata: true, // it asks the cover's type (open311-questions.test.ts)
      type: 'realtime',
      keywords: expect.any(String),
      group: '公用设施',
    });
    const doc = xml.parse((await get('services.xml')).body);
    expect(doc.services.service).toHaveLength(services.length);
    expect(doc.services.service[0]).toMatchObject({
      service_code: services[0].service_code,
      metadata: services[0].metadata,
    });
    expectJsonError(await get('services.json?jurisdiction_id=9999'), 404);
    expectXmlError(await get('services.xml?jurisdiction_id=9999'), 404);
  });

  redisTest('a service that asks nothing has no attributes; an unknown code is 404', async () => {
    expect((await get('services/E0101.json')).json()).toEqual({ service_code: 'E0101', attributes: [] });
    expect(xml.parse((await get('services/E0101.xml')).body)).toMatchObject({
      service_definition: { service_code: 'E0101', attributes: '' },
    });
    expectJsonError(await get('services/C9999.json'), 404);
    expectXmlError(await get('services/C9999.xml'), 404);
  });

  redisTest('POST needs a valid api_key: 403 otherwise', async () => {
    const fields = { service_code: 'E0101', lat: String(insideHohhot.lat), long: String(insideHohhot.lng) };
    expect(expectJsonError(await post('json', fields), 403)).toMatch(/api_key/);
    expectXmlError(await post('xml', { ...fields, api_key: 'wrong' }), 403);
  });

  redisTest(
    'POST creates a request; GET finds it by id, token and list, open then closed',
    async ({ database }) => {
      const created = await post('json', {
        api_key: apiKey,
        jurisdiction_id: '1501',
        service_code: 'E0101',
        lat: String(insideHohhot.lat),
        long: String(insideHohhot.lng),
        address_string: '新华大街101号',
        description: 'Garbage piled by the bus stop',
        first_name: 'Mei',
        last_name: 'Zhang',
        email: 'mei@example.com',
        phone: '13811112222',
        media_url: 'https://example.com/photo.jpg',
      });
      expect(created.statusCode, created.body).toBe(201);
      const [receipt] = created.json();
      // The id exists at once, so the receipt carries it and no token (the spec: one or the other).
      expect(receipt).toEqual({
        service_request_id: expect.stringMatching(/^\d{13}$/),
        service_notice: null,
        account_id: null,
      });
      const id = receipt.service_request_id;
      const { rows } = await database.db.execute<{ id: string }>(
        sql`select id from cases where case_no = ${id}`,
      );
      const token = rows[0]?.id;

      const one = await get(`requests/${id}.json`);
      expect(one.statusCode).toBe(200);
      const [request] = one.json();
      expect(request).toEqual({
        service_request_id: id,
        status: 'open',
        status_notes: expect.any(String),
        service_name: expect.any(String),
        service_code: 'E0101',
        description: 'Garbage piled by the bus stop',
        agency_responsible: null,
        service_notice: null,
        requested_datetime: expect.any(String),
        updated_datetime: expect.any(String),
        expected_datetime: null, // no department has a deadline before dispatch
        address: '新华大街*号', // the house number is the reporter's, not the public's
        address_id: null,
        zipcode: null,
        lat: insideHohhot.lat,
        long: insideHohhot.lng,
        media_url: 'https://example.com/photo.jpg', // what the app posted comes back
      });
      // Nothing of the reporter leaves through Open311.
      for (const secret of ['Mei', 'Zhang', 'mei@example.com', '13811112222'])
        expect(one.body).not.toContain(secret);
      const oneXml = xml.parse((await get(`requests/${id}.xml`)).body);
      expect(oneXml.service_requests.request[0]).toMatchObject({
        service_request_id: Number(id),
        status: 'open',
      });

      expect((await get(`tokens/${token}.json`)).json()).toEqual([{ service_request_id: id, token }]);
      const tokenXml = xml.parse((await get(`tokens/${token}.xml`)).body);
      expect(tokenXml.service_requests.request[0].token).toBe(token);

      const listed = (await get(`requests.json?service_code=E0101,C0101&status=open`)).json();
      expect(listed.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
      expect((await get(`requests.json?status=closed`)).json()).toEqual([]);
      const byIds = (await get(`requests.json?service_request_id=${id},2000010100001`)).json();
      expect(byIds).toHaveLength(1);

      await database.db.execute(
        `update cases set state = 'closed', closed_at = now() where case_no = '${id}'`,
      );
      expect((await get(`requests/${id}.json`)).json()[0].status).toBe('closed');
      expect(
        (await get(`requests.json?status=closed`))
          .json()
          .map((r: { service_request_id: string }) => r.service_request_id),
      ).toEqual([id]);
      const listXml = xml.parse((await get('requests.xml?status=closed')).body);
      expect(listXml.service_requests.request).toHaveLength(1);
    },
  );

  redisTest(
    'a description stored with control characters (before the text guard) leaves the XML list well-formed',
    async ({ database }) => {
      const created = await post('json', {
        api_key: apiKey,
        service_code: 'E0101',
        lat: String(insideHohhot.lat),
        long: String(insideHohhot.lng),
        description: 'Bins overflowing',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id: string = created.json()[0].service_request_id;
      // What older rows may hold: controls XML 1.0 cannot carry, and a noncharacter.
      const stored = 'Bins\u0001 over\u0008flowing\u001b by\u000b the\u000c gate\uffff\ttab\nline';
      await database.db.execute(sql`update cases set description = ${stored} where case_no = ${id}`);

      for (const url of ['requests.xml', `requests/${id}.xml`]) {
        const answer = await get(url);
        expect(answer.statusCode, answer.body).toBe(200);
        // A strict XML 1.0 parser (as Open311 clients use) reads the whole document.
        const descriptions: string[] = [];
        let element = '';
        const parser = new SaxesParser();
        parser.on('opentag', (tag) => {
          element = tag.name;
        });
        parser.on('text', (text) => {
          if (element === 'description') descriptions.push(text);
        });
        parser.write(answer.body).close();
        expect(descriptions).toContain('Bins overflowing by the gate\ttab\nline');
      }
      // JSON carries them escaped, as they are.
      expect((await get(`requests/${id}.json`)).json()[0].description).toBe(stored);
    },
  );

  redisTest('POST places a request by a gazetteer address when it has no lat/long', async () => {
    const created = await post('xml', {
      api_key: apiKey,
      service_code: 'E0505',
      address_string: '海拉尔东路15号',
      description: 'Car parked on the pavement',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(xml.parse(created.body).service_requests.request[0].service_request_id).toBeTruthy();
  });

  redisTest(
    'POST errors: missing or unknown service_code, no location, outside the city, bad jurisdiction',
    async () => {
      const at = { lat: String(insideHohhot.lat), long: String(insideHohhot.lng) };
      expectJsonError(await post('json', { api_key: apiKey, ...at }), 400);
      expectJsonError(await post('json', { api_key: apiKey, service_code: 'C9999', ...at }), 404);
      expectXmlError(await post('xml', { api_key: apiKey, service_code: 'E0101' }), 400);
      expectJsonError(
        await post('json', { api_key: apiKey, service_code: 'E0101', lat: '39.9', long: '116.4' }),
        400,
      );
      expectJsonError(
        await post('json', { api_key: apiKey, service_code: 'E0101', lat: 'north', long: '1' }),
        400,
      );
      // The key is Hohhot's: another city is forbidden to it, not unknown.
      expectXmlError(
        await post('xml', { api_key: apiKey, jurisdiction_id: '1502', service_code: 'E0101', ...at }),
        403,
      );
    },
  );

  redisTest(
    'GET errors: unknown request, token or jurisdiction is 404, a bad date or status is 400',
    async () => {
      expectJsonError(await get('requests/2000010100001.json'), 404);
      expectXmlError(await get('requests/2000010100001.xml'), 404);
      expectJsonError(await get('tokens/nope.json'), 404);
      expectXmlError(await get('tokens/nope.xml'), 404);
      expectJsonError(await get('requests.json?jurisdiction_id=0000'), 404);
      expectJsonError(await get('requests.json?start_date=yesterday'), 400);
      expectXmlError(await get('requests.xml?status=pending'), 400);
      expectXmlError(await get('nothing-here.xml'), 404);
      expectJsonError(await get('services.html'), 400);
    },
  );
});
