/**
 * Login throttling that slows a password guesser without locking anybody out (rate-limiter-flexible
 * counters in Redis, so every process shares them).
 *
 * Failed attempts are counted per account, per IP + account and per IP. After a few failures each
 * one makes the next attempt wait (1 s, 2 s, 4 s, … up to a cap) — answered 429
 * RATE_LIMITED with Retry-After, without looking at the password — and after the wait the right
 * password gets in as always. A success clears the account's counts.
 *
 * The account's and the IP's waits do not apply where the account signed in successfully before
 * (an IP it used in the last `knownDays`): a guesser elsewhere cannot keep a staff member out of
 * their own desk. Only the IP + account wait does, which only someone at the same address can
 * raise. One IP that fails on many usernames (spraying) is refused for any account it has not
 * signed in to, until its window ends.
 *
 * `request.ip` is the client only as far as TRUST_PROXY names the proxies in front (config.ts).
 * When Redis does not answer, logins go through unthrottled (and that is logged once per outage):
 * an outage of Redis must not keep staff out of the system.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { RateLimitedError, withProblemExtensions } from '../errors.js';

export interface LoginThrottleSettings {
  /** Failures answered at once; from the last of them on, each failure makes the next attempt wait. */
  freeFailures: { account: number; ipAccount: number; ip: number };
  /** The longest wait (seconds): the owner's worst case where the account's wait applies. */
  maxWaitSeconds: { account: number; ipAccount: number; ip: number };
  /** How long failures are remembered (seconds from the first). */
  memorySeconds: number;
  /** One IP that failed on `usernames` accounts within `windowSeconds` is refused until it ends. */
  spray: { usernames: number; windowSeconds: number };
  /** How long an IP stays known to an account after a successful login there (days). */
  knownDays: number;
}

export const defaultLoginThrottle: LoginThrottleSettings = {
  freeFailures: { account: 5, ipAccount: 5, ip: 20 },
  maxWaitSeconds: { account: 60, ipAccount: 15 * 60, ip: 15 * 60 },
  memorySeconds: 24 * 3600,
  spray: { usernames: 10, windowSeconds: 15 * 60 },
  knownDays: 30,
};

type Dimension = keyof LoginThrottleSettings['freeFailures'];
const dimensions: readonly Dimension[] = ['account', 'ipAccount', 'ip'];

export interface LoginAttempt {
  /** A wrong password (or unknown or inactive account): counts, and may make the next one wait. */
  failed(): Promise<void>;
  /** The right password: the account's counts are cleared and this IP becomes known to it. */
  succeeded(): Promise<void>;
}

export interface LoginThrottle {
  /** Throws RATE_LIMITED (with `retryAfterSeconds`) while this attempt must wait. */
  begin(request: FastifyRequest, username: string): Promise<LoginAttempt>;
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 24);

/** The wait after the `beyond`-th failure from the last free one on: 1, 2, 4, … seconds up to `max`. */
export const waitSeconds = (beyond: number, max: number) => Math.min(2 ** (beyond - 1), max);

export function createLoginThrottle(
  app: FastifyInstance,
  overrides: Partial<LoginThrottleSettings> = {},
): LoginThrottle {
  const settings = { ...defaultLoginThrottle, ...overrides };
  const prefix = `${app.config.QUEUE_PREFIX}:login`;
  const limiter = (name: string, points: number, duration: number) =>
    new RateLimiterRedis({
      storeClient: app.redis,
      keyPrefix: `${prefix}:${name}`,
      points,
      duration,
      // Fail at once while Redis is away instead of queueing the command.
      rejectIfRedisNotReady: true,
    });
  const failures = Object.fromEntries(
    dimensions.map((d) => [d, limiter(`failures:${d}`, Number.MAX_SAFE_INTEGER, settings.memorySeconds)]),
  ) as Record<Dimension, RateLimiterRedis>;
  const waits = Object.fromEntries(dimensions.map((d) => [d, limiter(`wait:${d}`, 1, 1)])) as Record<
    Dimension,
    RateLimiterRedis
  >;
  const sprayed = limiter('spray', settings.spray.usernames, settings.spray.windowSeconds);
  const known = limiter('known', 1, settings.knownDays * 86_400);

  let redisAway = false;
  /** Runs a Redis step; when Redis does not answer, logs once and goes on as if nothing was counted. */
  async function failOpen<T>(step: () => Promise<T>, fallback: T): Promise<T> {
    try {
      const value = await step();
      if (redisAway) app.log.info('login throttling: Redis answers again');
      redisAway = false;
      return value;
    } catch (error) {
      if (!redisAway) {
        app.log.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'login throttling is off while Redis does not answer',
        );
      }
      redisAway = true;
      return fallback;
    }
  }

  return {
    async begin(request, username) {
      const ip = request.ip;
      const account = hash(username.trim().toLowerCase());
      const keys: Record<Dimension, string> = { account, ipAccount: `${ip}|${account}`, ip };
      const knownHere = await failOpen(async () => (await known.get(keys.ipAccount)) !== null, false);

      const pending = await failOpen(async () => {
        // Where the account signed in before, only the wait that address itself raised applies.
        const applies = knownHere ? (['ipAccount'] as const) : dimensions;
        const answers = await Promise.all(applies.map((d) => waits[d].get(keys[d])));
        const spray = knownHere ? null : await sprayed.get(ip);
        if (spray !== null && spray.consumedPoints >= settings.spray.usernames) answers.push(spray);
        return Math.max(0, ...answers.map((answer) => answer?.msBeforeNext ?? 0));
      }, 0);
      if (pending > 0) {
        const seconds = Math.ceil(pending / 1000);
        throw withProblemExtensions(
          new RateLimitedError(`too many failed logins; try again in ${seconds} s`),
          { retryAfterSeconds: seconds },
        );
      }

      return {
        async failed() {
          await failOpen(async () => {
            const counts = await Promise.all(
              dimensions.map(async (d) => {
                const { consumedPoints } = await failures[d].penalty(keys[d]);
                const beyond = consumedPoints - settings.freeFailures[d] + 1;
                if (beyond > 0)
                  await waits[d].set(keys[d], 1, waitSeconds(beyond, settings.maxWaitSeconds[d]));
                return [d, consumedPoints] as const;
              }),
            );
            // The first failure on this account from this IP: one more username it tried.
            if (new Map(counts).get('ipAccount') === 1) await sprayed.penalty(ip);
          }, undefined);
        },
        async succeeded() {
          await failOpen(async () => {
            await Promise.all(
              (['account', 'ipAccount'] as const).flatMap((d) => [
                failures[d].delete(keys[d]),
                waits[d].delete(keys[d]),
              ]),
            );
            await known.set(keys.ipAccount, 1, settings.knownDays * 86_400);
          }, undefined);
        },
      };
    },
  };
}
