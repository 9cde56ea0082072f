import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { bearer, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp, insideHohhot } from '../test/intake-test-app.js';
import { jpegPhoto, multipartBody } from '../test/photos.js';

/**
 * Per-service questions (GeoReport v2 service definitions): the demo asks a manhole cover's type
 * (C0101) and a street tree's trunk diameter (C0402) in Hohhot; a POST answers them or is refused
 * with the spec's 400, and staff read the answers on the case. A refused POST stores no photo, and
 * POSTs count against their api_key whatever headers or address they come with.
 */
const apiKey = 'open311-demo-key';
const at = { lat: String(insideHohhot.lat), long: String(insideHohhot.lng) };
// Repeated elements always as arrays, as a client reading the definition would.
const xml = new XMLParser({
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'value'].includes(name),
});

const manholeAttribute = {
  variable: true,
  code: 'cover_type',
  datatype: 'singlevaluelist',
  required: true,
  datatype_description: null,
  order: 1,
  description: '井盖类型',
  values: [
    { key: 'missing', name: '缺失' },
    { key: 'broken', name: '破损' },
    { key: 'displaced', name: '移位' },
    { key: 'uneven', name: '高于或低于路面' },
  ],
};

describe('Open311 service definitions and their questions', () => {
  let harness: IntakeTestApp;
  let mediaDir: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    mediaDir = harness.app.config.mediaDir;
  });
  redisTest.afterAll(async () => harness.close());

  const get = (url: string) => harness.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
  const post = (format: 'json' | 'xml', fields: Record<string, string>, remoteAddress?: string) =>
    harness.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
      ...(remoteAddress === undefined ? {} : { remoteAddress }),
    });

  redisTest('services that ask questions say metadata true; their definition lists them (JSON)', async () => {
    const services = (await get('services.json?jurisdiction_id=1501')).json() as Array<{
      service_code: string;
      metadata: boolean;
    }>;
    const metadata = (code: string) => services.find((s) => s.service_code === code)?.metadata;
    expect(metadata('C0101')).toBe(true);
    expect(metadata('C0402')).toBe(true);
    expect(metadata('E0101')).toBe(false);

    const manhole = await get('services/C0101.json?jurisdiction_id=1501');
    expect(manhole.statusCode, manhole.body).toBe(200);
    expect(manhole.json()).toEqual({ service_code: 'C0101', attributes: [manholeAttribute] });
    const tree = (await get('services/C0402.json')).json();
    expect(tree.attributes).toEqual([
      {
        variable: true,
        code: 'trunk_diameter',
        datatype: 'number',
        required: true,
        datatype_description: '厘米 (cm)',
        order: 1,
        description: '树干直径',
      },
      expect.objectContaining({ code: 'blocking', datatype: 'singlevaluelist', required: false, order: 2 }),
    ]);
    expect((await get('services/E0101.json')).json()).toEqual({ service_code: 'E0101', attributes: [] });
  });

  redisTest('the service definition in XML has the spec’s elements', async () => {
    const answer = await get('services/C0101.xml');
    expect(answer.headers['content-type']).toMatch(/^text\/xml/);
    const doc = xml.parse(answer.body);
    expect(doc.service_definition.service_code).toBe('C0101');
    const [attribute] = doc.service_definition.attributes.attribute;
    expect(attribute).toEqual({
      variable: true,
      code: 'cover_type',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: '',
      order: 1,
      description: '井盖类型',
      values: { value: manholeAttribute.values },
    });
    const services = xml.parse((await get('services.xml')).body).services.service as Array<{
      service_code: string;
      metadata: boolean;
    }>;
    expect(services.find((s) => s.service_code === 'C0101')?.metadata).toBe(true);
  });

  redisTest(
    'a POST without a required answer, or with a value not among the keys, is the spec’s 400',
    async () => {
      const fields = { api_key: apiKey, service_code: 'C0101', ...at, description: '井盖没了' };
      const missing = await post('json', fields);
      expect(missing.statusCode, missing.body).toBe(400);
      expect(missing.json()).toEqual([
        { code: 400, description: expect.stringContaining('attribute[cover_type]') },
      ]);
      const missingXml = await post('xml', fields);
      expect(missingXml.statusCode).toBe(400);
      expect(xml.parse(missingXml.body).errors.error).toEqual([
        { code: 400, description: expect.stringContaining('attribute[cover_type]') },
      ]);
      const offList = await post('json', { ...fields, 'attribute[cover_type]': 'stolen' });
      expect(offList.statusCode).toBe(400);
      expect(offList.json()[0].description).toMatch(/'stolen' is not one of its keys/);
      const notANumber = await post('json', {
        ...fields,
        service_code: 'C0402',
        'attribute[trunk_diameter]': 'thick',
      });
      expect(notANumber.statusCode).toBe(400);
      expect(notANumber.json()[0].description).toMatch(/attribute\[trunk_diameter\] must be a number/);
    },
  );

  redisTest('answers are kept on the case: staff read question and answer in both languages', async () => {
    const created = await post('json', {
      api_key: apiKey,
      service_code: 'C0402',
      ...at,
      description: '行道树枯死倒伏',
      'attribute[trunk_diameter]': '35',
      'attribute[blocking]': 'yes',
      'attribute[unknown]': 'ignored',
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseNo: string = created.json()[0].service_request_id;
    const { rows } = await harness.app.db.execute<{ id: string }>(
      sql`select id from cases where case_no = ${caseNo}`,
    );
    const lead = bearer((await loginAs(harness.app, 'shiftlead1')).token);
    const detail = await harness.app.inject({ url: `/api/cases/${rows[0]?.id}`, headers: lead });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().answers).toEqual([
      {
        code: 'trunk_diameter',
        question: '树干直径',
        questionEn: 'Trunk diameter',
        value: '35',
        answer: '35',
        answerEn: '35',
      },
      {
        code: 'blocking',
        question: '是否影响通行',
        questionEn: 'Does it block the way?',
        value: 'yes',
        answer: '是',
        answerEn: 'Yes',
      },
    ]);
    // What the public reads of it says nothing of the answers.
    expect((await get(`requests/${caseNo}.json`)).body).not.toContain('trunk_diameter');
  });

  redisTest('a refused POST with a photo stores no photo; an accepted one does', async () => {
    const stored = async () => {
      const { rows } = await harness.app.db.execute<{ n: number }>(sql`select count(*)::int as n from media`);
      const files = await readdir(mediaDir, { recursive: true, withFileTypes: true });
      return { rows: rows[0]?.n ?? 0, files: files.filter((f) => f.isFile()).length };
    };
    const photo = await jpegPhoto({ colour: '#c81' });
    const send = (fields: Record<string, string>) => {
      const body = multipartBody(photo, 'cover.jpg', 'image/jpeg', { fields, fileField: 'media' });
      return harness.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: body.headers,
        payload: body.payload,
      });
    };
    const before = await stored();
    const base = { api_key: apiKey, service_code: 'C0101', ...at };
    for (const refused of [
      base, // the required answer missing
      { ...base, 'attribute[cover_type]': 'missing', lat: '39.9', long: '116.4' }, // outside every grid
      { ...base, 'attribute[cover_type]': 'missing', service_code: 'C9999' }, // no such service
    ]) {
      const answer = await send(refused);
      expect(answer.statusCode, answer.body).toBeGreaterThanOrEqual(400);
    }
    expect(await stored()).toEqual(before);
    const accepted = await send({ ...base, 'attribute[cover_type]': 'missing' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(await stored()).toEqual({ rows: before.rows + 1, files: before.files + 1 });
  });

  redisTest(
    "the city's admin edits a category's questions: recorded, asked from the next request on",
    async () => {
      const admin = bearer((await loginAs(harness.app, 'admin')).token);
      const url = '/api/admin/catalogues/v2013/categories/E0101/questions';
      const put = (questions: object[], ifMatch?: string, headers = admin, query = '') =>
        harness.app.inject({
          method: 'PUT',
          url: `${url}${query}`,
          headers: { ...headers, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
          payload: { questions },
        });
      const pile = {
        code: 'pile_size',
        datatype: 'multivaluelist',
        required: true,
        description: '垃圾种类',
        descriptionEn: 'What kind of waste',
        order: 1,
        values: [
          { key: 'household', name: '生活垃圾', nameEn: 'Household waste' },
          { key: 'building', name: '建筑垃圾', nameEn: 'Building waste' },
        ],
      };
      const saved = await put([pile], '"0"');
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ categoryCode: 'E0101', city: '1501', version: 1 });
      expect(saved.headers.etag).toBe('"1"');

      const definition = (await get('services/E0101.json')).json();
      expect(definition.attributes).toEqual([
        expect.objectContaining({ code: 'pile_size', datatype: 'multivaluelist', required: true }),
      ]);
      const listed = (await get('services.json')).json() as Array<{
        service_code: string;
        metadata: boolean;
      }>;
      expect(listed.find((s) => s.service_code === 'E0101')?.metadata).toBe(true);
      // A multivaluelist answered with several keys.
      const created = await harness.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `api_key=${apiKey}&service_code=E0101&lat=${at.lat}&long=${at.long}&attribute[pile_size][]=household&attribute[pile_size][]=building`,
      });
      expect(created.statusCode, created.body).toBe(201);
      const { rows } = await harness.app.db.execute<{ data: { answers: unknown } }>(
        sql`select e.data from case_events e join cases c on c.id = e.case_id
          where c.case_no = ${created.json()[0].service_request_id} order by e.seq limit 1`,
      );
      expect(rows[0]?.data.answers).toEqual([
        expect.objectContaining({
          value: ['household', 'building'],
          answer: '生活垃圾、建筑垃圾',
          answerEn: 'Household waste, Building waste',
        }),
      ]);

      // Stale, bad or out of reach: refused, nothing changed.
      expect((await put([], '"0"')).statusCode).toBe(409);
      const bad = await put([{ ...pile, values: [] }], '"1"');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((await put([pile], undefined, admin, '?city=1502')).statusCode).toBe(403);
      const regionAdmin = bearer((await loginAs(harness.app, 'region-admin')).token);
      expect((await put([pile], undefined, regionAdmin)).statusCode).toBe(400);

      // Emptied: asks nothing again.
      expect((await put([], '"1"')).statusCode).toBe(200);
      expect((await get('services/E0101.json')).json().attributes).toEqual([]);

      const audit = await harness.app.inject({
        url: '/api/admin/audit?entity=category_questions&pageSize=200',
        headers: admin,
      });
      const entries = audit
        .json<{
          items: Array<{ entityKey: string; action: string; actor: string; before: unknown; after: unknown }>;
        }>()
        .items.filter((entry) => entry.entityKey === 'E0101@1501');
      expect(entries.map((entry) => entry.action).sort()).toEqual(['create', 'update']);
      expect(entries.find((entry) => entry.action === 'update')).toMatchObject({
        actor: 'admin',
        before: [expect.objectContaining({ code: 'pile_size' })],
        after: [],
      });
    },
  );

  redisTest('POSTs count against their api_key at its rate, whatever the headers or address', async () => {
    const secret = 'open311-rate-test-key';
    await harness.app.db.execute(sql`
      insert into api_keys (id, city, name, key_hash, scopes, source, rate_limit_per_minute)
      values ('apikey-rate-test', '1501', 'rate test', ${createHash('sha256').update(secret).digest('hex')},
              array['report:create'], 'public', 2)`);
    const fields = { api_key: secret, service_code: 'E0101', ...at };
    const statuses: number[] = [];
    for (const address of ['10.44.0.1', '10.44.0.2', '10.44.0.3']) {
      const answer = await harness.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        remoteAddress: address,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-api-key': `dodge-${address}`,
          'x-forwarded-for': address,
        },
        payload: new URLSearchParams(fields).toString(),
      });
      statuses.push(answer.statusCode);
      if (answer.statusCode === 400) {
        // The spec's status, the limit's own number as the error's code.
        expect(answer.json()).toEqual([{ code: 429, description: expect.any(String) }]);
        expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([201, 201, 400]);
    // Another key is not held up by it.
    expect((await post('json', { ...fields, api_key: apiKey }, '10.44.0.1')).statusCode).toBe(201);
  });
});
