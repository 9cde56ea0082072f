/**
 * The admin screen's calendar, duty rota and departments tabs against a stand-in backend, and the
 * region admin's city picker: what they show and what they send.
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type Call, fakeApi, problem } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import AdminView from './AdminView.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const officeDay = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];
const calendarOf = (city: string) => ({
  city,
  calendars: [
    {
      code: 'office',
      name: '办公日历',
      timeZone: 'Asia/Shanghai',
      followsPublicHolidays: true,
      weekly: { '1': officeDay, '2': officeDay, '3': officeDay, '4': officeDay, '5': officeDay },
      makeUpPeriods: [],
      version: 4,
    },
  ],
  knownUntil: '2026-12-31',
  loadedYears: [{ year: 2026, source: 'chinese-days' }],
  availableYears: [2026, 2027],
  year: 2026,
  days: [{ date: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'public', version: 1 }],
});

function screenApi(city: string | null, extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/auth/me': () => ({ json: { username: 'admin', roles: ['admin'], city } }),
    'GET /api/admin/audit': () => ({ json: { items: [], total: 0, page: 1, pageSize: 50 } }),
    'GET /api/admin/cities': () => ({
      json: {
        items: [
          { code: '1501', name: '呼和浩特', retiredOn: null },
          { code: '1502', name: '包头', retiredOn: null },
        ],
      },
    }),
    'GET /api/admin/calendars/1501': () => ({ json: calendarOf('1501') }),
    'GET /api/categories': () => ({
      json: [
        { code: 'C01001', kind: 'component', name: '上水井盖', nameEn: 'Manhole', handlingLimitMinutes: 480 },
      ],
    }),
    'POST /api/admin/calendars/1501/deadlines/preview': (call) => ({
      json: {
        calendar: 'office',
        rows: [
          {
            workMinutes: 480,
            due: '2026-03-10T10:00:00.000Z',
            beyondCalendar: false,
            ...((call.body as { days: unknown[]; hours?: unknown }).days.length > 0 ||
            (call.body as { hours?: unknown }).hours
              ? { proposed: { due: '2026-03-11T10:00:00.000Z', beyondCalendar: false } }
              : {}),
          },
        ],
      },
    }),
    ...extra,
  });
}

async function openTab(tab: string) {
  const wrapper = mountWithApp(AdminView);
  await flushPromises();
  await wrapper.find(`[data-tab="${tab}"]`).trigger('click');
  await flushPromises();
  return wrapper;
}

const last = (calls: Call[], method: string, path: string) =>
  calls.filter((c) => c.method === method && c.path === path).at(-1);

describe('the calendar tab', () => {
  it('previews a stage’s deadline, and what a day about to be set does to it', async () => {
    const { calls } = screenApi('1501');
    const wrapper = await openTab('calendar');
    expect(wrapper.find('[data-day="2026-10-01"]').text()).toContain('国务院通知');
    const preview = '/api/admin/calendars/1501/deadlines/preview';
    expect(last(calls, 'POST', preview)?.body).toMatchObject({
      stage: { categoryCode: 'C01001', stage: 'handle', urgency: 'normal' },
      days: [],
    });
    expect(wrapper.find('[data-test="preview-due"]').text()).toBe('2026-03-10 18:00');
    expect(wrapper.find('[data-test="preview-proposed"]').exists()).toBe(false);

    await wrapper.find('input[name="day-date"]').setValue('2026-03-10');
    await flushPromises();
    expect(last(calls, 'POST', preview)?.body).toMatchObject({
      days: [{ date: '2026-03-10', kind: 'holiday' }],
    });
    expect(wrapper.find('[data-test="preview-proposed"]').text()).toBe('2026-03-11 18:00');
  });

  it('edits a calendar’s hours: the preview tries them, the save names the version read', async () => {
    const { calls } = screenApi('1501', {
      'PUT /api/admin/calendars/1501/hours/office': () => ({ json: calendarOf('1501').calendars[0] }),
    });
    const wrapper = await openTab('calendar');
    const monday = wrapper.find('input[name="hours-1"]');
    expect((monday.element as HTMLInputElement).value).toBe('08:00-12:00, 14:00-18:00');
    const save = wrapper.find('[data-test="save-hours"]');
    expect(save.attributes('disabled')).toBeDefined();

    await monday.setValue('08:00-12:00, lunch');
    await flushPromises();
    expect(wrapper.find('[data-test="hours-invalid"]').exists()).toBe(true);

    await monday.setValue('08:30-12:00, 15:00-18:30');
    await flushPromises();
    const preview = last(calls, 'POST', '/api/admin/calendars/1501/deadlines/preview');
    expect(preview?.body).toMatchObject({
      hours: {
        calendar: 'office',
        weekly: {
          '1': [
            { start: '08:30', end: '12:00' },
            { start: '15:00', end: '18:30' },
          ],
        },
      },
    });
    await wrapper.find('[data-test="calendar-hours"] form').trigger('submit');
    await flushPromises();
    const put = last(calls, 'PUT', '/api/admin/calendars/1501/hours/office');
    expect(put?.headers['if-match']).toBe('"4"');
    expect(put?.body).toMatchObject({ weekly: { '2': officeDay }, makeUpPeriods: [] });
  });
});

describe('the duty rota tab', () => {
  it('lists the period’s shifts, and a refused workbook’s bad rows by number', async () => {
    const { calls } = screenApi('1501', {
      'GET /api/admin/rota/1501': () => ({
        json: {
          shifts: [
            { username: 'officer1', name: '张伟', startsAt: '2026-03-02 08:00', endsAt: '2026-03-02 16:00' },
          ],
        },
      }),
      'POST /api/admin/rota/1501/import': () => ({
        status: 400,
        json: {
          ...problem(400, 'VALIDATION_FAILED', 'rota: 2 bad row(s), nothing was imported').json,
          rowErrors: [
            { row: 3, column: '用户名', message: 'handler-1 is not an active officer of city 1501' },
            { row: 5, message: 'ends before it starts' },
          ],
        },
      }),
    });
    const wrapper = await openTab('rota');
    expect(wrapper.find('[data-shift="officer1"]').text()).toContain('2026-03-02 08:00');
    const input = wrapper.find('input[name="rota-file"]');
    Object.defineProperty(input.element, 'files', { value: [new Blob(['xlsx'])], configurable: true });
    await input.trigger('change');
    await flushPromises();
    const sent = last(calls, 'POST', '/api/admin/rota/1501/import');
    expect(sent?.query.get('from')).toBeTruthy();
    const rows = wrapper.findAll('[data-test="row-errors"] li');
    expect(rows.map((r) => r.attributes('data-row'))).toEqual(['3', '5']);
    expect(rows[0]?.text()).toContain('第 3 行');
  });
});

describe('the departments tab', () => {
  const department = {
    id: 'dept-1501-water',
    city: '1501',
    code: 'water',
    name: '水务局',
    nameEn: 'Water Bureau',
    parentId: null,
    contactName: null,
    contactPhone: null,
    calendarCode: 'office',
    retiredOn: null,
    version: 2,
  };
  it('edits a department’s contact in place with the version read, and retires one from a date', async () => {
    const { calls } = screenApi('1501', {
      'GET /api/admin/departments': () => ({ json: { departments: [department] } }),
      'PUT /api/admin/departments/dept-1501-water': () => ({ json: department }),
      'POST /api/admin/departments/dept-1501-water/retire': () =>
        problem(409, 'CONFLICT', 'the matrix names it'),
    });
    const wrapper = await openTab('departments');
    await wrapper.find('input[name="contact-water"]').setValue('王工');
    await wrapper.find('input[name="phone-water"]').setValue('0471-1234567');
    await wrapper.find('[data-test="save-department"]').trigger('click');
    await flushPromises();
    const put = last(calls, 'PUT', '/api/admin/departments/dept-1501-water');
    expect(put?.headers['if-match']).toBe('"2"');
    expect(put?.body).toEqual({
      code: 'water',
      name: '水务局',
      nameEn: 'Water Bureau',
      parentId: null,
      contactName: '王工',
      contactPhone: '0471-1234567',
    });
    await wrapper.find('input[name="retire-water"]').setValue('2027-01-01');
    await wrapper.find('[data-test="retire-department"]').trigger('click');
    await flushPromises();
    expect(last(calls, 'POST', '/api/admin/departments/dept-1501-water/retire')?.body).toEqual({
      retiredOn: '2027-01-01',
    });
    expect(wrapper.find('[role="alert"]').attributes('data-code')).toBe('CONFLICT');
  });
});

describe('a region admin', () => {
  it('picks the city the tabs work on from the cities they manage', async () => {
    const { calls } = screenApi(null, {
      'GET /api/admin/matrix/1502': () => ({
        json: { categories: [], areas: [], departments: [], cells: [] },
      }),
      'GET /api/admin/matrix/1502/gaps': () => ({ json: { gaps: [] } }),
      'GET /api/admin/matrix/1501': () => ({
        json: { categories: [], areas: [], departments: [], cells: [] },
      }),
      'GET /api/admin/matrix/1501/gaps': () => ({ json: { gaps: [] } }),
    });
    const wrapper = await openTab('matrix');
    const picker = wrapper.find('select[name="admin-city"]');
    expect(picker.findAll('option').map((o) => o.text())).toEqual(['呼和浩特 1501', '包头 1502']);
    expect(calls.some((c) => c.path === '/api/admin/matrix/1501')).toBe(true);
    await picker.setValue('1502');
    await flushPromises();
    expect(calls.some((c) => c.path === '/api/admin/matrix/1502')).toBe(true);
    // The gaps table keeps its headers and says there are none.
    const gaps = wrapper.find('[data-test="matrix-gaps"]');
    expect(gaps.findAll('th').length).toBe(3);
    expect(gaps.find('[data-test="empty"]').text()).toBe('每个分类在每个区县都有责任部门');
  });
});
