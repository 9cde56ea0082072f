/**
 * Lights, supervision orders (督办) and live boards end to end: deadline timers fired by the moved
 * business clock turn a case yellow then red, every change reaches the WebSocket boards that may
 * see it, and a supervisor's order marks the case supervised and urgent on every queue.
 */

import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import type { WebSocket } from 'ws';
import {
  type Lifecycle,
  monday0900,
  type Person,
  sanitation,
  startLifecycle,
  walkTo,
} from './lifecycle-harness.js';

interface LiveEvent {
  type: string;
  caseId: string;
  state: string;
  version: number;
}

/** Collects a board's messages; `waitFor` resolves once one matches. */
function board(socket: WebSocket) {
  const received: LiveEvent[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as LiveEvent));
  return {
    received,
    async waitFor(match: (event: LiveEvent) => boolean, timeoutMs = 5000): Promise<LiveEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching live message within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}

const ids = (section: unknown) => (section as { items: { id: string }[] }).items.map((c) => c.id);

describe('lights, supervision orders and live boards', () => {
  let life: Lifecycle;
  const sockets: WebSocket[] = [];
  const connect = async (who: Person) => {
    const socket = await life.app.injectWS(`/api/live?token=${encodeURIComponent(life.tokens[who])}`);
    sockets.push(socket);
    return board(socket);
  };

  redisTest.beforeAll(async ({ database, redis }) => {
    life = await startLifecycle({ database, redis });
    await life.app.liveHub.subscribed();
  });
  redisTest.afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await life.close();
  });
  redisTest.beforeEach(() => {
    life.clock.now = new Date(monday0900);
  });

  redisTest('a case turns yellow then red; each board that may see it hears every change', async () => {
    const department = await connect('handler-sanitation-150102');
    const supervisor = await connect('supervisor1');
    const officer = await connect('officer1');
    const stranger = await connect('officer2');

    const id = await walkTo(life, 'handling');
    const handling = await department.waitFor((e) => e.caseId === id && e.state === 'handling');
    await supervisor.waitFor((e) => e.caseId === id && e.version === handling.version);
    // The grid's officer sees cases of their grids.
    await officer.waitFor((e) => e.caseId === id && e.state === 'handling');

    // 80 % of 240 working minutes from 09:00 is 14:12: yellow.
    life.clock.now = new Date('2026-03-02T14:30:00+08:00');
    await life.engine.fireDueDeadlines();
    expect((await life.read(id)).deadline.light).toBe('yellow');
    const yellow = await department.waitFor((e) => e.caseId === id && e.version > handling.version);
    await supervisor.waitFor((e) => e.caseId === id && e.version === yellow.version);

    // Past 15:00: red, and the department's queue lists it as overdue.
    life.clock.now = new Date('2026-03-02T15:30:00+08:00');
    await life.engine.fireDueDeadlines();
    expect((await life.read(id)).deadline).toMatchObject({ stage: 'handle', light: 'red' });
    await department.waitFor((e) => e.caseId === id && e.version > yellow.version);
    const queue = (await life.get('handler-sanitation-150102', '/api/handling/queues/department'))
      .body as Record<string, unknown>;
    expect(ids(queue.overdue)).toContain(id);
    const overdueList = await life.get('supervisor1', '/api/cases?overdue=true&state=handling');
    expect(ids(overdueList.body)).toContain(id);

    // Nothing of this reached an officer of other grids.
    expect(stranger.received.map((e) => e.caseId)).not.toContain(id);
  });

  redisTest(
    'a supervision order marks an overdue case supervised and urgent, and tells the department',
    async () => {
      const department = await connect('handler-sanitation-150102');
      const id = await walkTo(life, 'handling');

      // Only a red case can be supervised, and only by a supervisor.
      const green = await life.post('supervisor1', `/api/dispatch/cases/${id}/supervise`, { note: 'hurry' });
      expect(green).toMatchObject({ status: 409, body: { code: 'TRANSITION_NOT_ALLOWED' } });
      life.clock.now = new Date('2026-03-02T15:30:00+08:00');
      await life.engine.fireDueDeadlines();
      const byDispatcher = await life.post('dispatcher1', `/api/dispatch/cases/${id}/supervise`, {});
      expect(byDispatcher).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });

      const view = await life.command('supervisor1', `/api/dispatch/cases/${id}/supervise`, {
        note: 'residents complained twice',
      });
      expect(view).toMatchObject({
        state: 'handling',
        supervised: true,
        urgency: 'urgent',
        deadline: { light: 'red' },
      });
      await department.waitFor((e) => e.caseId === id && e.version === view.version);

      const detail = await life.read(id);
      expect(detail.timeline.at(-1)).toMatchObject({
        command: 'superviseOrder',
        actor: 'supervisor1',
        data: { note: 'residents complained twice' },
      });
      await life.engine.settle();
      const notice = life.engine.notices.find((n) => n.caseId === id && n.event === 'case.supervised');
      expect(notice).toMatchObject({ audience: 'department', departmentId: sanitation });
      expect(notice?.recipients).toContain('handler-sanitation-150102');

      // Every board shows it: the department's queue and the city desk's list.
      const queue = (await life.get('handler-sanitation-150102', '/api/handling/queues/department'))
        .body as Record<string, unknown>;
      const overdue = (queue.overdue as { items: { id: string; supervised: boolean }[] }).items;
      expect(overdue.find((c) => c.id === id)?.supervised).toBe(true);
    },
  );
});
