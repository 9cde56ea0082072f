/**
 * Login throttling (issue 14 point 3) against real Redis: a guesser is slowed but nobody is locked
 * out, one address spraying usernames is refused, and behind TRUST_PROXY the client the gateway
 * names is the one counted. Waits are a second or two here (the defaults reach minutes).
 */
import { connectRedis } from '@urbangrid/redis';
import { redisTest } from '@urbangrid/test-support';
import getPort from 'get-port';
import { describe, expect, vi } from 'vitest';
import type { App } from '../app.js';
import { createLogger } from '../observability/logger.js';
import { buildTestApp, captureLogLines, expectProblem } from '../test-support/index.js';
import type { LoginThrottleSettings } from './login-throttle.js';

const throttle: Partial<LoginThrottleSettings> = {
  freeFailures: { account: 4, ipAccount: 4, ip: 6 },
  maxWaitSeconds: { account: 2, ipAccount: 2, ip: 2 },
  spray: { usernames: 4, windowSeconds: 60 },
};
const right = 'urbangrid';

function loginFrom(app: App, ip: string, username: string, password: string, forwardedFor?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    payload: { username, password },
  });
}

type Answer = Awaited<ReturnType<typeof loginFrom>>;

/** A 429 problem+json that says how long to wait, in the header and the body alike. */
function expectWait(response: Answer): number {
  const body = expectProblem(response, 429, 'RATE_LIMITED');
  const seconds = Number(response.headers['retry-after']);
  expect(seconds).toBeGreaterThan(0);
  expect(body.retryAfterSeconds).toBe(seconds);
  return seconds;
}

/** Waits (polling) until an attempt from `ip` is no longer told to wait. */
async function waitOut(app: App, ip: string, username: string, password: string): Promise<Answer> {
  let last: Answer | undefined;
  await vi.waitFor(
    async () => {
      last = await loginFrom(app, ip, username, password);
      expect(last.statusCode).not.toBe(429);
    },
    { timeout: 10_000, interval: 250 },
  );
  return last as Answer;
}

describe('login throttling', () => {
  let app: App;

  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis }, { loginThrottle: throttle, live: false });
    await app.ready();
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  redisTest('a guesser waits longer after each failure, and then the right password gets in', async () => {
    const guesser = '198.51.100.1';
    for (let i = 0; i < 4; i++) {
      expectProblem(await loginFrom(app, guesser, 'operator1', `guess-${i}`), 401, 'UNAUTHENTICATED');
    }
    expect(expectWait(await loginFrom(app, guesser, 'operator1', 'guess-4'))).toBe(1);
    // During the wait the password is not even looked at: the right one waits too, so a wait
    // never tells a guesser that a guess was right.
    expectWait(await loginFrom(app, guesser, 'operator1', right));
    const after = await waitOut(app, guesser, 'operator1', 'guess-5');
    expectProblem(after, 401, 'UNAUTHENTICATED');
    expect(expectWait(await loginFrom(app, guesser, 'operator1', 'guess-6'))).toBe(2);
    // Not a lock: after the wait, the right password gets in from the very same address.
    expect((await waitOut(app, guesser, 'operator1', right)).statusCode).toBe(200);
    // …and the success clears the account's count: the next mistake is free again.
    expectProblem(await loginFrom(app, guesser, 'operator1', 'typo'), 401, 'UNAUTHENTICATED');
  });

  redisTest('a guesser elsewhere cannot keep the owner out of where they signed in before', async () => {
    const desk = '192.0.2.10';
    expect((await loginFrom(app, desk, 'dispatcher1', right)).statusCode).toBe(200);
    const guesser = '198.51.100.2';
    for (let i = 0; i < 4; i++) await loginFrom(app, guesser, 'dispatcher1', `guess-${i}`);
    await loginFrom(app, guesser, 'dispatcher1', 'guess-4');
    expectWait(await loginFrom(app, guesser, 'dispatcher1', 'guess-5'));
    // The account's wait holds at every address it never signed in from (a second guesser)…
    expectWait(await loginFrom(app, '198.51.100.3', 'dispatcher1', 'guess-6'));
    // …but the owner at their desk signs in at once, as often as they like.
    for (let i = 0; i < 3; i++)
      expect((await loginFrom(app, desk, 'dispatcher1', right)).statusCode).toBe(200);
  });

  redisTest(
    'one address trying many usernames is refused; colleagues there and elsewhere are not',
    async () => {
      const office = '203.0.113.7';
      expect((await loginFrom(app, office, 'shiftlead1', right)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) {
        expectProblem(await loginFrom(app, office, `nobody-${i}`, 'password1'), 401, 'UNAUTHENTICATED');
      }
      const refused = await loginFrom(app, office, 'nobody-4', 'password1');
      expect(expectWait(refused)).toBeLessThanOrEqual(60);
      // Any account it has not signed in to waits out the window, the right password too…
      expectWait(await loginFrom(app, office, 'supervisor1', right));
      // …while an account that signed in there before still does, and other addresses are untouched.
      expect((await loginFrom(app, office, 'shiftlead1', right)).statusCode).toBe(200);
      expect((await loginFrom(app, '203.0.113.8', 'supervisor1', right)).statusCode).toBe(200);
    },
  );

  redisTest(
    'behind TRUST_PROXY the client the gateway names is counted, not the gateway',
    async ({ database, redis }) => {
      const gateway = '10.0.0.2';
      const behind = await buildTestApp(
        { database, redis },
        { loginThrottle: throttle, live: false, env: { TRUST_PROXY: gateway } },
      );
      try {
        // One client behind the gateway sprays usernames and is refused…
        for (let i = 0; i < 4; i++) await loginFrom(behind, gateway, `spray-${i}`, 'password1', '100.64.0.1');
        expectWait(await loginFrom(behind, gateway, 'spray-4', 'password1', '100.64.0.1'));
        // …another client behind the same gateway is not: they are told apart.
        const other = await loginFrom(behind, gateway, 'spray-5', 'password1', '100.64.0.2');
        expectProblem(other, 401, 'UNAUTHENTICATED');
        // A client that connects directly cannot pass for others by writing X-Forwarded-For itself.
        const direct = '198.51.100.9';
        for (let i = 0; i < 4; i++) {
          await loginFrom(behind, direct, `direct-${i}`, 'password1', `100.64.1.${i}`);
        }
        expectWait(await loginFrom(behind, direct, 'direct-4', 'password1', '100.64.1.99'));
      } finally {
        await behind.close();
      }
    },
  );

  redisTest(
    'with Redis away, staff still sign in (unthrottled), and that is logged once',
    async ({ database, redis }) => {
      const { lines, stream } = captureLogLines();
      const away = connectRedis(
        { kind: 'server', url: `redis://127.0.0.1:${await getPort()}` },
        { maxRetriesPerRequest: 1, lazyConnect: true, reconnect: false },
      );
      away.on('error', () => undefined);
      const cut = await buildTestApp(
        { database, redis: { ...redis, client: away } },
        {
          loginThrottle: throttle,
          live: false,
          logger: createLogger({ LOG_LEVEL: 'info' }, { destination: stream }),
        },
      );
      try {
        for (let i = 0; i < 3; i++) {
          expectProblem(
            await loginFrom(cut, '198.51.100.20', 'supervisor1', 'guess'),
            401,
            'UNAUTHENTICATED',
          );
        }
        expect((await loginFrom(cut, '198.51.100.20', 'supervisor1', right)).statusCode).toBe(200);
      } finally {
        await cut.close();
        away.disconnect();
      }
      const warnings = lines.filter((line) => line.includes('login throttling is off'));
      expect(warnings).toHaveLength(1);
    },
  );
});
