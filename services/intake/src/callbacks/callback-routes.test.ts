import { countCallbackOutcomes, countCallbackSatisfaction } from '@urbangrid/db';
import { applyCommand, createEngineContext } from '@urbangrid/engine';
import { staff } from '@urbangrid/engine/test-support';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp, insideHohhot } from '../test/intake-test-app.js';

interface DueItem {
  case: {
    id: string;
    caseNo: string;
    state: string;
    reporter: { name: string | null; phone: string | null };
  };
  reporterDue: boolean;
  callers: { id: string; name: string | null; phone: string | null; wantsCallback: boolean }[];
  attempts: number;
  lastAttemptAt: string | null;
}

describe('callbacks (回访)', () => {
  let harness: IntakeTestApp;
  let operator: Record<string, string>;
  let shiftLead: Record<string, string>;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    operator = bearer((await loginAs(harness.app, 'operator1')).token);
    shiftLead = bearer((await loginAs(harness.app, 'shiftlead1')).token);
  });
  redisTest.afterAll(async () => harness.close());

  const report = async (wantsCallback: boolean, phone: string) => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/intake/reports',
      headers: operator,
      payload: {
        source: 'hotline',
        categoryCode: 'E0101',
        description: 'garbage piled at the corner',
        location: insideHohhot,
        reporter: { name: '王先生', phone },
        wantsCallback,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; caseNo: string };
  };
  const end = (database: Parameters<typeof createEngineContext>[0]['db'], caseId: string) =>
    applyCommand(createEngineContext({ db: database }), {
      caseId,
      command: { type: 'reject', reason: 'not in our remit' },
      actor: staff.shiftLead,
    });
  const due = async () => {
    const response = await harness.app.inject({
      method: 'GET',
      url: '/api/intake/callbacks',
      headers: operator,
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: DueItem[] }).items;
  };
  const call = (caseId: string, body: Record<string, unknown>, headers = operator) =>
    harness.app.inject({
      method: 'POST',
      url: `/api/intake/cases/${caseId}/callback`,
      headers,
      payload: body,
    });

  redisTest(
    'lists ended cases whose caller asked for a call until one reaches them',
    async ({ database }) => {
      const asked = await report(true, '13911112222');
      const stillOpen = await report(true, '13911113333');
      const notAsked = await report(false, '13911114444');
      await end(database.db, asked.id);
      await end(database.db, notAsked.id);

      const listed = await due();
      const ids = listed.map((item) => item.case.id);
      expect(ids).toContain(asked.id);
      expect(ids).not.toContain(stillOpen.id);
      expect(ids).not.toContain(notAsked.id);
      // The operator calls, so sees the number in full.
      expect(listed.find((item) => item.case.id === asked.id)).toMatchObject({
        case: { state: 'rejected', reporter: { name: '王先生', phone: '13911112222' } },
        reporterDue: true,
        callers: [],
        attempts: 0,
        lastAttemptAt: null,
      });

      const noAnswer = await call(asked.id, { outcome: 'unreachable' });
      expect(noAnswer.statusCode, noAnswer.body).toBe(201);
      expect(noAnswer.json()).toMatchObject({
        caseId: asked.id,
        outcome: 'unreachable',
        calledBy: 'operator1',
      });
      const retry = (await due()).find((item) => item.case.id === asked.id);
      expect(retry).toMatchObject({ attempts: 1, lastAttemptAt: expect.any(String) });

      const reached = await call(asked.id, { outcome: 'satisfied', note: '对处理结果满意' });
      expect(reached.statusCode, reached.body).toBe(201);
      expect(reached.json()).toMatchObject({ outcome: 'satisfied', note: '对处理结果满意' });
      expect((await due()).map((item) => item.case.id)).not.toContain(asked.id);

      // A second operator who reaches the same caller learns it was done; nothing more is kept.
      expectProblem(await call(asked.id, { outcome: 'unsatisfied' }), 409, 'CONFLICT');
      expectProblem(await call(asked.id, { outcome: 'unreachable' }), 409, 'CONFLICT');
    },
  );

  redisTest(
    'a call attached to the case (附加来电) adds its caller to the list: everyone who asked is called back, no one else',
    async ({ database }) => {
      const notAsked = await report(false, '13911116666');
      const attach = (phone: string, wantsCallback: boolean) =>
        harness.app.inject({
          method: 'POST',
          url: `/api/intake/cases/${notAsked.id}/attach`,
          headers: operator,
          payload: { reporter: { name: '李女士', phone }, wantsCallback },
        });
      expect((await attach('13922227777', true)).statusCode).toBe(201);
      expect((await attach('13922226666', false)).statusCode).toBe(201);
      expect((await due()).map((item) => item.case.id)).not.toContain(notAsked.id);
      await end(database.db, notAsked.id);

      const listed = (await due()).find((item) => item.case.id === notAsked.id);
      expect(listed).toMatchObject({
        case: { reporter: { name: '王先生', phone: '13911116666' } },
        reporterDue: false,
        callers: [{ name: '李女士', phone: '13922227777', wantsCallback: true }],
      });
      expect(listed?.callers).toHaveLength(1);

      // Reached: nobody else of the case asked, so it leaves the list.
      const reached = await call(notAsked.id, { outcome: 'satisfied', callerId: listed?.callers[0]?.id });
      expect(reached.statusCode, reached.body).toBe(201);
      expect((await due()).map((item) => item.case.id)).not.toContain(notAsked.id);
    },
  );

  redisTest(
    'each attached caller’s callback is recorded as theirs; the case and the reports count its first answer alone',
    async ({ database }) => {
      const figures = async () => {
        const byDistrict = await countCallbackOutcomes(database.db, {
          city: '1501',
          by: 'district',
          from: new Date('2000-01-01T00:00:00Z'),
          to: new Date('2100-01-01T00:00:00Z'),
        });
        const district = {
          answered: byDistrict.reduce((sum, row) => sum + row.answered, 0),
          satisfied: byDistrict.reduce((sum, row) => sum + row.satisfied, 0),
        };
        const city = await countCallbackSatisfaction(database.db, {
          city: '1501',
          timeZone: 'Asia/Shanghai',
          fromDay: '2000-01-01',
          toDay: '2100-01-01',
        });
        return { district, city };
      };
      const asked = await report(true, '13911117777');
      const other = await report(true, '13911118888');
      const attach = (caseId: string, phone: string) =>
        harness.app.inject({
          method: 'POST',
          url: `/api/intake/cases/${caseId}/attach`,
          headers: operator,
          payload: { reporter: { name: '李女士', phone }, wantsCallback: true },
        });
      expect((await attach(asked.id, '13922228888')).statusCode).toBe(201);
      expect((await attach(other.id, '13922229999')).statusCode).toBe(201);
      await end(database.db, asked.id);
      await end(database.db, other.id);
      const callerOf = async (caseId: string) =>
        (await due()).find((item) => item.case.id === caseId)?.callers[0]?.id ?? '';
      const caller = await callerOf(asked.id);
      const otherCaller = await callerOf(other.id);
      const before = await figures();

      // A caller of another case, or none at all, is no caller of this one.
      expectProblem(await call(asked.id, { outcome: 'satisfied', callerId: otherCaller }), 404, 'NOT_FOUND');
      expectProblem(await call(asked.id, { outcome: 'satisfied', callerId: 'nobody' }), 404, 'NOT_FOUND');

      // The attached caller is reached first: theirs is the case's callback (as one call per case was).
      const unreached = await call(asked.id, { outcome: 'unreachable', callerId: caller });
      expect(unreached.statusCode, unreached.body).toBe(201);
      const first = await call(asked.id, { outcome: 'satisfied', callerId: caller });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ caseId: asked.id, callerId: caller, outcome: 'satisfied' });
      // The reporter, who asked too, is still due; the caller reached is not.
      expect((await due()).find((item) => item.case.id === asked.id)).toMatchObject({
        reporterDue: true,
        callers: [],
        attempts: 1,
      });
      // The reporter is called back, their answer theirs; each caller answers once.
      const reporter = await call(asked.id, { outcome: 'unsatisfied', note: '太慢了' });
      expect(reporter.statusCode, reporter.body).toBe(201);
      expect(reporter.json()).toMatchObject({ callerId: null, outcome: 'unsatisfied' });
      expect((await due()).map((item) => item.case.id)).not.toContain(asked.id);
      expectProblem(await call(asked.id, { outcome: 'satisfied', callerId: caller }), 409, 'CONFLICT');
      expectProblem(await call(asked.id, { outcome: 'satisfied' }), 409, 'CONFLICT');

      // The reports count one answered callback for the case, the first.
      const after = await figures();
      expect(after.district).toEqual({
        answered: before.district.answered + 1,
        satisfied: before.district.satisfied + 1,
      });
      expect(after.city).toEqual({
        answered: before.city.answered + 1,
        satisfied: before.city.satisfied + 1,
      });
    },
  );

  redisTest('refuses an open case, another role, an unknown case and a made-up outcome', async () => {
    const open = await report(true, '13911115555');
    expectProblem(await call(open.id, { outcome: 'satisfied' }), 409, 'TRANSITION_NOT_ALLOWED');
    expectProblem(await call(open.id, { outcome: 'satisfied' }, shiftLead), 403, 'FORBIDDEN');
    expectProblem(await call('no-such-case', { outcome: 'satisfied' }), 404, 'NOT_FOUND');
    expectProblem(await call(open.id, { outcome: 'happy' }), 400, 'VALIDATION_FAILED');
    const listing = await harness.app.inject({
      method: 'GET',
      url: '/api/intake/callbacks',
      headers: shiftLead,
    });
    expect(listing.statusCode).toBe(403);
  });
});
