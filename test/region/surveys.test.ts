/**
 * Public opinion surveys (民意调查) end to end: Hohhot's admin starts a campaign with a sample of
 * closed cases' reporters and public links; a citizen answers through the public page (no login,
 * once per link), the hotline records a sampled reporter's answer during the call, and the
 * satisfaction rates by city, district, department and category count them.
 */
import { surveyResultsByCity } from '@urbangrid/db';
import { demoGrid } from '@urbangrid/engine/test-support';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { lifecycleForFile, sanitation, walkCase } from '../lifecycle/lifecycle-harness.js';

interface Invitation {
  id: string;
  kind: 'case' | 'link';
  caseNo: string | null;
  token: string;
}

describe('public opinion surveys', () => {
  const life = lifecycleForFile();
  const as = async (username: string) => bearer((await loginAs(life.app, username)).token);
  const send = async (username: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    life.app.inject({
      method,
      url,
      headers: username === null ? {} : await as(username),
      payload: payload as Record<string, unknown>,
    });

  const campaign = {
    city: '1501',
    name: '2026年3月市容环境满意度调查',
    opensOn: '2026-03-02',
    closesOn: '2026-03-31',
    questions: [
      {
        code: 'clean',
        text: '您对街道整洁程度打几分？',
        textEn: 'How clean are the streets (1–5)?',
        kind: 'rating',
      },
      {
        code: 'again',
        text: '您还会再次反映问题吗？',
        textEn: 'Would you report a problem again?',
        kind: 'yesNo',
      },
      { code: 'say', text: '其他意见', textEn: 'Anything else', kind: 'text' },
    ],
    sample: { closedFrom: '2026-03-01T00:00:00+08:00', closedTo: '2026-03-03T00:00:00+08:00', size: 10 },
    publicLinks: 2,
  };

  redisTest(
    'answered through the public page and the hotline, counted in the rates by city, district, department and category',
    async () => {
      // A hotline caller's case, closed in Hohhot's loop: the sample draws its reporter.
      const reported = await send('operator1', 'POST', '/api/intake/reports', {
        source: 'hotline',
        categoryCode: 'E0101',
        description: '垃圾堆积',
        location: { lat: demoGrid.lat, lng: demoGrid.lng },
        reporter: { name: '张先生', phone: '13800138000' },
      });
      expect(reported.statusCode, reported.body).toBe(201);
      const caseId: string = reported.json().id;
      await life.engine.settle();
      await walkCase(life, caseId, 'reviewed');
      await life.command('shiftlead1', `/api/supervision/cases/${caseId}/close`);

      // A city's admin starts its own city's campaign only.
      expectProblem(
        await send('admin', 'POST', '/api/admin/surveys', { ...campaign, city: '1502' }),
        403,
        'FORBIDDEN',
      );
      const started = await send('admin', 'POST', '/api/admin/surveys', campaign);
      expect(started.statusCode, started.body).toBe(201);
      const invitations: Invitation[] = started.json().invitations;
      expect(invitations.map((i) => [i.kind, i.caseNo])).toEqual([
        ['case', reported.json().caseNo],
        ['link', null],
        ['link', null],
      ]);
      const [sampled, link, otherLink] = invitations as [Invitation, Invitation, Invitation];

      // The public page opens the link without a login: the questions and the city's districts.
      const page = await send(null, 'GET', `/api/public/surveys/${link.token}`);
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json()).toMatchObject({
        name: campaign.name,
        cityName: expect.any(String),
        open: true,
        answered: false,
      });
      expect(page.json().districts.map((d: { code: string }) => d.code)).toContain('150102');
      expect(JSON.stringify(page.json())).not.toContain('13800138000');

      // Bad answers: every question named, in English and zh-CN.
      const bad = await send(null, 'POST', `/api/public/surveys/${link.token}/answers`, {
        satisfaction: 'satisfied',
        answers: { clean: 6, nope: 1 },
      });
      const problem = expectProblem(bad, 400, 'VALIDATION_FAILED') as {
        detailZh: string;
        errors: { path: string; messageZh: string }[];
      };
      expect(problem.errors.map((e) => e.path)).toEqual(['answers.clean', 'answers.again', 'answers.nope']);
      expect(problem.detailZh).toContain('1 至 5 分');
      expectProblem(
        await send(null, 'POST', `/api/public/surveys/${link.token}/answers`, {
          satisfaction: 'very',
          answers: {},
        }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await send(null, 'POST', `/api/public/surveys/${link.token}/answers`, {
          satisfaction: 'satisfied',
          answers: { clean: 4, again: true },
          districtCode: '150299',
        }),
        400,
        'VALIDATION_FAILED',
      );

      const answer = {
        satisfaction: 'satisfied',
        answers: { clean: 4, again: true },
        districtCode: '150102',
      };
      const first = await send(null, 'POST', `/api/public/surveys/${link.token}/answers`, answer);
      expect(first.statusCode, first.body).toBe(201);
      const second = await send(null, 'POST', `/api/public/surveys/${link.token}/answers`, answer);
      expect((expectProblem(second, 409, 'CONFLICT') as { detailZh: string }).detailZh).toContain('已经提交');
      expect((await send(null, 'GET', `/api/public/surveys/${link.token}`)).json().answered).toBe(true);
      const unknown = await send(null, 'GET', `/api/public/surveys/${'x'.repeat(32)}`);
      expect(expectProblem(unknown, 404, 'NOT_FOUND').detailZh).toEqual(expect.any(String));

      // The hotline calls the sampled reporter and records the answers during the call.
      const calls = await send('operator1', 'GET', '/api/intake/survey-calls');
      expect(calls.json().items.map((i: { invitationId: string }) => i.invitationId)).toEqual([sampled.id]);
      const called = await send('operator1', 'POST', `/api/intake/survey-calls/${sampled.id}`, {
        satisfaction: 'unsatisfied',
        answers: { clean: 2, again: false, say: '处理太慢' },
      });
      expect(called.statusCode, called.body).toBe(201);
      expect((await send('operator1', 'GET', '/api/intake/survey-calls')).json().items).toEqual([]);
      // Its link is the same invitation: answered once.
      expectProblem(
        await send(null, 'POST', `/api/public/surveys/${sampled.token}/answers`, answer),
        409,
        'CONFLICT',
      );
      expect(otherLink.token).not.toBe(link.token);

      const rates = async (groupBy: string) => {
        const response = await send('region1', 'GET', `/api/region/surveys/rates?groupBy=${groupBy}`);
        expect(response.statusCode, response.body).toBe(200);
        return response.json().rows as { key: string; answers: number; satisfactionRate: number | null }[];
      };
      expect(await rates('city')).toEqual([
        expect.objectContaining({
          key: '1501',
          answers: 2,
          satisfied: 1,
          unsatisfied: 1,
          satisfactionRate: 0.5,
        }),
      ]);
      expect(await rates('district')).toEqual([
        expect.objectContaining({ key: '150102', answers: 2, satisfactionRate: 0.5 }),
      ]);
      expect(await rates('department')).toEqual([
        expect.objectContaining({ key: sanitation, answers: 1, satisfactionRate: 0 }),
      ]);
      expect(await rates('category')).toEqual([expect.objectContaining({ key: 'E0101', answers: 1 })]);
      // A city's staff read their own city's rates only.
      expectProblem(await send('admin', 'GET', '/api/region/surveys/rates?city=1502'), 403, 'FORBIDDEN');

      // What the ranking reads for the month.
      expect(
        await surveyResultsByCity(life.engine.context.db, {
          from: new Date('2026-03-01T00:00:00+08:00'),
          to: new Date('2026-04-01T00:00:00+08:00'),
        }),
      ).toEqual([{ city: '1501', answers: 2, satisfactionRate: 0.5 }]);
    },
  );
});
