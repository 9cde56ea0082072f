import { liveChannel } from '@urbangrid/live';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { wakeRelayOnCommits } from './relay-wake.js';

/** A relay that counts wakes and lets a test wait for the next one. */
function countingRelay() {
  let wakes = 0;
  let waiters: Array<() => void> = [];
  return {
    wake() {
      wakes += 1;
      for (const resolve of waiters) resolve();
      waiters = [];
    },
    get wakes() {
      return wakes;
    },
    /** Resolves once the relay has been woken `n` times in all. */
    woken(n: number): Promise<void> {
      if (wakes >= n) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiters.push(() => void this.woken(n).then(resolve));
      });
    },
  };
}

describe('a worker-only process wakes its relay on commits announced on the live channel', () => {
  redisTest(
    'a message on the channel wakes the relay; a burst wakes it at its start and its end',
    async ({ redis }) => {
      const channel = liveChannel(redis.prefix);
      const relay = countingRelay();
      const wake = wakeRelayOnCommits(redis.client.duplicate(), channel, relay, 1_000);
      try {
        await wake.listening;
        await redis.client.publish(channel, JSON.stringify({ type: 'case.changed' }));
        await relay.woken(1);
        // A burst within the gap: the first message may wake at once, the rest are gathered into
        // one wake at the end of the gap, so the last one is never left waiting for the poll.
        await Promise.all(
          Array.from({ length: 20 }, () =>
            redis.client.publish(channel, JSON.stringify({ type: 'case.changed' })),
          ),
        );
        await relay.woken(2);
        expect(relay.wakes).toBeLessThan(20);
      } finally {
        await wake.stop();
      }
    },
  );
});
