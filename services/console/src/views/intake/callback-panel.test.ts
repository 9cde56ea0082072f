import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouterLink } from 'vue-router';
import type { CallbackDue } from '../../api/contract';
import { createConsoleI18n } from '../../i18n';
import { useAuthStore } from '../../stores/auth';
import { type LiveSocket, useLiveStore } from '../../stores/live';
import { aCase, aUser, type Call, fakeApi, methodOf, problem } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import { testRouter } from '../../test-support/router';
import CallbackPanel from './CallbackPanel.vue';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

function aCaller(more: Partial<CallbackDue['callers'][number]> = {}): CallbackDue['callers'][number] {
  return {
    id: 'caller-1',
    name: null,
    phone: null,
    description: null,
    wantsCallback: true,
    updates: false,
    attachedBy: 'operator1',
    attachedAt: '2026-07-01T02:00:00.000Z',
    ...more,
  };
}

function due(more: Partial<CallbackDue> = {}, caseMore: Parameters<typeof aCase>[0] = {}): CallbackDue {
  return {
    case: aCase({
      state: 'closed',
      closedAt: '2026-07-02T02:05:00.000Z',
      reporter: { name: '张先生', phone: '0471-6123456' },
      ...caseMore,
    }),
    reporterDue: true,
    callers: [],
    attempts: 0,
    lastAttemptAt: null,
    ...more,
  };
}

type Answer = ReturnType<typeof problem> | { status?: number; json?: unknown };

/** The callback list as the server keeps it: an answered call takes the case off, unreachable counts one more. */
function callbackServer(list: CallbackDue[], answer: (call: Call) => Answer | undefined = () => undefined) {
  return fakeApi({
    'GET /api/intake/callbacks': () => ({ json: { items: list.map((item) => ({ ...item })) } }),
    ...Object.fromEntries(
      list.map((item) => [
        `POST /api/intake/cases/${item.case.id}/callback`,
        (call: Call) => {
          const special = answer(call);
          if (special) return special;
          const { outcome, note } = call.body as { outcome: string; note?: string };
          const at = '2026-07-03T01:00:00.000Z';
          if (outcome === 'unreachable')
            Object.assign(item, { attempts: item.attempts + 1, lastAttemptAt: at });
          else list.splice(list.indexOf(item), 1);
          return {
            status: 201,
            json: { id: 'cb1', caseId: item.case.id, outcome, note: note ?? null, calledBy: 'operator1', at },
          };
        },
      ]),
    ),
  });
}

async function panel() {
  const wrapper = mountWithApp(CallbackPanel, { plugins: [testRouter()] });
  await flushPromises();
  return wrapper;
}

type Panel = Awaited<ReturnType<typeof panel>>;
const rows = (wrapper: Panel) => wrapper.findAll('li[data-case-id]');
const row = (wrapper: Panel, item: CallbackDue) => wrapper.find(`li[data-case-id="${item.case.id}"]`);
const heading = (wrapper: Panel) => wrapper.find('h2').text();

async function press(wrapper: Panel, item: CallbackDue, outcome: string) {
  await row(wrapper, item).find(`button[data-outcome="${outcome}"]`).trigger('click');
  await flushPromises();
}

describe('CallbackPanel 待回访', () => {
  it('lists the callers to call back: case, how it ended, who, a phone to dial and the calls so far', async () => {
    const first = due({ attempts: 2, lastAttemptAt: '2026-07-02T06:30:00.000Z' });
    const second = due(
      {},
      {
        state: 'rejected',
        closedAt: null,
        updatedAt: '2026-07-02T03:00:00.000Z',
        reporter: { name: null, phone: '13800000000' },
      },
    );
    const { calls } = callbackServer([first, second]);
    const wrapper = await panel();

    expect(calls[0]?.query.get('limit')).toBe('100');
    expect(heading(wrapper)).toBe('待回访 (2)');
    expect(rows(wrapper).map((r) => r.attributes('data-case-no'))).toEqual([
      first.case.caseNo,
      second.case.caseNo,
    ]);

    const one = row(wrapper, first);
    const link = one.findComponent(RouterLink);
    expect(link.text()).toBe(first.case.caseNo);
    expect(link.props('to')).toEqual({ name: 'case', params: { id: first.case.id } });
    expect(one.text()).toContain('已结案 2026/07/02 10:05');
    expect(one.text()).toContain('张先生');
    const phone = one.find('[data-test="callback-phone"]');
    expect(phone.text()).toBe('0471-6123456');
    expect(phone.attributes('href')).toBe('tel:04716123456');
    expect(one.find('[data-test="callback-attempts"]').text()).toBe(
      '已拨 2 次未接通 · 上次 2026/07/02 14:30',
    );
    expect(one.findAll('button').map((b) => b.text())).toEqual(['满意', '不满意', '未接通']);

    // Rejected without a closing time: it ended with its last change. Not called yet, no count.
    const two = row(wrapper, second);
    expect(two.text()).toContain('不予立案 2026/07/02 11:00');
    expect(two.text()).toContain('未留姓名');
    expect(two.find('[data-test="callback-phone"]').attributes('href')).toBe('tel:13800000000');
    expect(two.find('[data-test="callback-attempts"]').exists()).toBe(false);
  });

  it('records a satisfied caller with the note and takes the case off the list', async () => {
    const first = due();
    const second = due();
    const { calls } = callbackServer([first, second]);
    const wrapper = await panel();

    await row(wrapper, first).find('input').setValue('  对处理结果满意  ');
    await press(wrapper, first, 'satisfied');

    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe(`/api/intake/cases/${first.case.id}/callback`);
    expect(post?.body).toEqual({ outcome: 'satisfied', note: '对处理结果满意' });
    expect(rows(wrapper).map((r) => r.attributes('data-case-no'))).toEqual([second.case.caseNo]);
    expect(heading(wrapper)).toBe('待回访 (1)');
    expect(wrapper.find('.notice').text()).toBe(`已记录回访：${first.case.caseNo} 满意`);
  });

  it('leaves an empty note out', async () => {
    const item = due();
    const { calls } = callbackServer([item]);
    const wrapper = await panel();
    await row(wrapper, item).find('input').setValue('   ');
    await press(wrapper, item, 'unsatisfied');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ outcome: 'unsatisfied' });
  });

  it('keeps an unreachable caller on the list with one more call counted', async () => {
    const item = due({ attempts: 1, lastAttemptAt: '2026-07-02T06:30:00.000Z' });
    const { calls } = callbackServer([item]);
    const wrapper = await panel();

    await row(wrapper, item).find('input').setValue('关机');
    await press(wrapper, item, 'unreachable');

    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ outcome: 'unreachable', note: '关机' });
    expect(rows(wrapper)).toHaveLength(1);
    expect(row(wrapper, item).find('[data-test="callback-attempts"]').text()).toBe(
      '已拨 2 次未接通 · 上次 2026/07/03 09:00',
    );
    // The note went with that call; the next call starts blank.
    expect((row(wrapper, item).find('input').element as HTMLInputElement).value).toBe('');
    expect(heading(wrapper)).toBe('待回访 (1)');
  });

  it('sends one call at a time per row, the buttons marked busy while it is on its way', async () => {
    const item = due();
    let release: () => void = () => undefined;
    const { fetchMock } = callbackServer([item]);
    const original = fetchMock.getMockImplementation();
    fetchMock.mockImplementation(async (input, init) => {
      if (methodOf(input, init) === 'POST') await new Promise<void>((resolve) => (release = resolve));
      return original ? original(input, init) : new Response(null, { status: 500 });
    });
    const wrapper = await panel();

    await row(wrapper, item).find('button[data-outcome="satisfied"]').trigger('click');
    await flushPromises();
    const buttons = row(wrapper, item).findAll('button');
    expect(buttons.map((b) => b.attributes('aria-disabled'))).toEqual(['true', 'true', 'true']);
    expect(row(wrapper, item).text()).toContain('提交中…');
    await buttons[2]?.trigger('click');
    release();
    await flushPromises();

    expect(fetchMock.mock.calls.filter(([input, init]) => methodOf(input, init) === 'POST')).toHaveLength(1);
    expect(rows(wrapper)).toHaveLength(0);
  });

  it('shows that another operator answered the caller first, and drops the case', async () => {
    const first = due();
    const second = due();
    callbackServer([first, second], () =>
      problem(409, 'CONFLICT', 'the caller has been reached already', '该来电人已有人回访'),
    );
    const wrapper = await panel();

    await press(wrapper, first, 'unsatisfied');

    expect(wrapper.text()).toContain(`${first.case.caseNo} 已由其他话务员回访，已从列表移除`);
    const alert = wrapper.find('[role="alert"]');
    expect(alert.attributes('data-code')).toBe('CONFLICT');
    expect(alert.text()).toContain('该来电人已有人回访');
    expect(rows(wrapper).map((r) => r.attributes('data-case-no'))).toEqual([second.case.caseNo]);
  });

  it("asks whom the operator reached, sends an attached caller's id, and keeps the case until everyone answered", async () => {
    const item = due({
      callers: [
        aCaller({ id: 'caller-li', name: '李女士', phone: '13900000001' }),
        aCaller({ id: 'caller-wang', name: null }),
      ],
    });
    const { calls } = fakeApi({
      'GET /api/intake/callbacks': () => ({ json: { items: [item] } }),
      [`POST /api/intake/cases/${item.case.id}/callback`]: (call: Call) => {
        const { outcome, callerId } = call.body as { outcome: string; callerId?: string };
        if (callerId === 'caller-wang')
          return problem(409, 'CONFLICT', 'this caller has been reached already');
        return {
          status: 201,
          json: {
            id: 'cb',
            caseId: item.case.id,
            outcome,
            note: null,
            calledBy: 'operator1',
            at: '2026-07-03T01:00:00.000Z',
            callerId: callerId ?? null,
          },
        };
      },
    });
    const wrapper = await panel();
    const whom = () => row(wrapper, item).find<HTMLSelectElement>('select[data-test="callback-whom"]');
    const options = () =>
      whom()
        .findAll('option')
        .map((o) => [o.text(), o.attributes('disabled') !== undefined]);
    const sent = () => calls.filter((c) => c.method === 'POST').map((c) => c.body);

    expect(options()).toEqual([
      ['报告人：张先生 · 0471-6123456', false],
      ['附加来电：李女士 · 13900000001', false],
      ['附加来电：未留姓名', false],
    ]);
    expect(whom().element.value).toBe('');

    await whom().setValue('caller-li');
    await press(wrapper, item, 'satisfied');
    expect(sent()).toEqual([{ outcome: 'satisfied', callerId: 'caller-li' }]);
    expect(rows(wrapper)).toHaveLength(1);
    expect(options()[1]).toEqual(['附加来电：李女士 · 13900000001（已回访）', true]);
    expect(whom().element.value).toBe('');

    await press(wrapper, item, 'unsatisfied');
    expect(sent()[1]).toEqual({ outcome: 'unsatisfied' });
    expect(options()[0]).toEqual(['报告人：张先生 · 0471-6123456（已回访）', true]);
    expect(whom().element.value).toBe('caller-wang');

    // Another operator reached the last one: they count as answered, and the case is done.
    await press(wrapper, item, 'satisfied');
    expect(sent()[2]).toEqual({ outcome: 'satisfied', callerId: 'caller-wang' });
    expect(rows(wrapper)).toHaveLength(0);
    expect(wrapper.text()).toContain('已由其他话务员回访');
  });

  it('shows no picker for a case without attached callers', async () => {
    callbackServer([due()]);
    const wrapper = await panel();
    expect(wrapper.find('[data-test="callback-whom"]').exists()).toBe(false);
  });

  it('shows the one attached caller still due, not the reporter already reached, and calls them', async () => {
    const item = due({
      reporterDue: false,
      callers: [aCaller({ id: 'caller-li', name: '李女士', phone: '13900000001' })],
    });
    const { calls } = callbackServer([item]);
    const wrapper = await panel();
    const one = row(wrapper, item);
    expect(one.find('[data-test="callback-whom"]').exists()).toBe(false);
    expect(one.text()).toContain('李女士');
    expect(one.text()).not.toContain('张先生');
    expect(one.find('[data-test="callback-phone"]').attributes('href')).toBe('tel:13900000001');

    await press(wrapper, item, 'satisfied');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { outcome: 'satisfied', callerId: 'caller-li' },
    ]);
    expect(rows(wrapper)).toHaveLength(0);
  });

  it('keeps the row and shows why when the call could not be recorded otherwise', async () => {
    const item = due();
    callbackServer([item], () => problem(409, 'TRANSITION_NOT_ALLOWED', 'case is still open'));
    const wrapper = await panel();
    await press(wrapper, item, 'satisfied');
    expect(row(wrapper, item).find('[role="alert"]').text()).toContain('案件当前状态不允许此操作');
    expect(rows(wrapper)).toHaveLength(1);
  });

  it('says so when nobody waits for a callback', async () => {
    callbackServer([]);
    const wrapper = await panel();
    expect(heading(wrapper)).toBe('待回访 (0)');
    expect(wrapper.text()).toContain('暂无待回访');
    expect(rows(wrapper)).toHaveLength(0);
  });

  it('shows why the list could not be loaded, and loads again on retry and on refresh', async () => {
    let fail = true;
    const item = due();
    const list: CallbackDue[] = [];
    const { calls } = fakeApi({
      'GET /api/intake/callbacks': () =>
        fail ? problem(503, 'UNKNOWN', 'database away', '数据库暂时不可用') : { json: { items: list } },
    });
    const wrapper = await panel();
    expect(wrapper.find('[role="alert"]').text()).toContain('数据库暂时不可用');
    expect(wrapper.text()).not.toContain('暂无待回访');

    fail = false;
    await wrapper.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('暂无待回访');

    list.push(item);
    await wrapper.find('[data-test="callbacks-reload"]').trigger('click');
    await flushPromises();
    expect(rows(wrapper)).toHaveLength(1);
    expect(calls.filter((c) => c.path === '/api/intake/callbacks')).toHaveLength(3);
  });

  it('goes on with the next caller from the keyboard once a call is recorded', async () => {
    const first = due();
    const second = due();
    callbackServer([first, second]);
    const wrapper = await panel();
    const satisfied = row(wrapper, first).find<HTMLButtonElement>('button[data-outcome="satisfied"]');
    satisfied.element.focus();
    await press(wrapper, first, 'satisfied');
    expect(document.activeElement).toBe(row(wrapper, second).find('input').element);
    await press(wrapper, second, 'satisfied');
    expect(document.activeElement).toBe(wrapper.find('[data-test="callbacks-reload"]').element);
  });

  it('keeps Ctrl+Enter from saving the intake form around it', async () => {
    const item = due();
    callbackServer([item]);
    const wrapper = await panel();
    const seenOutside: string[] = [];
    document.body.addEventListener('keydown', (e) => seenOutside.push(e.key));
    await row(wrapper, item).find('input').trigger('keydown', { key: 'Enter', ctrlKey: true });
    await row(wrapper, item).find('input').trigger('keydown', { key: 'a' });
    expect(seenOutside).toEqual(['a']);
  });

  it('looks again when a case ends live, once for a burst', async () => {
    const list = [due()];
    const { calls } = callbackServer(list);
    await panel();
    const sockets: LiveSocket[] = [];
    useAuthStore().session = {
      token: 'tok',
      user: aUser({ username: 'operator1', displayName: 'O', roles: ['intake_operator'] }),
      refreshToken: 'refresh',
      expiresAt: '2099-01-01T00:00:00Z',
      expiresAtMs: null,
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    useLiveStore().start(() => {
      const socket: LiveSocket = {
        onopen: null,
        onmessage: null,
        onclose: null,
        onerror: null,
        close: () => undefined,
      };
      sockets.push(socket);
      return socket;
    });
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    const send = (state: string, caseId: string) =>
      sockets[0]?.onmessage?.(
        new MessageEvent('message', {
          data: JSON.stringify({
            type: 'case.changed',
            caseId,
            caseNo: 'N',
            state,
            version: 9,
            at: '2026-07-03T00:00:00Z',
          }),
        }),
      );
    const loads = () => calls.filter((c) => c.path === '/api/intake/callbacks').length;

    send('dispatched', 'a');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(loads()).toBe(1);

    send('closed', 'a');
    send('cancelled', 'b');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(loads()).toBe(2);
  });
});

describe('callback wording', () => {
  it('counts the unanswered calls in English too', () => {
    const { t } = createConsoleI18n('en').global;
    expect(t('callbacks.attempts', 1)).toBe('Called once, no answer');
    expect(t('callbacks.attempts', 3)).toBe('Called 3 times, no answer');
    expect(t('callbacks.titleCount', { n: 2 })).toBe('Callbacks due (2)');
  });
});
