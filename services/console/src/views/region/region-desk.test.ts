/**
 * The region desk on screen: the attainment matrix red where short with 督办 on that target, the
 * review queue's return with a reason at the version seen, the city's report with the region's
 * reason and a bad value's problem in Chinese, publishing twice said clearly.
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../api/contract';
import { fakeApi, problem } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import AttainmentView from './AttainmentView.vue';
import CityReportsView from './CityReportsView.vue';
import RankingView from './RankingView.vue';
import ReportReviewView from './ReportReviewView.vue';

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const cell = (over: Record<string, unknown>) => ({
  code: 'GREEN_SPACE_RATE',
  name: '建成区绿地率',
  unit: '%',
  direction: 'atLeast',
  measuredBy: 'city',
  target: 35,
  value: 36,
  reportedFor: '2026-Q3',
  attainment: 1,
  gap: 0,
  met: true,
  ...over,
});

const report = (over: Record<string, unknown> = {}) => ({
  city: '1502',
  indicatorCode: 'GREEN_SPACE_RATE',
  period: '2026-Q4',
  state: 'submitted',
  version: 1,
  value: 30,
  note: null,
  evidence: ['m1'],
  returnReason: null,
  submittedBy: 'bt-supervisor1',
  submittedAt: '2026-11-02T01:00:00Z',
  decidedBy: null,
  decidedAt: null,
  ...over,
});

const regionUser = {
  id: 'u-region1',
  username: 'region1',
  displayName: '自治区监督员',
  roles: ['region_supervisor'],
  city: null,
  departmentId: null,
  areaCode: null,
  gridCodes: [],
  mustChangePassword: false,
  timeZones: {},
} as unknown as SessionUser;

describe('the region desk', () => {
  it('shows the matrix red where a city is short, and orders that target with a reason', async () => {
    const api = fakeApi({
      'GET /api/region/attainment': () => ({
        json: {
          period: '2026-10',
          published: false,
          rows: [
            { city: '1501', name: '呼和浩特市', cells: [cell({})] },
            {
              city: '1502',
              name: '包头市',
              cells: [cell({ value: null, attainment: 0, gap: null, met: false })],
            },
          ],
        },
      }),
      'POST /api/region/supervision-orders': (call) => ({
        status: 201,
        json: { id: 'rso-1', ...(call.body as object) },
      }),
    });
    const wrapper = mountWithApp(AttainmentView, { user: regionUser });
    await flushPromises();
    expect(wrapper.find('thead').text()).toContain('≥ 35 %');
    expect(wrapper.find('tr[data-city="1501"] td').attributes('data-state')).toBe('met');
    const short = wrapper.find('tr[data-city="1502"] td');
    expect(short.classes()).toContain('short');
    expect(short.text()).toContain('— / 35 %');

    await short.find('[data-test="order-target"]').trigger('click');
    await wrapper.find('[role="dialog"] textarea, [role="dialog"] input').setValue('限期整改');
    await wrapper.find('[role="dialog"]').trigger('submit');
    await flushPromises();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      city: '1502',
      indicatorCode: 'GREEN_SPACE_RATE',
      period: expect.any(String),
      reason: '限期整改',
    });
    expect(wrapper.find('[data-test="order-issued"]').text()).toContain('包头市');
  });

  it('returns a report with the reason at the version seen; waiting reports come first', async () => {
    const api = fakeApi({
      'GET /api/region/reports': () => ({
        json: [report({ indicatorCode: 'PARK_GREEN_PER_CAPITA', state: 'accepted' }), report({ version: 3 })],
      }),
      'POST /api/region/reports/1502/GREEN_SPACE_RATE/2026-Q4/review': () => ({
        json: report({ state: 'returned' }),
      }),
    });
    const wrapper = mountWithApp(ReportReviewView, { user: regionUser });
    await flushPromises();
    const rows = wrapper.findAll('tr[data-report]');
    expect(rows[0]?.attributes('data-state')).toBe('submitted');
    await rows[0]?.find('[data-test="return"]').trigger('click');
    await wrapper.find('[role="dialog"] textarea, [role="dialog"] input').setValue('缺少佐证材料');
    await wrapper.find('[role="dialog"]').trigger('submit');
    await flushPromises();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.headers['if-match']).toBe('"3"');
    expect(post?.body).toEqual({ decision: 'return', reason: '缺少佐证材料' });
  });

  it("shows the city the region's reason, and a bad value's problem in Chinese", async () => {
    fakeApi({
      'GET /api/region/targets': () => ({
        json: [
          {
            code: 'GREEN_SPACE_RATE',
            name: '建成区绿地率',
            nameEn: 'Green space',
            unit: '%',
            direction: 'atLeast',
            appliesTo: {},
            plan: 'p',
            periodKind: 'quarter',
            measuredBy: 'city',
            version: 1,
            targets: [{ year: 2018, value: 35, plan: 'p' }],
          },
        ],
      }),
      'GET /api/region/reports': (call) => ({
        json: call.query.get('period')?.includes('Q')
          ? [
              report({
                city: '1501',
                period: call.query.get('period'),
                state: 'returned',
                returnReason: '缺少佐证材料',
                version: 2,
              }),
            ]
          : [],
      }),
      'PUT /api/region/reports/1501/GREEN_SPACE_RATE/2026-Q4': () =>
        problem(400, 'VALUE_OUT_OF_RANGE', 'value: out of range', '数值 120 超出单位 % 的范围'),
    });
    const wrapper = mountWithApp(CityReportsView);
    await flushPromises();
    expect(wrapper.find('[data-test="return-reason"]').text()).toContain('缺少佐证材料');
    await wrapper.find('input[name="quarter"]').setValue('2026-Q4');
    await flushPromises();
    await wrapper.find('input[name="value"]').setValue('120');
    await wrapper.find('section.target form').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('数值 120 超出单位 % 的范围');
  });

  it('asks before publishing and says clearly when the period was published already', async () => {
    vi.stubGlobal('confirm', () => true);
    const ranking = { period: '2026-10', published: false, publishedAt: null, noData: [], rows: [] };
    fakeApi({
      'GET /api/region/ranking': () => ({ json: ranking }),
      'GET /api/region/bulletins/2026-10': () => ({ json: null }),
      'POST /api/region/ranking/2026-10/publish': () =>
        problem(409, 'CONFLICT', 'published', '2026-10 的排名通报已于 2026-11-01 发布，不能重复发布'),
    });
    const wrapper = mountWithApp(RankingView, { user: regionUser });
    await flushPromises();
    (wrapper.find('select[name="period"]').element as HTMLSelectElement).value = '2026-10';
    await wrapper.find('select[name="period"]').trigger('change');
    await flushPromises();
    await wrapper.find('[data-test="publish"]').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('不能重复发布');
  });
});
