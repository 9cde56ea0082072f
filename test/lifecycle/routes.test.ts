/**
 * The dispatch and handling routes as a whole: every role that may not issue a command is refused
 * in every state a case passes through, no input answers 5xx, and the shift lead's queue holds
 * what it promises.
 */
import { cases } from '@urbangrid/db';
import { humanCommands, type Role } from '@urbangrid/domain';
import { reportTestCase } from '@urbangrid/engine/test-support';
import { commandRoutesOf, fuzzRoutes, roleMatrixViolations } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { lifecycleForFile, type Person, sanitation, walkStates, walkTo } from './lifecycle-harness.js';

const ids = (section: unknown) => (section as { items: { id: string }[] }).items.map((c) => c.id);

describe('dispatch and handling routes', () => {
  const life = lifecycleForFile();

  redisTest(
    'every human command of the lifecycle has a route, found among the routes fastify registered',
    () => {
      const commands = new Set(commandRoutesOf(life.app).map((route) => route.command));
      expect([...commands].sort()).toEqual([...humanCommands].sort());
    },
  );

  redisTest('no role outside the lifecycle table gets through, in any state', async () => {
    const tokens: Partial<Record<Role, string>> = {
      intake_operator: life.tokens.operator1,
      shift_lead: life.tokens.shiftlead1,
      dispatcher: life.tokens.dispatcher1,
      supervisor: life.tokens.supervisor1,
      grid_officer: life.tokens.officer1,
      department_handler: life.tokens['handler-sanitation-150102'],
    };
    for (const state of walkStates) {
      const caseId = await walkTo(life, state);
      expect(await roleMatrixViolations(life.app, { caseId, tokens }), state).toEqual([]);
    }
  });

  redisTest(
    'each case view carries the commands its caller may apply now: lists, detail, answers',
    async () => {
      const id = await walkTo(life, 'verified');
      const allowed = async (who: Person, url: string) => {
        const answer = await life.get(who, url);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        return answer.body as { allowedCommands: string[] };
      };
      expect((await allowed('shiftlead1', `/api/cases/${id}`)).allowedCommands).toEqual([
        'file',
        'reject',
        'handOverTo110',
        'cancel',
      ]);
      expect((await allowed('dispatcher1', `/api/cases/${id}`)).allowedCommands).toEqual([]);
      const listed = (await life.get('shiftlead1', '/api/cases?state=verified')).body as {
        items: { id: string; allowedCommands: string[] }[];
      };
      expect(listed.items.find((item) => item.id === id)?.allowedCommands).toEqual([
        'file',
        'reject',
        'handOverTo110',
        'cancel',
      ]);
      const queue = (await life.get('shiftlead1', '/api/dispatch/queues/shift-lead')).body as {
        awaitingFiling: { items: { id: string; allowedCommands: string[] }[] };
      };
      expect(queue.awaitingFiling.items.find((item) => item.id === id)?.allowedCommands).toContain('file');

      // A command's answer is the case as its caller may now act on it.
      const filed = await life.command('shiftlead1', `/api/dispatch/cases/${id}/file`);
      expect(filed.allowedCommands).toEqual(['handOverTo110', 'cancel']);
      const dispatched = await life.command('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, {
        departmentId: sanitation,
      });
      expect(dispatched.allowedCommands).toEqual([]);
      const handling = await life.command('handler-sanitation-150102', `/api/handling/cases/${id}/accept`);
      expect(handling.allowedCommands).toEqual([
        'complete',
        'return',
        'requestExtension',
        'requestSuspension',
      ]);
      // Another department's handler sees nothing to do (its own case scope answers 404 first).
      expect((await life.get('handler-enforcement-150102', `/api/cases/${id}`)).status).toBe(404);
    },
  );

  redisTest('no input answers 5xx', async () => {
    const { case: reported } = await reportTestCase(life.engine.context);
    const mine = life.app.registeredRoutes.filter(
      (r) =>
        !r.websocket &&
        (r.url.startsWith('/api/dispatch') ||
          r.url.startsWith('/api/handling') ||
          r.url.startsWith('/api/cases')),
    );
    expect(mine.length).toBeGreaterThan(20);
    for (const token of [life.tokens.shiftlead1, life.tokens['handler-sanitation-150102']]) {
      await fuzzRoutes(life.app, { token, runs: 25, include: (r) => mine.includes(r) });
    }
    // The fuzzer never guesses a real id; a real one with random bodies must not break either.
    for (const path of ['verify', 'file', 'dispatch', 'cancel', 'reject', 'supervise']) {
      for (const body of [
        {},
        { expectedVersion: 0 },
        { reason: 7 },
        { departmentId: '' },
        { found: 'yes' },
      ]) {
        const answer = await life.post('shiftlead1', `/api/dispatch/cases/${reported.id}/${path}`, body);
        expect(answer.status).toBeLessThan(500);
      }
    }
  });

  redisTest(
    "the shift lead's queue: awaiting filing, flagged reports, pending cancellations",
    async ({ database }) => {
      const verified = await walkTo(life, 'verified');
      const { case: flagged } = await reportTestCase(life.engine.context, {
        flags: ['photo_far_from_point'],
      });
      const duplicate = await walkTo(life, 'filed');
      await database.db.update(cases).set({ duplicateOf: verified }).where(eq(cases.id, duplicate));

      const answer = await life.get('shiftlead1', '/api/dispatch/queues/shift-lead');
      expect(answer.status).toBe(200);
      const queue = answer.body as Record<
        string,
        { items: { id: string; deadline: { due: string | null } }[] }
      >;
      expect(ids(queue.awaitingFiling)).toContain(verified);
      expect(ids(queue.flaggedReports)).toContain(flagged.id);
      expect(ids(queue.flaggedReports)).not.toContain(verified);
      expect(ids(queue.pendingCancellations)).toEqual([duplicate]);
      // Earliest deadline first.
      const dues = (queue.awaitingFiling?.items ?? []).map((c) => c.deadline.due ?? '9999');
      expect(dues).toEqual([...dues].sort());

      // A queue is its role's alone.
      expect((await life.get('dispatcher1', '/api/dispatch/queues/shift-lead')).status).toBe(403);
      expect((await life.get('officer1', '/api/dispatch/queues/dispatcher')).status).toBe(403);
      expect((await life.get('dispatcher1', '/api/dispatch/queues/officer')).status).toBe(403);
      expect((await life.get('officer1', '/api/dispatch/queues/officer?lat=40.85')).status).toBe(400);
    },
  );
});
