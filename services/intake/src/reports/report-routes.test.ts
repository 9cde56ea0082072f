import { cases } from '@urbangrid/db';
import { decryptPhone, loadConfig } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import {
  buildIntakeTestApp,
  type IntakeTestApp,
  insideHohhot,
  outsideEveryGrid,
} from '../test/intake-test-app.js';
import { multipartBody, pngPhoto } from '../test/photos.js';

const hotlineReport = {
  source: 'hotline',
  categoryCode: 'E0101',
  description: '路边垃圾堆积 garbage piled by the road',
  location: insideHohhot,
  address: '新华大街100号',
  reporter: { name: '王先生', phone: '13812345678' },
  callId: 'CALL-20261125-0001',
  wantsCallback: true,
};

describe('POST /api/intake/reports', () => {
  let harness: IntakeTestApp;
  const tokens: Record<string, string> = {};

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    for (const user of ['operator1', 'officer1', 'shiftlead1', 'dispatcher1']) {
      tokens[user] = (await loginAs(harness.app, user)).token;
    }
  });
  redisTest.afterAll(async () => harness.close());

  const post = (headers: Record<string, string>, payload: unknown) =>
    harness.app.inject({ method: 'POST', url: '/api/intake/reports', headers, payload: payload as object });

  redisTest(
    'a hotline operator registers a call: the case keeps the caller, call id and callback wish',
    async ({ database }) => {
      const response = await post(bearer(tokens.operator1 ?? ''), hotlineReport);
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({
        source: 'hotline',
        state: 'reported',
        categoryCode: 'E0101',
        address: '新华大街100号',
        // The operator calls back, so sees the number in full.
        reporter: { name: '王先生', phone: '13812345678' },
        possibleDuplicates: [],
      });
      expect(body.gridCode).toMatch(/^1501\d{11}$/);
      const [row] = await database.db.select().from(cases).where(eq(cases.id, body.id));
      expect(row?.callId).toBe('CALL-20261125-0001');
      expect(row?.wantsCallback).toBe(true);
      // Stored encrypted, never in clear.
      expect(row?.reporterPhoneEnc).not.toContain('13812345678');
      expect(
        decryptPhone(loadConfig({ NODE_ENV: 'test' }).phoneEncryptionKey, row?.reporterPhoneEnc ?? ''),
      ).toBe('13812345678');
    },
  );

  redisTest('a grid officer’s report starts verified', async () => {
    const response = await post(bearer(tokens.officer1 ?? ''), {
      source: 'officer',
      categoryCode: 'C0101',
      description: 'manhole cover missing',
      location: insideHohhot,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ source: 'officer', state: 'verified', selfHandled: false });
  });

  redisTest('a self-handled officer report carries its after-photo and waits only for closing', async () => {
    const upload = multipartBody(await pngPhoto('#123'), 'after.png', 'image/png');
    const photo = await harness.app.inject({
      method: 'POST',
      url: '/api/intake/media',
      headers: { ...bearer(tokens.officer1 ?? ''), ...upload.headers },
      payload: upload.payload,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const withoutPhoto = await post(bearer(tokens.officer1 ?? ''), {
      source: 'officer',
      categoryCode: 'E0101',
      description: 'litter picked up',
      location: insideHohhot,
      selfHandled: true,
    });
    expectProblem(withoutPhoto, 400, 'VALIDATION_FAILED');
    const response = await post(bearer(tokens.officer1 ?? ''), {
      source: 'officer',
      categoryCode: 'E0101',
      description: 'litter picked up',
      location: insideHohhot,
      selfHandled: true,
      mediaIds: [photo.json().id],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ state: 'reviewed', selfHandled: true });
  });

  redisTest(
    'integration keys report as their own source (public app, video analytics, hotline system)',
    async () => {
      for (const [key, source] of [
        ['open311-demo-key', 'public'],
        ['open311-demo-key', 'app'],
        ['video-demo-key', 'video'],
        ['hotline-demo-key', 'hotline'],
      ] as const) {
        const response = await post(
          { 'x-api-key': key },
          { source, categoryCode: 'E0505', description: `${source} report`, location: insideHohhot },
        );
        expect(response.statusCode, `${key} ${source}: ${response.body}`).toBe(201);
        expect(response.json()).toMatchObject({ source, state: 'reported', reporter: null });
      }
      const wrongSource = await post(
        { 'x-api-key': 'video-demo-key' },
        { source: 'hotline', categoryCode: 'E0505', description: 'x', location: insideHohhot },
      );
      expectProblem(wrongSource, 403, 'FORBIDDEN');
      const unknownKey = await post(
        { 'x-api-key': 'not-a-key' },
        { source: 'video', categoryCode: 'E0505', description: 'x', location: insideHohhot },
      );
      expectProblem(unknownKey, 401, 'UNAUTHENTICATED');
    },
  );

  redisTest('only operators, officers and keys report; an operator cannot pose as an officer', async () => {
    expectProblem(await post(bearer(tokens.dispatcher1 ?? ''), hotlineReport), 403, 'FORBIDDEN');
    expectProblem(await post(bearer(tokens.shiftlead1 ?? ''), hotlineReport), 403, 'FORBIDDEN');
    expectProblem(await post({}, hotlineReport), 401, 'UNAUTHENTICATED');
    expectProblem(
      await post(bearer(tokens.operator1 ?? ''), { ...hotlineReport, source: 'officer' }),
      403,
      'FORBIDDEN',
    );
  });

  redisTest('a point outside every grid answers OUTSIDE_GRID', async () => {
    const response = await post(bearer(tokens.operator1 ?? ''), {
      ...hotlineReport,
      location: outsideEveryGrid,
    });
    expectProblem(response, 404, 'OUTSIDE_GRID');
  });

  redisTest('bad bodies answer VALIDATION_FAILED naming the field', async () => {
    const bad = await post(bearer(tokens.operator1 ?? ''), {
      ...hotlineReport,
      categoryCode: 'X1',
      location: { lat: 91, lng: 0 },
    });
    const problem = expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(problem.errors)).toContain('categoryCode');
    const unknownCategory = await post(bearer(tokens.operator1 ?? ''), {
      ...hotlineReport,
      categoryCode: 'C0199',
    });
    expectProblem(unknownCategory, 400, 'VALIDATION_FAILED');
    const unknownPhoto = await post(bearer(tokens.operator1 ?? ''), {
      ...hotlineReport,
      mediaIds: ['no-such-photo'],
    });
    expectProblem(unknownPhoto, 400, 'VALIDATION_FAILED');
  });

  redisTest('the same Idempotency-Key returns the same case; another body with it is refused', async () => {
    const headers = { ...bearer(tokens.operator1 ?? ''), 'idempotency-key': 'call-42-submit' };
    const first = await post(headers, hotlineReport);
    const again = await post(headers, hotlineReport);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().caseNo).toBe(first.json().caseNo);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => post({ ...headers, 'idempotency-key': 'double-click' }, hotlineReport)),
    );
    expect(concurrent.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(concurrent.map((r) => r.json().id)).size).toBe(1);
    const changed = await post(headers, { ...hotlineReport, description: 'something else' });
    expectProblem(changed, 409, 'IDEMPOTENCY_KEY_REUSED');
  });
});
