import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { photoFlags } from '../reports/photo-checks.js';
import { buildIntakeTestApp, type IntakeTestApp, insideHohhot, northOf } from '../test/intake-test-app.js';
import { jpegPhoto, multipartBody, pngPhoto, webpPhoto } from '../test/photos.js';

describe('photos', () => {
  let harness: IntakeTestApp;
  let operator: Record<string, string>;
  let handler: Record<string, string>;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis }, { settings: { media: { maxBytes: 64 * 1024 } } });
    operator = bearer((await loginAs(harness.app, 'operator1')).token);
    const [handlerName] = (
      await database.db.execute<{ username: string }>(
        "select username from users where username like 'handler-%' order by username limit 1",
      )
    ).rows.map((r) => r.username);
    handler = bearer((await loginAs(harness.app, handlerName ?? 'admin')).token);
  });
  redisTest.afterAll(async () => harness.close());

  const upload = (headers: Record<string, string>, bytes: Buffer, filename: string, contentType: string) => {
    const body = multipartBody(bytes, filename, contentType);
    return harness.app.inject({
      method: 'POST',
      url: '/api/intake/media',
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };

  const report = (location: { lat: number; lng: number }, mediaIds: string[]) =>
    harness.app.inject({
      method: 'POST',
      url: '/api/intake/reports',
      headers: operator,
      payload: { source: 'app', categoryCode: 'E0101', description: 'rubbish', location, mediaIds },
    });

  redisTest('the type comes from the bytes: a .jpg name with PNG bytes is a PNG', async () => {
    const response = await upload(operator, await pngPhoto('#010203'), 'holiday.jpg', 'image/jpeg');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      contentType: 'image/png',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const webp = await upload(operator, await webpPhoto(), 'x.bin', 'application/octet-stream');
    expect(webp.json()).toMatchObject({ contentType: 'image/webp' });
  });

  redisTest('a text file is refused 415 whatever it is called; an empty or missing file is 400', async () => {
    const text = await upload(
      operator,
      Buffer.from('hello, this is not a photo\n'),
      'photo.jpg',
      'image/jpeg',
    );
    expectProblem(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const json = await harness.app.inject({
      method: 'POST',
      url: '/api/intake/media',
      headers: operator,
      payload: { file: 'x' },
    });
    expectProblem(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(
      await upload(operator, Buffer.alloc(0), 'empty.jpg', 'image/jpeg'),
      400,
      'VALIDATION_FAILED',
    );
  });

  redisTest('a malformed multipart body is 400 VALIDATION_FAILED, never a 500', async () => {
    const photo = await pngPhoto('#0a0b0c');
    const whole = multipartBody(photo, 'p.png', 'image/png');
    const boundary = whole.headers['content-type']?.split('boundary=')[1] ?? '';
    const malformed: Array<[string, Buffer | string, string]> = [
      [
        'cut off inside the photo',
        whole.payload.subarray(0, whole.payload.length - 40),
        whole.headers['content-type'] ?? '',
      ],
      [
        'no closing boundary',
        whole.payload.subarray(0, whole.payload.length - `--${boundary}--\r\n`.length),
        whole.headers['content-type'] ?? '',
      ],
      [
        'a part header without its end',
        `--${boundary}\r\nContent-Disposition: form-data; name="file"`,
        whole.headers['content-type'] ?? '',
      ],
      [
        'a part header that is not a header',
        `--${boundary}\r\n\u0000garbage\r\n\r\nabc\r\n--${boundary}--\r\n`,
        whole.headers['content-type'] ?? '',
      ],
      ['another boundary than announced', whole.payload, 'multipart/form-data; boundary=somethingelse'],
      ['no boundary at all', whole.payload, 'multipart/form-data'],
      ['an empty body', '', whole.headers['content-type'] ?? ''],
    ];
    for (const [what, payload, contentType] of malformed) {
      const response = await harness.app.inject({
        method: 'POST',
        url: '/api/intake/media',
        headers: { ...operator, 'content-type': contentType },
        payload,
      });
      expect(response.statusCode, `${what}: ${response.body}`).toBe(400);
      expectProblem(response, 400, 'VALIDATION_FAILED');
    }
  });

  redisTest('a photo over the size limit is refused 413', async () => {
    const big = Buffer.concat([await pngPhoto(), Buffer.alloc(80 * 1024)]);
    expectProblem(await upload(operator, big, 'big.png', 'image/png'), 413, 'PAYLOAD_TOO_LARGE');
  });

  redisTest('the same photo uploaded twice is stored once', async () => {
    const bytes = await jpegPhoto({ colour: '#445566' });
    const first = await upload(operator, bytes, 'a.jpg', 'image/jpeg');
    const second = await upload(handler, bytes, 'b.jpg', 'image/jpeg');
    expect(first.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
  });

  redisTest('EXIF time and GPS are kept', async () => {
    const response = await upload(
      operator,
      await jpegPhoto({
        takenAt: '2026:11:20 09:30:00',
        gps: { lat: 40.8333, lng: 111.675 },
        colour: '#101010',
      }),
      'exif.jpg',
      'image/jpeg',
    );
    const body = response.json();
    // Camera time without an offset is read in the city's zone (Asia/Shanghai, +08:00).
    expect(body.takenAt).toBe('2026-11-20T01:30:00.000Z');
    expect(body.gps.lat).toBeCloseTo(40.8333, 4);
    expect(body.gps.lng).toBeCloseTo(111.675, 4);
  });

  redisTest('a report whose photo was taken over 200 m away is flagged for the shift lead', async () => {
    harness.setNow(new Date('2026-11-25T02:00:00Z'));
    const far = await upload(
      operator,
      await jpegPhoto({ gps: northOf(insideHohhot, 450), takenAt: '2026:11:25 09:00:00', colour: '#202020' }),
      'far.jpg',
      'image/jpeg',
    );
    const near = await upload(
      operator,
      await jpegPhoto({ gps: northOf(insideHohhot, 40), takenAt: '2026:11:25 09:00:00', colour: '#303030' }),
      'near.jpg',
      'image/jpeg',
    );
    const flagged = await report(insideHohhot, [far.json().id]);
    expect(flagged.statusCode, flagged.body).toBe(201);
    expect(flagged.json().flags).toEqual([photoFlags.farFromLocation]);
    const clean = await report(insideHohhot, [near.json().id]);
    expect(clean.json().flags).toEqual([]);
  });

  redisTest('a report whose photo was taken long before is flagged', async () => {
    harness.setNow(new Date('2026-11-25T02:00:00Z'));
    const old = await upload(
      operator,
      await jpegPhoto({ gps: insideHohhot, takenAt: '2026:10:01 09:00:00', colour: '#404040' }),
      'old.jpg',
      'image/jpeg',
    );
    const response = await report(insideHohhot, [old.json().id]);
    expect(response.json().flags).toEqual([photoFlags.takenLongBefore]);
  });

  redisTest('a photo is served back with its content type to staff, not to strangers', async () => {
    const bytes = await pngPhoto('#505050');
    const { id } = (await upload(operator, bytes, 'p.png', 'image/png')).json();
    const response = await harness.app.inject({
      method: 'GET',
      url: `/api/intake/media/${id}`,
      headers: handler,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(response.rawPayload, bytes)).toBe(0);
    expectProblem(
      await harness.app.inject({ method: 'GET', url: `/api/intake/media/${id}` }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await harness.app.inject({ method: 'GET', url: '/api/intake/media/nope', headers: operator }),
      404,
      'NOT_FOUND',
    );
  });
});
