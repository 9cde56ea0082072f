import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../api/contract';
import { aCase, fakeApi, problem } from '../test-support/fake-api';
import { useCaseBoardStore } from './case-board';

function serve(
  cases: CaseRecord[],
  byId: Record<string, ReturnType<typeof problem> | { json: CaseRecord }> = {},
) {
  return fakeApi({
    'GET /api/cases': ({ query }) => {
      const items = cases.filter((c) => c.state === query.get('state'));
      return { json: { items, total: items.length } };
    },
    'GET /api/cases/7': () => byId['7'],
  });
}

describe('case board store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('loads the watched states, most urgent first', async () => {
    const green = aCase({
      state: 'verified',
      deadline: { stage: 'file', due: '2999-01-01T00:00:00Z', light: 'green', beyondCalendar: false },
    });
    const red = aCase({
      state: 'verified',
      deadline: { stage: 'file', due: '2999-01-02T00:00:00Z', light: 'red', beyondCalendar: false },
    });
    const other = aCase({ state: 'filed' });
    serve([green, red, other]);
    const board = useCaseBoardStore();
    await board.load(['verified']);
    expect(board.rows.map((r) => r.id)).toEqual([red.id, green.id]);
    expect(board.loading).toBe(false);
  });

  it('shows the problem when the queue cannot be loaded', async () => {
    fakeApi({ 'GET /api/cases': () => problem(403, 'FORBIDDEN') });
    const board = useCaseBoardStore();
    await board.load(['verified']);
    expect(board.error?.code).toBe('FORBIDDEN');
    expect(board.rows).toEqual([]);
  });

  it('a live change moves a case off the queue when it leaves the watched states', async () => {
    const item = aCase({ id: '7', state: 'verified', version: 3 });
    serve([item], { '7': { json: { ...item, state: 'filed', version: 4 } } });
    const board = useCaseBoardStore();
    await board.load(['verified']);
    await board.onLive({
      type: 'case.changed',
      caseId: '7',
      caseNo: item.caseNo,
      state: 'filed',
      version: 4,
      at: '',
    });
    expect(board.rows).toEqual([]);
  });

  it('a live change brings a case that entered a watched state onto the queue', async () => {
    const item = aCase({ id: '7', state: 'verified', version: 2 });
    serve([], { '7': { json: item } });
    const board = useCaseBoardStore();
    await board.load(['verified']);
    await board.onLive({
      type: 'case.changed',
      caseId: '7',
      caseNo: item.caseNo,
      state: 'verified',
      version: 2,
      at: '',
    });
    expect(board.rows.map((r) => r.id)).toEqual(['7']);
  });

  it('ignores messages that are not newer than what is shown, and states it does not watch', async () => {
    const item = aCase({ id: '7', state: 'verified', version: 5 });
    const { calls } = serve([item]);
    const board = useCaseBoardStore();
    await board.load(['verified']);
    const before = calls.length;
    await board.onLive({
      type: 'case.changed',
      caseId: '7',
      caseNo: item.caseNo,
      state: 'verified',
      version: 5,
      at: '',
    });
    await board.onLive({
      type: 'case.changed',
      caseId: '99',
      caseNo: 'x',
      state: 'closed',
      version: 1,
      at: '',
    });
    expect(calls.length).toBe(before);
  });

  it('a command answer replaces the row at once, and an older answer never overwrites a newer row', async () => {
    const item = aCase({ state: 'verified', version: 2 });
    serve([item]);
    const board = useCaseBoardStore();
    await board.load(['verified', 'filed']);
    board.upsert({ ...item, state: 'filed', version: 3 });
    board.upsert({ ...item, state: 'verified', version: 2 });
    expect(board.rows[0]?.state).toBe('filed');
  });

  it('drops a case the caller may no longer see', async () => {
    const item = aCase({ id: '7', state: 'verified', version: 1 });
    serve([item], { '7': problem(404, 'NOT_FOUND') });
    const board = useCaseBoardStore();
    await board.load(['verified']);
    await board.refreshCase('7');
    expect(board.rows).toEqual([]);
  });
});
