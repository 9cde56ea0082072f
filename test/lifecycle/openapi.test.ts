import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { type Lifecycle, startLifecycle } from './lifecycle-harness.js';

describe('the OpenAPI document', () => {
  let life: Lifecycle;
  redisTest.beforeAll(async ({ database, redis }) => {
    life = await startLifecycle({ database, redis });
  });
  redisTest.afterAll(async () => {
    await life.close();
  });

  redisTest('documents the case, command, queue and duty routes', async () => {
    const answer = await life.app.inject({ method: 'GET', url: '/docs/json' });
    expect(answer.statusCode, answer.body).toBe(200);
    const paths = Object.keys(answer.json().paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/cases',
        '/api/cases/{id}',
        '/api/dispatch/cases/{id}/verify',
        '/api/dispatch/cases/{id}/supervise',
        '/api/dispatch/queues/shift-lead',
        '/api/dispatch/queues/dispatcher',
        '/api/dispatch/queues/officer',
        '/api/dispatch/duty',
        '/api/dispatch/duty/{id}',
        '/api/handling/cases/{id}/resume',
        '/api/handling/queues/department',
      ]),
    );
  });
});
