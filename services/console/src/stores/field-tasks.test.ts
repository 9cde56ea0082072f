import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCase, fakeApi } from '../test-support/fake-api';
import { useFieldTasksStore } from './field-tasks';

describe('field tasks store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  const near = aCase({ state: 'verifying', assignee: 'officer1', location: { lat: 40.8301, lng: 111.6701 } });
  const far = aCase({ state: 'reviewing', assignee: 'officer1', location: { lat: 40.85, lng: 111.7 } });
  const someoneElse = aCase({ state: 'verifying', assignee: 'officer2' });

  function serve() {
    return fakeApi({
      'GET /api/cases': ({ query }) => {
        const items = [near, far, someoneElse].filter((c) => c.state === query.get('state'));
        return { json: { items, total: items.length } };
      },
    });
  }

  it('lists only my verify and check tasks, nearest first once my position is known', async () => {
    serve();
    const tasks = useFieldTasksStore();
    await tasks.load('officer1');
    expect(tasks.tasks.map((t) => t.item.id).sort()).toEqual([near.id, far.id].sort());
    tasks.setPosition({ lat: 40.85, lng: 111.7 });
    expect(tasks.tasks.map((t) => [t.item.id, t.kind])).toEqual([
      [far.id, 'check'],
      [near.id, 'verify'],
    ]);
    expect(tasks.tasks[0]?.distance).toBeLessThan(1);
  });

  it('reloads when a case enters a task state', async () => {
    const { calls } = serve();
    const tasks = useFieldTasksStore();
    await tasks.load('officer1');
    const before = calls.length;
    await tasks.onLive({
      type: 'case.changed',
      caseId: 'x',
      caseNo: 'x',
      state: 'filed',
      version: 1,
      at: '',
    });
    expect(calls.length).toBe(before);
    await tasks.onLive({
      type: 'case.changed',
      caseId: 'x',
      caseNo: 'x',
      state: 'verifying',
      version: 1,
      at: '',
    });
    expect(calls.length).toBeGreaterThan(before);
  });
});
