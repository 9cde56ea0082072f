import { describe, expect, it } from 'vitest';
import { connectionTrouble } from './connection-trouble.js';

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      warn: (_o: object, msg: string) => lines.push(`warn ${msg}`),
      info: (_o: object, msg: string) => lines.push(`info ${msg}`),
    },
  };
}

describe('an outage in the log', () => {
  it('is its first error, one line per interval while it lasts, and one line when it ends', () => {
    let now = 0;
    const { lines, logger } = recorder();
    const trouble = connectionTrouble('live hub', logger, { everyMs: 30_000, now: () => now });
    // A reconnect attempt every 200 ms for 65 s.
    for (; now <= 65_000; now += 200) trouble.error(new Error('connect ECONNREFUSED'));
    trouble.recovered();
    expect(lines).toEqual([
      'warn live hub: Redis does not answer (retrying; one line per 30 s until it does)',
      'warn live hub: Redis still does not answer',
      'warn live hub: Redis still does not answer',
      'info live hub: Redis answers again',
    ]);
    // A ready connection without an outage says nothing; the next outage is told again.
    trouble.recovered();
    trouble.error('refused');
    expect(lines).toHaveLength(5);
  });

  it('starts a new outage after a quiet interval where no ready is heard', () => {
    let now = 0;
    const { lines, logger } = recorder();
    const trouble = connectionTrouble('stage workers', logger, { everyMs: 30_000, now: () => now });
    trouble.error(new Error('a'));
    now = 100_000;
    trouble.error(new Error('b'));
    expect(lines.filter((l) => l.includes('does not answer (retrying'))).toHaveLength(2);
  });
});
