/**
 * 督办 from the region on a case (POST /api/region/supervision-orders) is the engine's own
 * supervision order, as a city supervisor issues it: the case is marked supervised and urgent, its
 * log shows 督办 by the region's supervisor with the reason, the department whose turn it is gets
 * the urgent notice — and the order is listed for the region and the city.
 */
import { isUrgentNotice } from '@urbangrid/domain';
import { bearer, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { lifecycleForFile, sanitation, walkTo } from './lifecycle-harness.js';

describe('督办 from the region on a case', () => {
  const life = lifecycleForFile();

  redisTest('runs the engine’s supervision order: logged on the case, urgent to the department', async () => {
    const region = bearer((await loginAs(life.app, 'region1')).token);
    const order = (caseId: string) =>
      life.app.inject({
        method: 'POST',
        url: '/api/region/supervision-orders',
        headers: region,
        payload: { city: '1501', caseId, reason: '群众多次反映，请限期办结' },
      });
    const id = await walkTo(life, 'handling');

    // Not overdue yet: the engine refuses, nothing is recorded.
    const early = await order(id);
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().code).toBe('TRANSITION_NOT_ALLOWED');

    life.clock.now = new Date('2026-03-02T15:30:00+08:00');
    await life.engine.fireDueDeadlines();
    const issued = await order(id);
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toMatchObject({ subject: 'case', caseId: id, issuedBy: 'region1' });

    const detail = await life.read(id);
    expect(detail).toMatchObject({ supervised: true, urgency: 'urgent' });
    expect(detail.timeline.at(-1)).toMatchObject({
      command: 'superviseOrder',
      actor: 'region1',
      data: { note: '群众多次反映，请限期办结' },
    });

    await life.engine.settle();
    const notice = life.engine.notices.find((n) => n.caseId === id && n.event === 'case.supervised');
    expect(notice).toMatchObject({ audience: 'department', departmentId: sanitation });
    expect(notice?.recipients).toContain('handler-sanitation-150102');
    expect(isUrgentNotice('case.supervised')).toBe(true);

    const listed = await life.get('supervisor1', '/api/region/supervision-orders');
    expect(listed.body).toEqual([
      expect.objectContaining({ caseId: id, reason: '群众多次反映，请限期办结' }),
    ]);
  });
});
