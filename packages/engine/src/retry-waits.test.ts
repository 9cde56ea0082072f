import { describe, expect, test } from 'vitest';
import { cappedBackoffMs, queueMap } from './queues.js';

describe('how long a task waits before it is tried again', () => {
  test('doubles from the first wait, then stays at a minute', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 100].map((attempt) => cappedBackoffMs(attempt, 2_000));
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  test('verification and check tasks keep trying for a week', () => {
    const { attempts = 0, backoff } = queueMap.task.jobOptions;
    const delay = typeof backoff === 'object' ? (backoff.delay ?? 0) : (backoff ?? 0);
    let waited = 0;
    for (let attempt = 1; attempt < attempts; attempt++) waited += cappedBackoffMs(attempt, delay);
    expect(waited / 86_400_000).toBeGreaterThanOrEqual(6.9);
  });
});
