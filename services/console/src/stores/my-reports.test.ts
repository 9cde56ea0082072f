import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCase, fakeApi } from '../test-support/fake-api';
import { myReportsPageSize, useMyReportsStore } from './my-reports';

describe('my reports store (我的上报)', () => {
  beforeEach(() => setActivePinia(createPinia()));

  const newest = aCase({ state: 'verified' });
  const older = aCase({ state: 'closed' });
  const oldest = aCase({ state: 'handling' });

  function serve() {
    return fakeApi({
      'GET /api/cases': ({ query }) =>
        query.get('cursor') === 'after-older'
          ? { json: { items: [oldest], total: 3, totalExact: true, nextCursor: null } }
          : { json: { items: [newest, older], total: 3, totalExact: true, nextCursor: 'after-older' } },
      [`GET /api/cases/${older.id}`]: () => ({
        json: { ...older, deadline: { stage: 'handling', due: null, light: 'red' }, timeline: [] },
      }),
    });
  }

  it('asks for my own cases only, newest first, and reads the next page after the cursor', async () => {
    const { calls } = serve();
    const reports = useMyReportsStore();
    await reports.load();
    expect(calls[0]?.query.get('mine')).toBe('true');
    expect(calls[0]?.query.get('pageSize')).toBe(String(myReportsPageSize));
    expect(calls[0]?.query.has('cursor')).toBe(false);
    expect(reports.items.map((c) => c.id)).toEqual([newest.id, older.id]);
    expect(reports.hasMore).toBe(true);

    await reports.more();
    expect(calls[1]?.query.get('mine')).toBe('true');
    expect(calls[1]?.query.get('cursor')).toBe('after-older');
    expect(reports.items.map((c) => c.id)).toEqual([newest.id, older.id, oldest.id]);
    expect(reports.hasMore).toBe(false);
    await reports.more();
    expect(calls).toHaveLength(2);
  });

  it('keeps a listed case current when it changes, and ignores cases not listed', async () => {
    const { calls } = serve();
    const reports = useMyReportsStore();
    await reports.load();
    const event = { type: 'case.changed' as const, caseNo: '', state: 'closed' as const, version: 9, at: '' };
    await reports.onLive({ ...event, caseId: 'someone-elses' });
    expect(calls).toHaveLength(1);
    await reports.onLive({ ...event, caseId: older.id });
    expect(reports.items.find((c) => c.id === older.id)?.deadline?.light).toBe('red');
  });
});
