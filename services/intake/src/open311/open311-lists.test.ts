import { applyCommand, createEngineContext } from '@urbangrid/engine';
import { caseInHandling, staff } from '@urbangrid/engine/test-support';
import { redisTest } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp, insideHohhot } from '../test/intake-test-app.js';

const apiKey = 'open311-demo-key';
const xml = new XMLParser({ isArray: (name) => ['request', 'error'].includes(name) });
type Listed = {
  service_request_id: string;
  expected_datetime: string | null;
  status: string;
  agency_responsible: string | null;
};

/** The lists' dates, pages and errors as GeoReport v2 has them. */
describe('Open311 lists: ISO dates, the 90-day window, pages, the expected fix and spec errors', () => {
  let harness: IntakeTestApp;
  const numbers: string[] = [];

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    // Five requests, one a day from 1 to 5 November (Beijing time), newest last.
    for (let day = 1; day <= 5; day++) {
      harness.setNow(new Date(`2026-11-0${day}T10:00:00+08:00`));
      const posted = await harness.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          api_key: apiKey,
          service_code: 'E0101',
          lat: String(insideHohhot.lat),
          long: String(insideHohhot.lng),
          description: `Bins overflowing, day ${day}`,
        }).toString(),
      });
      expect(posted.statusCode, posted.body).toBe(201);
      numbers.push(posted.json()[0].service_request_id);
    }
    harness.setNow(new Date('2026-11-20T10:00:00+08:00'));
  });
  redisTest.afterAll(async () => harness.close());

  const get = (url: string) => harness.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
  const ids = async (url: string) => {
    const answer = await get(url);
    expect(answer.statusCode, answer.body).toBe(200);
    return (answer.json() as Listed[]).map((r) => r.service_request_id);
  };
  const expectError = (answer: Awaited<ReturnType<typeof get>>, status: number, code = status) => {
    expect(answer.statusCode, answer.body).toBe(status);
    expect(answer.json()).toEqual([{ code, description: expect.any(String) }]);
  };

  redisTest('plain ISO dates are whole local days; date-times are instants', async () => {
    const [d1, d2, d3, d4] = numbers;
    expect(await ids('requests.json?start_date=2026-11-02&end_date=2026-11-03')).toEqual([d3, d2]);
    expect(await ids('requests.json?start_date=2026-11-04')).toEqual([numbers[4], d4]);
    expect(await ids('requests.json?end_date=2026-11-01')).toEqual([d1]);
    expect(
      await ids('requests.json?start_date=2026-11-02T09:00:00%2B08:00&end_date=2026-11-02T11:00:00%2B08:00'),
    ).toEqual([d2]);
    const doc = xml.parse((await get('requests.xml?start_date=2026-11-05&end_date=2026-11-05')).body);
    expect(
      doc.service_requests.request.map((r: { service_request_id: number }) => String(r.service_request_id)),
    ).toEqual([numbers[4]]);
  });

  redisTest('a window longer than 90 days, or reversed, is 400; none is the last 90 days', async () => {
    expectError(await get('requests.json?start_date=2026-01-01&end_date=2026-11-05'), 400);
    expectError(await get('requests.json?start_date=2026-11-05&end_date=2026-11-01'), 400);
    expect(await ids('requests.json')).toEqual([...numbers].reverse());
    harness.setNow(new Date('2027-03-01T10:00:00+08:00'));
    try {
      expect(await ids('requests.json')).toEqual([]);
    } finally {
      harness.setNow(new Date('2026-11-20T10:00:00+08:00'));
    }
  });

  redisTest('page_size and page walk the list, newest first; beyond their bounds is 400', async () => {
    const newestFirst = [...numbers].reverse();
    expect(await ids('requests.json?page_size=2')).toEqual(newestFirst.slice(0, 2));
    expect(await ids('requests.json?page_size=2&page=2')).toEqual(newestFirst.slice(2, 4));
    expect(await ids('requests.json?page_size=2&page=3')).toEqual(newestFirst.slice(4));
    expect(await ids('requests.json?page_size=2&page=4')).toEqual([]);
    expectError(await get('requests.json?page_size=1001'), 400);
    expectError(await get('requests.json?page_size=0'), 400);
    expectError(await get('requests.json?page_size=1000&page=52'), 400);
  });

  redisTest('expected_datetime is the handling deadline, then the closing one', async ({ database }) => {
    const engine = createEngineContext({ db: database.db, now: () => new Date('2026-11-20T10:00:00+08:00') });
    const { id, handler } = await caseInHandling(engine);
    const { rows } = await database.db.execute<{
      case_no: string;
      deadline_due: Date;
      deadline_stage: string;
    }>(sql`select case_no, deadline_due, deadline_stage from cases where id = ${id}`);
    const handling = rows[0];
    expect(handling?.deadline_stage).toBe('handle');
    const one = async () => ((await get(`requests/${handling?.case_no}.json`)).json() as Listed[])[0];
    expect((await one())?.expected_datetime).toBe(new Date(String(handling?.deadline_due)).toISOString());
    // The department it was dispatched to is the agency responsible, by its name.
    const agency = await database.db.execute<{ name: string }>(
      sql`select d.name from cases c join departments d on d.id = c.department_id where c.id = ${id}`,
    );
    expect(agency.rows[0]?.name).toBeTruthy();
    expect((await one())?.agency_responsible).toBe(agency.rows[0]?.name);

    await applyCommand(engine, { caseId: id, command: { type: 'complete' }, actor: handler });
    const after = await database.db.execute<{ deadline_due: Date | null; deadline_stage: string | null }>(
      sql`select deadline_due, deadline_stage from cases where id = ${id}`,
    );
    expect(['check', 'close']).toContain(after.rows[0]?.deadline_stage);
    const closing = after.rows[0]?.deadline_due;
    expect(closing).toBeTruthy();
    expect((await one())?.expected_datetime).toBe(new Date(String(closing)).toISOString());
    await applyCommand(engine, {
      caseId: id,
      command: { type: 'cancel', reason: 'test' },
      actor: staff.shiftLead,
    });
    expect((await one())?.expected_datetime).toBeNull();
  });

  redisTest('what the rest of the API answers 409, 413 or 415 is a 400 here, its number kept', async () => {
    const post = (headers: Record<string, string>, payload: string) =>
      harness.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers, payload });
    expectError(await post({ 'content-type': 'text/csv' }, 'a,b'), 400, 415);
    const form = {
      'content-type': 'application/x-www-form-urlencoded',
      'idempotency-key': 'open311-lists-1',
    };
    const fields = (description: string) =>
      new URLSearchParams({
        api_key: apiKey,
        service_code: 'E0101',
        lat: String(insideHohhot.lat),
        long: String(insideHohhot.lng),
        description,
      }).toString();
    expect((await post(form, fields('first'))).statusCode).toBe(201);
    expectError(await post(form, fields('another body, same key')), 400, 409);
    const xmlAnswer = await harness.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(xmlAnswer.statusCode).toBe(400);
    expect(xml.parse(xmlAnswer.body).errors.error).toEqual([{ code: 415, description: expect.any(String) }]);
  });
});
