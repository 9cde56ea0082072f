import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp, northOf } from '../test/intake-test-app.js';

// A spot of its own, so other tests' reports are not its neighbours.
const spot = { lat: 40.8205, lng: 111.6505 };

describe('duplicates', () => {
  let harness: IntakeTestApp;
  let operator: Record<string, string>;
  let shiftLead: Record<string, string>;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    operator = bearer((await loginAs(harness.app, 'operator1')).token);
    shiftLead = bearer((await loginAs(harness.app, 'shiftlead1')).token);
  });
  redisTest.afterAll(async () => harness.close());

  const report = async (
    location: { lat: number; lng: number },
    categoryCode = 'E0103',
    phone = '13900001111',
  ) => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/intake/reports',
      headers: operator,
      payload: {
        source: 'hotline',
        categoryCode,
        description: 'construction debris on the pavement',
        location,
        reporter: { name: '李女士', phone },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  const nearby = (location: { lat: number; lng: number }, categoryCode = 'E0103') =>
    harness.app.inject({
      method: 'GET',
      url: '/api/intake/duplicates',
      query: { categoryCode, lat: String(location.lat), lng: String(location.lng) },
      headers: operator,
    });

  redisTest('finds open cases of the category within 50 m and 72 h, and not beyond', async () => {
    harness.setNow(new Date('2026-11-20T02:00:00Z'));
    const old = await report(spot);
    harness.setNow(new Date('2026-11-24T02:00:00Z'));
    const recent = await report(northOf(spot, 20));
    const otherCategory = await report(northOf(spot, 10), 'E0101');
    const far = await report(northOf(spot, 120));

    harness.setNow(new Date('2026-11-24T03:00:00Z'));
    const fresh = await report(spot);
    const ids = fresh.possibleDuplicates.map((d: { id: string }) => d.id);
    expect(ids).toEqual([recent.id]);
    expect(ids).not.toContain(old.id); // older than 72 h
    expect(ids).not.toContain(otherCategory.id);
    expect(ids).not.toContain(far.id);
    expect(fresh.possibleDuplicates[0]).toMatchObject({
      caseNo: recent.caseNo,
      distanceMeters: expect.any(Number),
    });
    expect(fresh.possibleDuplicates[0].distanceMeters).toBeGreaterThan(15);
    expect(fresh.possibleDuplicates[0].distanceMeters).toBeLessThan(25);

    const before = await nearby(spot);
    expect(before.statusCode, before.body).toBe(200);
    // Nearest first: the fresh report at the spot itself, then the one 20 m away.
    expect(before.json().items.map((d: { id: string }) => d.id)).toEqual([fresh.id, recent.id]);
  });

  redisTest(
    'a shift lead rejects a report as a duplicate; its public tracking follows the original',
    async () => {
      harness.setNow(new Date('2026-11-25T02:00:00Z'));
      const place = northOf(spot, 500);
      const original = await report(place);
      const duplicate = await report(northOf(place, 5), 'E0103', '13700002222');
      expect(duplicate.possibleDuplicates.map((d: { id: string }) => d.id)).toEqual([original.id]);

      const byOperator = await harness.app.inject({
        method: 'POST',
        url: `/api/intake/cases/${duplicate.id}/duplicate-of`,
        headers: operator,
        payload: { originalId: original.id },
      });
      expectProblem(byOperator, 403, 'FORBIDDEN');
      const stale = await harness.app.inject({
        method: 'POST',
        url: `/api/intake/cases/${duplicate.id}/duplicate-of`,
        headers: shiftLead,
        payload: { originalId: original.id, expectedVersion: 99 },
      });
      expectProblem(stale, 409, 'VERSION_CONFLICT');
      const self = await harness.app.inject({
        method: 'POST',
        url: `/api/intake/cases/${duplicate.id}/duplicate-of`,
        headers: shiftLead,
        payload: { originalId: duplicate.id },
      });
      expectProblem(self, 400, 'VALIDATION_FAILED');

      const response = await harness.app.inject({
        method: 'POST',
        url: `/api/intake/cases/${duplicate.id}/duplicate-of`,
        headers: shiftLead,
        payload: { originalId: original.id },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ state: 'rejected', duplicateOf: original.id });
      // The shift lead sees the phone masked.
      expect(response.json().reporter.phone).toBe('137****2222');

      const again = await harness.app.inject({
        method: 'POST',
        url: `/api/intake/cases/${duplicate.id}/duplicate-of`,
        headers: shiftLead,
        payload: { originalId: original.id },
      });
      expectProblem(again, 409, 'TRANSITION_NOT_ALLOWED');

      const tracked = await harness.app.inject({
        method: 'GET',
        url: `/api/public/cases/${duplicate.caseNo}`,
      });
      expect(tracked.statusCode, tracked.body).toBe(200);
      expect(tracked.json()).toEqual({
        caseNo: duplicate.caseNo,
        state: 'reported', // the original's state, not 'rejected'
        categoryCode: 'E0103',
        createdAt: duplicate.createdAt,
        closedAt: null,
        followsCaseNo: original.caseNo,
      });
      // A rejected duplicate no longer counts as an open case nearby.
      const { items } = (await nearby(place)).json();
      expect(items.map((d: { id: string }) => d.id)).toEqual([original.id]);
    },
  );

  redisTest('bad queries answer VALIDATION_FAILED', async () => {
    const response = await harness.app.inject({
      method: 'GET',
      url: '/api/intake/duplicates',
      query: { categoryCode: 'nope', lat: 'x', lng: '200' },
      headers: operator,
    });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    const unknownCase = await harness.app.inject({
      method: 'POST',
      url: '/api/intake/cases/nope/duplicate-of',
      headers: shiftLead,
      payload: { originalId: 'also-nope' },
    });
    expectProblem(unknownCase, 404, 'NOT_FOUND');
  });
});
