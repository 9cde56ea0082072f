/**
 * 改派: the shift lead sends an officer to a verification or a check — choosing from the city's
 * officers, best first for the case — and the task moves with it: the earlier officer's is
 * cancelled and they may no longer act, the new one's is open and they may.
 */
import { listTasksOfCase } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { commandsOf, lifecycleForFile, walkTo } from './lifecycle-harness.js';

interface Officer {
  username: string;
  name: string;
  coversGrid: boolean;
  coversStreet: boolean;
  onDuty: boolean;
  openTasks: number;
}

describe('the shift lead reassigns an officer task (改派)', () => {
  const life = lifecycleForFile();

  const officersFor = async (caseId: string) => {
    const answer = await life.get('shiftlead1', `/api/dispatch/cases/${caseId}/officers`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return (answer.body as { officers: Officer[] }).officers;
  };

  redisTest('a verification goes to the officer chosen, and only they may verify', async ({ database }) => {
    const id = await walkTo(life, 'verifying');
    expect((await life.read(id)).assignee).toBe('officer1');

    // The case's own grid first, then its street, then the rest of the city.
    const officers = await officersFor(id);
    expect(officers[0]).toMatchObject({ username: 'officer1', coversGrid: true, onDuty: true });
    expect(officers[0]?.openTasks).toBeGreaterThan(0);
    const rank = (o: Officer) => (o.coversGrid ? 0 : o.coversStreet ? 1 : 2);
    const ranks = officers.map(rank);
    expect(ranks).toEqual([...ranks].sort());
    expect(officers.some((o) => !o.coversGrid && !o.coversStreet)).toBe(true);
    const other = officers.find((o) => o.username === 'officer2');
    expect(other, 'officer2 is an officer of the city').toBeDefined();

    const before = await life.read(id);
    const moved = await life.command('shiftlead1', `/api/dispatch/cases/${id}/reassign`, {
      officer: 'officer2',
      note: 'officer1 is at the hospital',
      expectedVersion: before.version,
    });
    expect(moved).toMatchObject({ state: 'verifying', assignee: 'officer2', version: before.version + 1 });
    // The business clock stands still here, so the tasks are told apart by the version that made them.
    const tasksOf = async () =>
      (await listTasksOfCase(database.db, id)).sort((a, b) => a.caseVersion - b.caseVersion);
    const tasks = await tasksOf();
    expect(tasks.map((t) => [t.assignee, t.kind, t.status])).toEqual([
      ['officer1', 'verification', 'cancelled'],
      ['officer2', 'verification', 'open'],
    ]);
    expect(tasks[1]?.fallback).toBe(!other?.coversGrid);
    const detail = await life.read(id);
    expect(commandsOf(detail).at(-1)).toBe('reassign');
    expect(detail.timeline.at(-1)?.data).toMatchObject({
      assignee: 'officer2',
      note: 'officer1 is at the hospital',
    });

    // The task is officer2's now.
    const byFormer = await life.post('officer1', `/api/dispatch/cases/${id}/verify`, { found: true });
    expect(byFormer.status).toBe(403);
    await life.command('officer2', `/api/dispatch/cases/${id}/verify`, { found: true });
    expect((await tasksOf()).map((t) => t.status)).toEqual(['cancelled', 'done']);
  });

  redisTest('a check goes to the officer chosen, as a check task', async ({ database }) => {
    const id = await walkTo(life, 'reviewing');
    const first = (await life.read(id)).assignee;
    const next = first === 'officer2' ? 'officer1' : 'officer2';
    const moved = await life.command('shiftlead1', `/api/dispatch/cases/${id}/reassign`, { officer: next });
    expect(moved).toMatchObject({ state: 'reviewing', assignee: next });
    const open = (await listTasksOfCase(database.db, id)).filter((t) => t.status === 'open');
    expect(open.map((t) => [t.assignee, t.kind])).toEqual([[next, 'check']]);
    await life.direct({
      caseId: id,
      command: { type: 'check', fixed: true },
      actor: { kind: 'user', username: next, roles: ['grid_officer'], departmentIds: [] },
    });
    expect((await life.read(id)).state).toBe('reviewed');
  });

  redisTest(
    'refuses the wrong caller, a stranger, the same officer, a stale version and a wrong state',
    async () => {
      const id = await walkTo(life, 'verifying');
      const url = `/api/dispatch/cases/${id}/reassign`;
      const problem = (answer: { status: number; body: unknown }) => [
        answer.status,
        (answer.body as { code?: string }).code,
      ];
      expect(problem(await life.post('dispatcher1', url, { officer: 'officer2' }))).toEqual([
        403,
        'FORBIDDEN',
      ]);
      expect((await life.get('dispatcher1', `/api/dispatch/cases/${id}/officers`)).status).toBe(403);
      expect(problem(await life.post('shiftlead1', url, { officer: 'dispatcher1' }))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
      expect(problem(await life.post('shiftlead1', url, { officer: 'nobody' }))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
      expect(problem(await life.post('shiftlead1', url, { officer: 'officer1' }))).toEqual([
        409,
        'TRANSITION_NOT_ALLOWED',
      ]);
      const seen = (await life.read(id)).version;
      await life.command('shiftlead1', url, { officer: 'officer2', expectedVersion: seen });
      expect(
        problem(await life.post('shiftlead1', url, { officer: 'officer1', expectedVersion: seen })),
      ).toEqual([409, 'VERSION_CONFLICT']);
      const filed = await walkTo(life, 'filed');
      expect(
        problem(
          await life.post('shiftlead1', `/api/dispatch/cases/${filed}/reassign`, { officer: 'officer2' }),
        ),
      ).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
      expect((await life.get('shiftlead1', '/api/dispatch/cases/no-such-case/officers')).status).toBe(404);
    },
  );
});
