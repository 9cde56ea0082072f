import { listTasksOfCase } from '@urbangrid/db';
import { reportTestCase, startTestEngine, type TestEngine } from '@urbangrid/engine/test-support';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { dispatchService } from './index.js';

const now = new Date('2026-03-02T09:00:00+08:00');
const iso = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('the duty rota (值班)', () => {
  let app: App;
  let engine: TestEngine;
  let lead: string;
  let dispatcher: string;
  let officer: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    engine = await startTestEngine({ database, redis, now: () => now });
    app = await buildTestApp(
      { database, redis },
      { services: [dispatchService({ engine: engine.context })] },
    );
    lead = (await loginAs(app, 'shiftlead1')).token;
    dispatcher = (await loginAs(app, 'dispatcher1')).token;
    officer = (await loginAs(app, 'officer1')).token;
  });
  redisTest.afterAll(async () => {
    await app.close();
    await engine.stop();
  });

  const addShift = (token: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/dispatch/duty', headers: bearer(token), payload: body });

  redisTest('the shift lead puts officers on duty; the desk sees who covers which grids when', async () => {
    const created = await addShift(lead, {
      officer: 'officer2',
      startsAt: iso('2026-03-02T07:30:00'),
      endsAt: iso('2026-03-02T15:30:00'),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      officer: 'officer2',
      onDutyNow: true,
      streetCodes: ['150102001'],
      startsAt: iso('2026-03-02T07:30:00'),
    });
    expect(created.json().gridCount).toBeGreaterThan(50);

    const listed = await app.inject({
      method: 'GET',
      url: `/api/dispatch/duty?gridCode=150102001001117&from=${encodeURIComponent(iso('2026-03-02T00:00:00'))}`,
      headers: bearer(dispatcher),
    });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().shifts.map((s: { officer: string }) => s.officer)).toEqual(['officer2']);
    const otherGrid = await app.inject({
      method: 'GET',
      url: '/api/dispatch/duty?gridCode=150102001001001',
      headers: bearer(dispatcher),
    });
    expect(otherGrid.json().shifts).toEqual([]);

    // One officer, one shift at a time.
    const overlapping = await addShift(lead, {
      officer: 'officer2',
      startsAt: iso('2026-03-02T15:00:00'),
      endsAt: iso('2026-03-02T20:00:00'),
    });
    expectProblem(overlapping, 409, 'CONFLICT');

    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/dispatch/duty/${created.json().id}`,
      headers: bearer(lead),
    });
    expect(removed.statusCode).toBe(204);
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/dispatch/duty/${created.json().id}`,
      headers: bearer(lead),
    });
    expectProblem(again, 404, 'NOT_FOUND');
  });

  redisTest(
    'of overlapping shifts added at once for one officer, one is kept and the rest answer 409',
    async () => {
      const answers = await Promise.all(
        [8, 9, 10, 11, 12].map((hour) =>
          addShift(lead, {
            officer: 'officer4',
            startsAt: iso(`2026-03-05T${String(hour).padStart(2, '0')}:00:00`),
            endsAt: iso(`2026-03-05T${String(hour + 6).padStart(2, '0')}:00:00`),
          }),
        ),
      );
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
      const listing = await app.inject({
        method: 'GET',
        url: `/api/dispatch/duty?from=${encodeURIComponent(iso('2026-03-05T00:00:00'))}&to=${encodeURIComponent(iso('2026-03-06T00:00:00'))}`,
        headers: bearer(dispatcher),
      });
      expect(listing.statusCode, listing.body).toBe(200);
      expect(listing.json().shifts.filter((s: { officer: string }) => s.officer === 'officer4')).toHaveLength(
        1,
      );
    },
  );

  redisTest('refuses what is not a shift, and anyone but the shift lead', async () => {
    const base = { startsAt: iso('2026-03-04T08:00:00'), endsAt: iso('2026-03-04T16:00:00') };
    expectProblem(await addShift(dispatcher, { officer: 'officer3', ...base }), 403, 'FORBIDDEN');
    expectProblem(await addShift(officer, { officer: 'officer1', ...base }), 403, 'FORBIDDEN');
    expectProblem(await addShift(lead, { officer: 'dispatcher1', ...base }), 400, 'VALIDATION_FAILED');
    expectProblem(await addShift(lead, { officer: 'bt-officer1', ...base }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await addShift(lead, { officer: 'officer3', startsAt: base.endsAt, endsAt: base.startsAt }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await addShift(lead, {
        officer: 'officer3',
        startsAt: base.startsAt,
        endsAt: iso('2026-03-06T08:00:00'),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await addShift(lead, { officer: 'officer3', startsAt: 'tomorrow', endsAt: base.endsAt }),
      400,
      'VALIDATION_FAILED',
    );
    const listing = await app.inject({ method: 'GET', url: '/api/dispatch/duty', headers: bearer(officer) });
    expectProblem(listing, 403, 'FORBIDDEN');
  });

  redisTest(
    'nobody of the grid on duty: the verification goes to an on-duty officer of the street, flagged',
    async ({ database }) => {
      // officer1 (grid 150102001001001) is on the rota but off duty now; officer2 of the same street is on.
      for (const [who, from, to] of [
        ['officer1', '2026-03-02T14:00:00', '2026-03-02T22:00:00'],
        ['officer2', '2026-03-02T08:00:00', '2026-03-02T16:00:00'],
      ] as const) {
        const answer = await addShift(lead, { officer: who, startsAt: iso(from), endsAt: iso(to) });
        expect(answer.statusCode, answer.body).toBe(201);
      }
      const { case: reported } = await reportTestCase(engine.context);
      await engine.settle();
      const tasks = await listTasksOfCase(database.db, reported.id);
      expect(tasks).toMatchObject([
        { kind: 'verification', assignee: 'officer2', fallback: true, status: 'open' },
      ]);

      // The task is on officer2's queue even though the grid is not theirs.
      const token = (await loginAs(app, 'officer2')).token;
      const queue = await app.inject({
        method: 'GET',
        url: '/api/dispatch/queues/officer',
        headers: bearer(token),
      });
      expect(queue.statusCode, queue.body).toBe(200);
      expect(queue.json().verificationTasks.items.map((c: { id: string }) => c.id)).toContain(reported.id);
    },
  );
});
