import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { applyCommand, createEngineContext } from '@urbangrid/engine';
import { caseInHandling, staff } from '@urbangrid/engine/test-support';
import { bearer, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import exifr from 'exifr';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp, insideHohhot } from '../test/intake-test-app.js';
import { jpegPhoto, multipartBody } from '../test/photos.js';

const xml = new XMLParser({ isArray: (name) => ['request_update', 'request'].includes(name) });
interface Update {
  update_id: string;
  service_request_id: string;
  status: 'open' | 'closed';
  updated_datetime: string;
  description: string;
  media_url: string | null;
}

const t0 = new Date('2026-11-20T10:00:00+08:00');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
/** Where the after-photo was taken, in its EXIF: what must not leave with it. */
const photoGps = { lat: 40.851_234, lng: 111.701_234 };

describe('Open311 servicerequestupdates (FixMyStreet extension) and public photos', () => {
  let harness: IntakeTestApp;
  let officerCaseNo: string;
  let hotlineCaseNo: string;
  let afterPhotoId: string;
  let callerPhotoId: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    let now = t0;
    const engine = createEngineContext({ db: database.db, now: () => now });
    const upload = async (username: string, colour: string) => {
      const photo = multipartBody(
        await jpegPhoto({ colour, gps: photoGps, takenAt: '2026:11:20 10:05:00' }),
        'p.jpg',
        'image/jpeg',
      );
      const answer = await harness.app.inject({
        method: 'POST',
        url: '/api/intake/media',
        headers: { ...bearer((await loginAs(harness.app, username)).token), ...photo.headers },
        payload: photo.payload,
      });
      expect(answer.statusCode, answer.body).toBe(201);
      return answer.json().id as string;
    };

    // An officer's report, filed, dispatched and accepted at t0; fixed with an after-photo at t0+10'.
    const { id, handler } = await caseInHandling(engine);
    afterPhotoId = await upload('officer1', '#d42');
    now = minutes(10);
    await applyCommand(engine, {
      caseId: id,
      command: { type: 'complete' },
      actor: handler,
      data: { mediaIds: [afterPhotoId] },
    });
    const { rows } = await database.db.execute<{ case_no: string }>(
      sql`select case_no from cases where id = ${id}`,
    );
    officerCaseNo = rows[0]?.case_no ?? '';

    // A hotline call at t0+20' with the caller's number in the text and a photo of their own.
    callerPhotoId = await upload('operator1', '#2d4');
    harness.setNow(minutes(20));
    const called = await harness.app.inject({
      method: 'POST',
      url: '/api/intake/reports',
      headers: bearer((await loginAs(harness.app, 'operator1')).token),
      payload: {
        source: 'hotline',
        categoryCode: 'E0101',
        description: '垃圾三天没人清，请回电13912345678',
        location: insideHohhot,
        reporter: { name: '李秀英', phone: '13912345678' },
        mediaIds: [callerPhotoId],
      },
    });
    expect(called.statusCode, called.body).toBe(201);
    hotlineCaseNo = called.json().caseNo;
    now = minutes(30);
    await applyCommand(engine, {
      caseId: called.json().id,
      command: { type: 'cancel', reason: '重复来电，联系人李秀英 13912345678' },
      actor: staff.shiftLead,
    });
    harness.setNow(minutes(60));
  });
  redisTest.afterAll(async () => harness.close());

  const get = (url: string) => harness.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
  const updates = async (query = '') => {
    const answer = await get(`servicerequestupdates.json${query}`);
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as Update[];
  };
  const of = (list: Update[], caseNo: string) => list.filter((u) => u.service_request_id === caseNo);

  redisTest('each state change is an update, oldest first, with a public sentence', async () => {
    const all = await updates();
    const officer = of(all, officerCaseNo);
    expect(officer.map((u) => u.description)).toEqual([
      'Verified on site; waiting to be filed.',
      'Filed; being sent to the responsible department.',
      'Sent to the responsible department.',
      'The responsible department is working on it.',
      'The department reports it fixed; waiting for an on-site check.',
    ]);
    expect(officer.map((u) => u.status)).toEqual(['open', 'open', 'open', 'open', 'open']);
    for (const update of all) {
      expect(update).toEqual({
        update_id: expect.any(String),
        service_request_id: expect.stringMatching(/^\d{13}$/),
        status: expect.stringMatching(/^(open|closed)$/),
        updated_datetime: expect.any(String),
        description: expect.any(String),
        media_url: update.media_url === null ? null : expect.any(String),
      });
    }
    const times = all.map((u) => u.updated_datetime);
    expect(times).toEqual([...times].sort());
    expect(new Set(all.map((u) => u.update_id)).size).toBe(all.length);
    const hotline = of(all, hotlineCaseNo);
    expect(hotline.map((u) => u.status)).toEqual(['open', 'closed']);
    expect(hotline.at(-1)?.description).toBe('Cancelled.');
    // Nothing of the caller, nor the shift lead's note, leaves.
    const body = JSON.stringify(all);
    for (const secret of ['13912345678', '李秀英', '重复来电', 'shiftlead1', 'officer1']) {
      expect(body).not.toContain(secret);
    }
  });

  redisTest('the XML form carries the same updates', async () => {
    const json = await updates();
    const answer = await get('servicerequestupdates.xml');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/xml/);
    const doc = xml.parse(answer.body);
    const items = doc.service_request_updates.request_update as Array<Record<string, unknown>>;
    expect(items.map((u) => u.update_id)).toEqual(json.map((u) => u.update_id));
    expect(items.map((u) => String(u.service_request_id))).toEqual(json.map((u) => u.service_request_id));
    expect(items[0]).toMatchObject({ status: json[0]?.status, description: json[0]?.description });
  });

  redisTest('updated_after leaves its instant out; start_date and end_date keep theirs', async () => {
    const after = encodeURIComponent(t0.toISOString());
    const later = await updates(`?updated_after=${after}`);
    expect(of(later, officerCaseNo).map((u) => u.description)).toEqual([
      'The department reports it fixed; waiting for an on-site check.',
    ]);
    expect(of(later, hotlineCaseNo)).toHaveLength(2);
    const fromT0 = await updates(
      `?start_date=${after}&end_date=${encodeURIComponent(minutes(15).toISOString())}`,
    );
    expect(of(fromT0, officerCaseNo)).toHaveLength(5);
    expect(of(fromT0, hotlineCaseNo)).toHaveLength(0);
    const before = await updates(`?updated_before=${encodeURIComponent(minutes(30).toISOString())}`);
    expect(of(before, hotlineCaseNo).map((u) => u.status)).toEqual(['open']);
    // A plain date is the city's whole day; another day has nothing.
    expect(await updates('?start_date=2026-11-20&end_date=2026-11-20')).toHaveLength(7);
    expect(await updates('?start_date=2026-11-21')).toEqual([]);
    const tooLong = await get('servicerequestupdates.json?start_date=2026-01-01&end_date=2026-11-20');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toEqual([{ code: 400, description: expect.any(String) }]);
  });

  redisTest('page_size and page walk the feed', async () => {
    const all = await updates();
    const pages = [];
    for (let page = 1; page <= all.length + 1; page++)
      pages.push(...(await updates(`?page_size=2&page=${page}`)));
    expect(pages.map((u) => u.update_id)).toEqual(all.map((u) => u.update_id));
  });

  redisTest("the after-photo is public, without its EXIF; a caller's photo is not", async () => {
    const fixed = of(await updates(), officerCaseNo).at(-1);
    expect(fixed?.media_url).toMatch(new RegExp(`/open311/v2/media/${afterPhotoId}\\?jurisdiction_id=1501$`));
    const earlier = of(await updates(), officerCaseNo).slice(0, -1);
    expect(earlier.every((u) => u.media_url === null)).toBe(true);
    // The request shows it too: its first public photo.
    const request = (await get(`requests/${officerCaseNo}.json`)).json()[0];
    expect(request.media_url).toBe(fixed?.media_url);

    const photo = await get(`media/${afterPhotoId}?jurisdiction_id=1501`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(photo.rawPayload.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(await exifr.parse(photo.rawPayload, { gps: true }).catch(() => undefined)).toBeUndefined();
    const original = await jpegPhoto({ colour: '#d42', gps: photoGps, takenAt: '2026:11:20 10:05:00' });
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.any(Number) });

    // The hotline caller's photo, and a photo of nothing, are as unknown as each other.
    const caller = await get(`media/${callerPhotoId}`);
    expect(caller.statusCode).toBe(404);
    expect(caller.json()).toEqual([{ code: 404, description: expect.any(String) }]);
    expect((await get('media/nothing-here')).statusCode).toBe(404);
    expect(of(await updates(), hotlineCaseNo).every((u) => u.media_url === null)).toBe(true);
    expect((await get(`requests/${hotlineCaseNo}.json`)).json()[0].media_url).toBeNull();
  });

  redisTest('a multipart POST with a photo files the report; the photo is its media_url', async () => {
    const fields = {
      api_key: 'open311-demo-key',
      service_code: 'E0101',
      lat: String(insideHohhot.lat),
      long: String(insideHohhot.lng),
      description: 'Overflowing bin, photo attached',
    };
    const photo = await jpegPhoto({ colour: '#44d', gps: photoGps });
    const posted = async (format: 'json' | 'xml', bytes: Buffer, type = 'image/jpeg') => {
      const body = multipartBody(bytes, 'bin.jpg', type, { fields, fileField: 'media' });
      return harness.app.inject({
        method: 'POST',
        url: `/open311/v2/requests.${format}`,
        headers: body.headers,
        payload: body.payload,
      });
    };
    const created = await posted('json', photo);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json()[0].service_request_id as string;
    const request = (await get(`requests/${id}.json`)).json()[0];
    expect(request.description).toBe('Overflowing bin, photo attached');
    expect(request.media_url).toMatch(/\/open311\/v2\/media\/[^/?]+\?jurisdiction_id=1501$/);
    const served = await get(String(request.media_url).replace(/^.*\/open311\/v2\//, ''));
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(await exifr.parse(served.rawPayload, { gps: true }).catch(() => undefined)).toBeUndefined();
    // Its report is an update carrying the same photo.
    const reported = of(await updates(), id)[0];
    expect(reported?.media_url).toBe(request.media_url);

    const asXml = await posted('xml', await jpegPhoto({ colour: '#4d4' }));
    expect(asXml.statusCode, asXml.body).toBe(201);
    expect(xml.parse(asXml.body).service_requests.request[0].service_request_id).toBeTruthy();
    // Not a photo: the spec's 400, its own number (415) kept.
    const text = await posted('json', Buffer.from('not a photo at all'), 'text/plain');
    expect(text.statusCode).toBe(400);
    expect(text.json()).toEqual([{ code: 415, description: expect.any(String) }]);
  });

  redisTest(
    'a request the engine refuses after its photo was stored leaves no photo behind',
    async ({ database }) => {
      const post = async (description: string, bytes: Buffer) => {
        const body = multipartBody(bytes, 'bin.jpg', 'image/jpeg', {
          fields: {
            api_key: 'open311-demo-key',
            service_code: 'E0101',
            lat: String(insideHohhot.lat),
            long: String(insideHohhot.lng),
            description,
          },
          fileField: 'media',
        });
        return harness.app.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          headers: { ...body.headers, 'idempotency-key': 'open311-refused-photo' },
          payload: body.payload,
        });
      };
      const stored = async (bytes: Buffer) => {
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const { rows } = await database.db.execute<{ id: string }>(
          sql`select id from media where city = '1501' and sha256 = ${sha256}`,
        );
        const file = existsSync(path.join(harness.mediaDir, '1501', sha256.slice(0, 2), sha256));
        return { rows: rows.length, file };
      };
      const kept = await jpegPhoto({ colour: '#a4a' });
      const first = await post('Bin on fire', kept);
      expect(first.statusCode, first.body).toBe(201);

      // The same Idempotency-Key with another body: valid, stored, then refused by the engine (409).
      const refusedPhoto = await jpegPhoto({ colour: '#4aa' });
      const refused = await post('Another bin', refusedPhoto);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json()).toEqual([{ code: 409, description: expect.any(String) }]);
      expect(await stored(refusedPhoto)).toEqual({ rows: 0, file: false });

      // A refused request whose photo is an earlier upload's takes nothing from the earlier case.
      const again = await post('Another bin', kept);
      expect(again.json()).toEqual([{ code: 409, description: expect.any(String) }]);
      expect(await stored(kept)).toEqual({ rows: 1, file: true });
    },
  );
});
