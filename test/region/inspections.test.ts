/**
 * Inspections (检查考评) end to end: the region admin plans a round, the region's inspector
 * records a finding on the phone (photo + GPS), it becomes a case (source `inspection`) in
 * Hohhot's own loop, the city closes it on time, and the round's results show it fixed on time.
 */
import { randomUUID } from 'node:crypto';
import { adminAuditLog, inspectionResultsByCity } from '@urbangrid/db';
import { userActor } from '@urbangrid/domain';
import { demoGrid } from '@urbangrid/engine/test-support';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { jpegPhoto, multipartBody } from '../../services/intake/src/test/photos.js';
import { lifecycleForFile, sanitation } from '../lifecycle/lifecycle-harness.js';

interface RoundResults {
  cities: {
    city: string;
    findings: number;
    fixed: number;
    fixedOnTime: number;
    fixedOnTimeRate: number | null;
  }[];
  findings: { id: string; caseId: string; state: string; fixed: boolean; fixedOnTime: boolean }[];
}

describe('inspection rounds', () => {
  const life = lifecycleForFile();
  const as = async (username: string) => bearer((await loginAs(life.app, username)).token);
  const send = async (username: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    life.app.inject({
      method,
      url,
      headers: await as(username),
      payload: payload as Record<string, unknown>,
    });

  const round = {
    name: '2026年第一季度检查考评',
    cities: ['1501', '1502'],
    startsOn: '2026-03-02',
    endsOn: '2026-03-06',
    checklist: [
      { kind: 'target', code: 'GREEN_SPACE_RATE' },
      { kind: 'category', code: 'E0101', note: '暴露垃圾' },
    ],
  };

  redisTest(
    'a round is planned by the region admin only, with known cities and checklist lines',
    async () => {
      const cityAdmin = await send('admin', 'POST', '/api/admin/region/inspections', round);
      expectProblem(cityAdmin, 403, 'FORBIDDEN');
      const unknown = await send('region-admin', 'POST', '/api/admin/region/inspections', {
        ...round,
        cities: ['1501', '1599'],
        checklist: [{ kind: 'target', code: 'NO_SUCH_TARGET' }],
      });
      const problem = expectProblem(unknown, 400, 'VALIDATION_FAILED') as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path)).toEqual(['cities.1', 'checklist.0.code']);
      const backwards = await send('region-admin', 'POST', '/api/admin/region/inspections', {
        ...round,
        endsOn: '2026-03-01',
      });
      expectProblem(backwards, 400, 'VALIDATION_FAILED');
    },
  );

  redisTest(
    'a finding becomes a case in the city’s loop, closed on time, and the round shows it fixed on time',
    async () => {
      const planned = await send('region-admin', 'POST', '/api/admin/region/inspections', round);
      expect(planned.statusCode, planned.body).toBe(201);
      const roundId: string = planned.json().id;
      const audit = await life.engine.context.db
        .select()
        .from(adminAuditLog)
        .where(eq(adminAuditLog.entityKey, roundId));
      expect(audit).toMatchObject([
        { entity: 'inspection_round', action: 'create', actorUsername: 'region-admin' },
      ]);

      // The inspector's phone: the photo first (named to its city), then the finding with GPS.
      const inspector = await as('inspector1');
      const photo = multipartBody(
        await jpegPhoto({ takenAt: '2026:03:02 08:55:00', gps: { lat: demoGrid.lat, lng: demoGrid.lng } }),
        'finding.jpg',
        'image/jpeg',
      );
      const uploaded = await life.app.inject({
        method: 'POST',
        url: '/api/intake/media?city=1501',
        headers: { ...inspector, ...photo.headers },
        payload: photo.payload,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const finding = {
        id: randomUUID(),
        roundId,
        checklistItem: 'category:E0101',
        categoryCode: 'E0101',
        description: '公交站旁垃圾堆积未清运',
        location: { lat: demoGrid.lat, lng: demoGrid.lng },
        mediaIds: [uploaded.json().id],
      };
      const recorded = await send('inspector1', 'POST', '/api/intake/inspections/findings', finding);
      expect(recorded.statusCode, recorded.body).toBe(201);
      const caseId: string = recorded.json().case.id;
      expect(recorded.json()).toMatchObject({
        city: '1501',
        inspector: 'inspector1',
        case: { source: 'inspection', state: 'verified', city: '1501' },
      });

      // The phone sends it again (no answer came back): the same finding, the same case.
      const again = await send('inspector1', 'POST', '/api/intake/inspections/findings', finding);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().case.id).toBe(caseId);
      const { rows } = await life.engine.context.db.execute<{ n: number }>(
        `select count(*)::int as n from cases where source = 'inspection'`,
      );
      expect(rows[0]?.n).toBe(1);

      // Hohhot's own loop: file, dispatch, fix, check, close — all within the limits.
      await life.command('shiftlead1', `/api/dispatch/cases/${caseId}/file`);
      await life.command('dispatcher1', `/api/dispatch/cases/${caseId}/dispatch`, {
        departmentId: sanitation,
      });
      await life.command('handler-sanitation-150102', `/api/handling/cases/${caseId}/accept`);
      await life.command('handler-sanitation-150102', `/api/handling/cases/${caseId}/complete`, {
        note: '已清运',
      });
      await life.engine.settle();
      const checker = (await life.read(caseId)).assignee ?? 'officer1';
      await life.direct({
        caseId,
        command: { type: 'check', fixed: true },
        actor: userActor(checker, ['grid_officer']),
      });
      const closed = await life.command('shiftlead1', `/api/supervision/cases/${caseId}/close`);
      expect(closed.state).toBe('closed');

      const results = await send('region1', 'GET', `/api/region/inspections/${roundId}`);
      expect(results.statusCode, results.body).toBe(200);
      const body: RoundResults = results.json();
      expect(body.cities).toEqual([
        expect.objectContaining({ city: '1501', findings: 1, fixed: 1, fixedOnTime: 1, fixedOnTimeRate: 1 }),
        expect.objectContaining({
          city: '1502',
          findings: 0,
          fixed: 0,
          fixedOnTime: 0,
          fixedOnTimeRate: null,
        }),
      ]);
      expect(body.findings).toEqual([
        expect.objectContaining({ id: finding.id, caseId, state: 'closed', fixed: true, fixedOnTime: true }),
      ]);
      // What the ranking reads for the month.
      expect(
        await inspectionResultsByCity(life.engine.context.db, {
          from: new Date('2026-03-01T00:00:00+08:00'),
          to: new Date('2026-04-01T00:00:00+08:00'),
        }),
      ).toEqual([{ city: '1501', findings: 1, fixed: 1, fixedOnTime: 1, fixedOnTimeRate: 1 }]);
    },
  );

  redisTest(
    'a finding outside the round’s days, cities or checklist, or by someone else, is refused',
    async () => {
      const planned = await send('region-admin', 'POST', '/api/admin/region/inspections', {
        ...round,
        name: '只查包头',
        cities: ['1502'],
      });
      const roundId: string = planned.json().id;
      const finding = {
        id: randomUUID(),
        roundId,
        categoryCode: 'E0101',
        description: '垃圾',
        location: { lat: demoGrid.lat, lng: demoGrid.lng },
        mediaIds: ['none'],
      };
      expectProblem(
        await send('inspector1', 'POST', '/api/intake/inspections/findings', finding),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await send('inspector1', 'POST', '/api/intake/inspections/findings', { ...finding, mediaIds: [] }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await send('officer1', 'POST', '/api/intake/inspections/findings', finding),
        403,
        'FORBIDDEN',
      );
      const hohhotRound = await send('region-admin', 'POST', '/api/admin/region/inspections', {
        ...round,
        name: '下周',
        startsOn: '2026-03-09',
        endsOn: '2026-03-13',
      });
      expectProblem(
        await send('inspector1', 'POST', '/api/intake/inspections/findings', {
          ...finding,
          roundId: hohhotRound.json().id,
        }),
        409,
        'CONFLICT',
      );
    },
  );
});
