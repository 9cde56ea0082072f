import { caseCallers, cases } from '@urbangrid/db';
import { applyCommand, createEngineContext } from '@urbangrid/engine';
import { staff } from '@urbangrid/engine/test-support';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp, insideHohhot } from '../test/intake-test-app.js';

interface CaseAnswer {
  id: string;
  caseNo: string;
  state: string;
  version: number;
  callerId?: string;
}

interface Detail extends CaseAnswer {
  timeline: { command: string; data: Record<string, unknown> }[];
  callers?: { id: string; name: string | null; phone: string | null; description: string | null }[];
}

const callerPhone = '13955556666';
const callerEmail = 'second.caller@example.org';

describe('attaching a call to an open case (附加来电)', () => {
  let harness: IntakeTestApp;
  let operator: Record<string, string>;
  let shiftLead: Record<string, string>;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    operator = bearer((await loginAs(harness.app, 'operator1')).token);
    shiftLead = bearer((await loginAs(harness.app, 'shiftlead1')).token);
  });
  redisTest.afterAll(async () => harness.close());

  const report = async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/intake/reports',
      headers: operator,
      payload: {
        source: 'hotline',
        categoryCode: 'E0101',
        description: 'garbage piled at the corner',
        location: insideHohhot,
        reporter: { name: '王先生', phone: '13911112222' },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as CaseAnswer;
  };
  const attach = (caseId: string, key?: string, body: Record<string, unknown> = {}) =>
    harness.app.inject({
      method: 'POST',
      url: `/api/intake/cases/${caseId}/attach`,
      headers: { ...operator, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: {
        description: '同一处垃圾，第二位市民来电',
        reporter: { name: '李女士', phone: callerPhone, email: callerEmail },
        wantsCallback: true,
        ...body,
      },
    });
  const detail = async (caseId: string, headers = operator) => {
    const response = await harness.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Detail;
  };

  redisTest(
    "records the call on the case's log and adds the caller, sealed, masked to all but operators",
    async ({ database }) => {
      const original = await report();
      const response = await attach(original.id, 'attach-1');
      expect(response.statusCode, response.body).toBe(201);
      const answer = response.json() as CaseAnswer;
      expect(answer).toMatchObject({
        id: original.id,
        caseNo: original.caseNo,
        version: original.version + 1,
      });
      expect(answer.callerId).toEqual(expect.any(String));

      const seen = await detail(original.id);
      const event = seen.timeline.at(-1);
      expect(event?.command).toBe('attachCall');
      // The log names the caller's row only: nothing of them is in the hash-chained history.
      expect(event?.data).toEqual({ callerId: answer.callerId });
      expect(seen.callers).toEqual([
        expect.objectContaining({
          id: answer.callerId,
          name: '李女士',
          phone: callerPhone,
          description: '同一处垃圾，第二位市民来电',
          wantsCallback: true,
          updates: true,
          attachedBy: 'operator1',
        }),
      ]);
      expect((await detail(original.id, shiftLead)).callers?.[0]?.phone).toBe('139****6666');

      const [stored] = await database.db
        .select()
        .from(caseCallers)
        .where(eq(caseCallers.caseId, original.id));
      expect(JSON.stringify(stored)).not.toContain(callerPhone);
      expect(JSON.stringify(stored)).not.toContain(callerEmail);
      // The caller asked to be called back: theirs is due once the case ends; the reporter, who did
      // not ask, is not.
      expect(stored).toMatchObject({ wantsCallback: true, callbackReachedAt: null });
      const [row] = await database.db.select().from(cases).where(eq(cases.id, original.id));
      expect(row?.wantsCallback).toBe(false);
    },
  );

  redisTest(
    'the same Idempotency-Key again, even sent twice at once, is one attach',
    async ({ database }) => {
      const original = await report();
      const first = await attach(original.id, 'attach-twice');
      expect(first.statusCode, first.body).toBe(201);
      const again = await attach(original.id, 'attach-twice');
      expect(again.statusCode, again.body).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((again.json() as CaseAnswer).callerId).toBe((first.json() as CaseAnswer).callerId);

      const twins = await Promise.all([
        attach(original.id, 'attach-race'),
        attach(original.id, 'attach-race'),
      ]);
      for (const twin of twins) expect(twin.statusCode, twin.body).toBe(201);
      expect(new Set(twins.map((twin) => (twin.json() as CaseAnswer).callerId)).size).toBe(1);

      const callers = await database.db.select().from(caseCallers).where(eq(caseCallers.caseId, original.id));
      expect(callers).toHaveLength(2);
      const seen = await detail(original.id);
      expect(seen.timeline.filter((entry) => entry.command === 'attachCall')).toHaveLength(2);

      // The key with another caller is not a retry.
      const reused = await attach(original.id, 'attach-twice', { reporter: { name: '赵先生' } });
      expectProblem(reused, 409, 'IDEMPOTENCY_KEY_REUSED');
    },
  );

  redisTest('a race lost without a key answers 409 and attaches nothing', async ({ database }) => {
    const original = await report();
    const stale = await attach(original.id, undefined, { expectedVersion: original.version + 5 });
    expectProblem(stale, 409, 'VERSION_CONFLICT');
    const callers = await database.db.select().from(caseCallers).where(eq(caseCallers.caseId, original.id));
    expect(callers).toHaveLength(0);
  });

  redisTest(
    'an ended (closed) case takes no more calls: 409 in English and Chinese',
    async ({ database }) => {
      const original = await report();
      // 移交110 closes the case.
      await applyCommand(createEngineContext({ db: database.db }), {
        caseId: original.id,
        command: { type: 'handOverTo110', reason: '打架斗殴' },
        actor: staff.shiftLead,
      });
      const refused = await attach(original.id, 'attach-closed');
      const problem = expectProblem(refused, 409, 'TRANSITION_NOT_ALLOWED');
      expect(problem.detail).toContain('file this call as a new report');
      expect(problem.detailZh).toContain('请将本次来电作为新的上报受理');
      expect(String(problem.detail)).not.toContain(callerPhone);
      const callers = await database.db.select().from(caseCallers).where(eq(caseCallers.caseId, original.id));
      expect(callers).toHaveLength(0);
    },
  );

  redisTest('only intake operators attach calls; a bad email is refused', async () => {
    const original = await report();
    const byShiftLead = await harness.app.inject({
      method: 'POST',
      url: `/api/intake/cases/${original.id}/attach`,
      headers: shiftLead,
      payload: {},
    });
    expectProblem(byShiftLead, 403, 'FORBIDDEN');
    expectProblem(
      await attach(original.id, undefined, { reporter: { email: 'not-an-email' } }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
