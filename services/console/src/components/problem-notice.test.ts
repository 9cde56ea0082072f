/**
 * Errors in the user's language: what happened and how long to wait, never the server's English
 * detail, an HTTP status or the browser's "Failed to fetch"; a lost connection is a banner, and what
 * failed for it is asked again once the server answers.
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { type ApiError, connectionLost } from '../api/http';
import { fetchCategories } from '../api/reference-api';
import { useConnection } from '../composables/connection';
import { fakeApi, problem } from '../test-support/fake-api';
import { mountWithApp } from '../test-support/mount';
import ProblemNotice from './ProblemNotice.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  connectionLost.value = false;
  document.body.innerHTML = '';
});

/** The ApiError a call gets for `answer`. */
async function failureOf(answer: ReturnType<typeof problem> & { headers?: Record<string, string> }) {
  fakeApi({ 'GET /api/categories': () => answer });
  return fetchCategories().then(
    () => expect.unreachable(),
    (error: ApiError) => error,
  );
}

describe('ProblemNotice', () => {
  it('says how many seconds to wait when the server limits the rate, in zh-CN and en', async () => {
    const error = await failureOf({
      ...problem(429, 'RATE_LIMITED', 'rate limit exceeded'),
      headers: { 'retry-after': '42' },
    });
    expect(error.retryAfterSeconds).toBe(42);
    const zh = mountWithApp(ProblemNotice, { props: { error } });
    expect(zh.text()).toContain('操作太频繁');
    expect(zh.find('[data-test="retry-after"]').text()).toBe('请 42 秒后再试');
    const en = mountWithApp(ProblemNotice, { props: { error } });
    en.vm.$i18n.locale = 'en';
    await flushPromises();
    expect(en.find('[data-test="retry-after"]').text()).toBe('Try again in 42 seconds');
  });

  it('shows no server detail, field path or HTTP status', async () => {
    const error = await failureOf(problem(400, 'VALIDATION_FAILED', 'querystring.from: Invalid ISO date'));
    const wrapper = mountWithApp(ProblemNotice, { props: { error } });
    expect(wrapper.text()).not.toMatch(/querystring|HTTP|Invalid/);
    expect(wrapper.find('[data-test="retry-after"]').exists()).toBe(false);
    const media = await failureOf(problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'unsupported media type'));
    expect(mountWithApp(ProblemNotice, { props: { error: media } }).text()).not.toContain('415');
  });

  it('in zh-CN shows the server’s Chinese detail, never its English one', async () => {
    const english = await failureOf(
      problem(403, 'FORBIDDEN', 'a district supervisor follows their district, not a category'),
    );
    const zh = mountWithApp(ProblemNotice, { props: { error: english } });
    expect(zh.text()).toContain('没有权限');
    expect(zh.text()).not.toContain('district supervisor');
    const en = mountWithApp(ProblemNotice, { props: { error: english } });
    en.vm.$i18n.locale = 'en';
    await flushPromises();
    expect(en.text()).toContain('a district supervisor follows their district');
    const closed = problem(409, 'PERIOD_CLOSED', 'the period is closed');
    const json: Record<string, unknown> = { ...closed.json, detailZh: '填报期已结束' };
    const both = await failureOf({ ...closed, json } as typeof closed);
    expect(mountWithApp(ProblemNotice, { props: { error: both } }).text()).toContain('填报期已结束');
  });

  it('names a lost connection in the user’s language and retries once the server answers', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await fetchCategories().then(
      () => expect.unreachable(),
      (e: ApiError) => e,
    );
    expect(connectionLost.value).toBe(true);
    const wrapper = mountWithApp(ProblemNotice, { props: { error, retryable: true } });
    expect(wrapper.text()).toContain('网络连接失败');
    expect(wrapper.text()).not.toContain('Failed to fetch');
    fakeApi({ 'GET /api/categories': () => ({ json: [] }) });
    await fetchCategories();
    await flushPromises();
    expect(wrapper.emitted('retry')).toHaveLength(1);
  });
});

describe('the offline banner', () => {
  it('shows while no request reaches the server and looks again every few seconds until one does', async () => {
    vi.useFakeTimers();
    let reachable = false;
    const probe = vi.fn(async () => {
      if (!reachable) throw new TypeError('Failed to fetch');
    });
    const Banner = defineComponent({
      setup() {
        const { offline } = useConnection(probe);
        return () => h('p', offline.value ? 'offline' : 'online');
      },
    });
    const wrapper = mountWithApp(Banner);
    expect(wrapper.text()).toBe('online');
    connectionLost.value = true;
    await flushPromises();
    expect(wrapper.text()).toBe('offline');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(wrapper.text()).toBe('offline');
    reachable = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(wrapper.text()).toBe('online');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(probe).toHaveBeenCalledTimes(2);
  });
});
