import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../api/contract';
import { createConsoleI18n } from '../i18n';
import { useNoticeInboxStore } from '../stores/notice-inbox';
import { fakeApi, problem } from '../test-support/fake-api';
import { mountWithApp } from '../test-support/mount';
import { testRouter } from '../test-support/router';
import NoticeBell from './NoticeBell.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const notice = (id: string, more: Partial<Notice> = {}): Notice => ({
  id,
  caseId: `case-${id}`,
  caseNo: `1501022607010${id.padStart(3, '0')}`,
  event: 'case.dispatched',
  data: null,
  urgent: false,
  audience: 'department',
  at: minutesAgo(Number(id)),
  read: false,
  ...more,
});

/** The inbox as the server keeps it; `unread` may say more than the list holds (it is capped). */
function inboxServer(stored: Notice[], unreadBeyond = 0) {
  const unread = () => stored.filter((n) => !n.read).length + unreadBeyond;
  return fakeApi({
    'GET /api/notices': () => ({ json: { items: stored.map((n) => ({ ...n })), unread: unread() } }),
    'POST /api/notices/read': ({ body }) => {
      const ids = (body as { ids?: string[] }).ids;
      for (const n of stored) if (!ids || ids.includes(n.id)) n.read = true;
      if (!ids) unreadBeyond = 0;
      return { json: { unread: unread() } };
    },
  });
}

/** The bell in the header after the inbox's first load, as the app starts it at sign-in. */
async function bellWith() {
  const appRouter = testRouter();
  await appRouter.push('/');
  const wrapper = mountWithApp(NoticeBell, { plugins: [appRouter] });
  const inbox = useNoticeInboxStore();
  await inbox.load();
  await flushPromises();
  return { wrapper, inbox, appRouter };
}

async function openPanel(wrapper: Awaited<ReturnType<typeof bellWith>>['wrapper']) {
  await wrapper.find('[data-test="notice-bell"]').trigger('click');
  await flushPromises();
  return wrapper.find('[data-test="notice-panel"]');
}

const badge = (wrapper: Awaited<ReturnType<typeof bellWith>>['wrapper']) =>
  wrapper.find('[data-test="notice-count"]');

describe('NoticeBell', () => {
  it('shows how many notices are unread, none at zero and 99+ past 99', async () => {
    inboxServer([notice('1'), notice('2'), notice('3', { read: true })]);
    const { wrapper, inbox } = await bellWith();
    expect(badge(wrapper).text()).toBe('2');
    expect(wrapper.find('[data-test="notice-bell"]').attributes('aria-label')).toBe('通知，2 条未读');

    const { read: _read, data: _data, ...arrived } = notice('0');
    inbox.receive({ ...arrived, caseId: 'case-0', caseNo: arrived.caseNo ?? '', type: 'notice' });
    await flushPromises();
    expect(badge(wrapper).text()).toBe('3');

    inbox.unread = 0;
    await flushPromises();
    expect(badge(wrapper).exists()).toBe(false);
    expect(wrapper.find('[data-test="notice-bell"]').attributes('aria-label')).toBe('通知');

    inbox.unread = 99;
    await flushPromises();
    expect(badge(wrapper).text()).toBe('99');
    inbox.unread = 100;
    await flushPromises();
    expect(badge(wrapper).text()).toBe('99+');
  });

  it('lists the latest notices by what happened, the case and when, unread ones marked', async () => {
    inboxServer([
      notice('5', { event: 'task.verification' }),
      notice('30', { event: 'deadline.warning', read: true }),
      notice('200', { event: 'verification.noOfficer' }),
      notice('3000', { event: 'case.somethingNew', at: '2026-07-01T02:05:00.000Z', read: true }),
    ]);
    const { wrapper } = await bellWith();
    const panel = await openPanel(wrapper);
    const items = panel.findAll('button[data-notice-id]');
    expect(items.map((i) => i.find('.what').text())).toEqual([
      '未读 派给您的核实任务',
      '黄灯预警：时限已用 80%',
      '未读 核实无监督员可派，请改派',
      // An event this console does not know yet still says what it is.
      'case.somethingNew',
    ]);
    expect(items.map((i) => i.classes('unread'))).toEqual([true, false, true, false]);
    expect(items[0]?.text()).toContain(notice('5').caseNo);
    expect(items[0]?.find('time').text()).toBe('5 分钟前');
    expect(items[1]?.find('time').text()).toBe('30 分钟前');
    expect(items[2]?.find('time').text()).toBe('3 小时前');
    // Older than a day: the date and time in the cities' zone.
    expect(items[3]?.find('time').text()).toBe('2026/07/01 10:05');
  });

  it('opens the case of a notice, marking it read', async () => {
    const { calls } = inboxServer([notice('2'), notice('1')]);
    const { wrapper, appRouter } = await bellWith();
    const panel = await openPanel(wrapper);
    await panel.find('[data-notice-id="1"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ ids: ['1'] });
    expect(appRouter.currentRoute.value.name).toBe('case');
    expect(appRouter.currentRoute.value.params.id).toBe('case-1');
    expect(wrapper.find('[data-test="notice-panel"]').exists()).toBe(false);
    expect(badge(wrapper).text()).toBe('1');
  });

  it("says when the city's calendar data ends, and a notice without a case opens nothing", async () => {
    const { calls } = inboxServer([
      notice('1', {
        caseId: null,
        caseNo: null,
        event: 'calendar.ending',
        audience: 'admin',
        data: { knownUntil: '2026-12-31', daysLeft: 29 },
      }),
    ]);
    const { wrapper, appRouter } = await bellWith();
    const before = appRouter.currentRoute.value.fullPath;
    const panel = await openPanel(wrapper);
    const item = panel.find('[data-notice-id="1"]');
    expect(item.find('.what').text()).toBe('未读 工作日历节假日数据只到 2026-12-31，请载入下一年');
    await item.trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ ids: ['1'] });
    expect(appRouter.currentRoute.value.fullPath).toBe(before);
  });

  it("opens an officer's task screen for a task handed to them", async () => {
    inboxServer([notice('1', { event: 'task.check', audience: 'assignee' })]);
    const { wrapper, appRouter } = await bellWith();
    const panel = await openPanel(wrapper);
    await panel.find('[data-notice-id="1"]').trigger('click');
    await flushPromises();
    expect(appRouter.currentRoute.value.name).toBe('officer-task');
    expect(appRouter.currentRoute.value.params.id).toBe('case-1');
  });

  it('marks all read at once', async () => {
    const { calls } = inboxServer([notice('2'), notice('1')], 150);
    const { wrapper } = await bellWith();
    expect(badge(wrapper).text()).toBe('99+');
    const panel = await openPanel(wrapper);
    const markAll = panel.find('[data-test="notice-mark-all"]');
    expect(markAll.text()).toBe('全部已读');
    await markAll.trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({});
    expect(badge(wrapper).exists()).toBe(false);
    expect(panel.findAll('.inbox-item.unread')).toHaveLength(0);
    expect(markAll.attributes('aria-disabled')).toBe('true');
  });

  it('says so when there are no notices', async () => {
    inboxServer([]);
    const { wrapper } = await bellWith();
    expect(badge(wrapper).exists()).toBe(false);
    const panel = await openPanel(wrapper);
    expect(panel.text()).toContain('暂无通知');
    expect(panel.findAll('button[data-notice-id]')).toHaveLength(0);
  });

  it('shows why the notices could not be loaded, and tries again', async () => {
    let fail = true;
    fakeApi({
      'GET /api/notices': () =>
        fail
          ? problem(503, 'UNKNOWN', 'database away', '数据库暂时不可用')
          : { json: { items: [notice('1')], unread: 1 } },
    });
    const { wrapper } = await bellWith();
    const panel = await openPanel(wrapper);
    // A zh-CN user reads the server's Chinese detail, never its English one.
    expect(panel.find('[role="alert"]').text()).toContain('数据库暂时不可用');
    expect(panel.find('[role="alert"]').text()).not.toContain('database away');
    expect(panel.text()).not.toContain('暂无通知');
    fail = false;
    await panel.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(panel.find('[role="alert"]').exists()).toBe(false);
    expect(panel.findAll('button[data-notice-id]')).toHaveLength(1);
  });

  it('closes on Esc, giving the focus back to the bell, and keeps its keys from the board', async () => {
    inboxServer([notice('1')]);
    const { wrapper } = await bellWith();
    const seenByBoard: string[] = [];
    const board = (e: KeyboardEvent) => seenByBoard.push(e.key);
    window.addEventListener('keydown', board);
    const panel = await openPanel(wrapper);
    const item = panel.find<HTMLButtonElement>('button[data-notice-id="1"]');
    item.element.focus();
    await item.trigger('keydown', { key: 'Enter' });
    await item.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-test="notice-panel"]').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-test')).toBe('notice-bell');
    window.removeEventListener('keydown', board);
    expect(seenByBoard).toEqual([]);
    expect(wrapper.find('[data-test="notice-bell"]').attributes('aria-expanded')).toBe('false');
  });
});

// The events the server sends (the notice contract); each is named in both languages.
const contractEvents = [
  'case.reported',
  'case.selfHandled',
  'case.verified',
  'case.rejected',
  'case.filed',
  'case.dispatched',
  'case.cancelled',
  'case.accepted',
  'case.handled',
  'case.returned',
  'case.rework',
  'case.checked',
  'case.closed',
  'case.resumed',
  'case.supervised',
  'extension.requested',
  'extension.approved',
  'extension.denied',
  'suspension.requested',
  'suspension.approved',
  'suspension.denied',
  'task.verification',
  'task.check',
  'deadline.warning',
  'deadline.overdue',
  'dispatch.suggested',
  'verification.noOfficer',
  'check.noOfficer',
  'region.reportReturned',
  'region.supervisionOrder',
];

describe('notice event names', () => {
  it.each(['zh-CN', 'en'] as const)('names every event in %s, each differently', (locale) => {
    const { t, te } = createConsoleI18n(locale).global;
    const labels = contractEvents.map((event) => {
      expect(te(`notices.events.${event}`, locale), event).toBe(true);
      return t(`notices.events.${event}`);
    });
    expect(new Set(labels).size).toBe(contractEvents.length);
  });
});
