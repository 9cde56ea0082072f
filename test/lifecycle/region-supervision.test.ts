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
import { lifecycleForFile, sanitation, turnRed, walkTo } from './lifecycle-harness.js';

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

  redisTest(
    'the region’s 督办 is the region desk’s alone: its direct command route refuses the region',
    async ({ database }) => {
      const region = bearer((await loginAs(life.app, 'region1')).token);
      const id = await walkTo(life, 'handling');
      await turnRed(life, id);

      // The region supervisor may 督办 the case (the case view offers it) — at the region desk only.
      const offered = await life.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: region });
      expect(offered.json().allowedCommands).toContain('superviseOrder');
      const direct = await life.app.inject({
        method: 'POST',
        url: `/api/dispatch/cases/${id}/supervise`,
        headers: region,
        payload: { note: '直接督办' },
      });
      expect(direct.statusCode, direct.body).toBe(403);
      expect(direct.json().code).toBe('FORBIDDEN');
      expect(await life.read(id)).toMatchObject({ supervised: false });
      const orders = await database.pool.query('select 1 from region_supervision_orders where case_id = $1', [
        id,
      ]);
      expect(orders.rowCount).toBe(0);

      // The city's supervision centre supervises it directly, with no order of the region.
      const city = await life.post('supervisor1', `/api/dispatch/cases/${id}/supervise`, { note: '尽快' });
      expect(city.status).toBe(200);
      expect(await life.read(id)).toMatchObject({ supervised: true, urgency: 'urgent' });
      expect(
        (await database.pool.query('select 1 from region_supervision_orders where case_id = $1', [id]))
          .rowCount,
      ).toBe(0);
    },
  );

  redisTest(
    'a city’s supervisor who also holds the region’s role issues 督办 on the city’s route within their own area only',
    async ({ database }) => {
      // A district supervisor of another district, granted the region's role as well: the region's
      // role sees every case, but the city's route is the supervisor's.
      await database.pool.query(
        `update users set roles = array['supervisor', 'region_supervisor'], area_code = '150103'
         where username = 'supervisor-150102'`,
      );
      const both = bearer((await loginAs(life.app, 'supervisor-150102')).token);
      const id = await walkTo(life, 'handling');
      await turnRed(life, id);
      expect((await life.read(id)).districtCode).toBe('150102');

      const direct = await life.app.inject({
        method: 'POST',
        url: `/api/dispatch/cases/${id}/supervise`,
        headers: both,
        payload: { note: '直接督办' },
      });
      expect(direct.statusCode, direct.body).toBe(404);
      expect(direct.json().code).toBe('NOT_FOUND');
      expect(await life.read(id)).toMatchObject({ supervised: false });
      // They still read the case, as the region's role lets them.
      const read = await life.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: both });
      expect(read.statusCode, read.body).toBe(200);
    },
  );
});
