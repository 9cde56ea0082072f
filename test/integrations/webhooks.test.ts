/**
 * Signed webhooks (issue 18.1) against real HTTP receivers: an admin subscribes a URL; every step
 * of a case the subscription asks for arrives as a signed JSON POST — in order per case, once, with
 * nothing of the reporter — and keeps arriving through a receiver's outage, a slow neighbour and a
 * day's dead-lettering and replay; a receiver answering 410 ends its subscription.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { webhookDeliveries, webhookSubscriptions } from '@urbangrid/db';
import { reportTestCase } from '@urbangrid/engine/test-support';
import { encryptPhone, loadConfig } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect } from 'vitest';
import {
  type Lifecycle,
  monday0900,
  sanitation,
  startLifecycle,
  walkTo,
} from '../lifecycle/lifecycle-harness.js';
import { type ReceivedDelivery, type Receiver, startReceiver } from './webhook-receiver.js';

const hour = 3_600_000;
const enforcement = 'dept-1501-enforcement-150102';

/** The receiver's side of README "Webhooks": HMAC-SHA256 of "<t>.<raw body>", compared in constant time. */
function verifies(secret: string, header: string, raw: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (match === null) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2] ?? '', 'hex'));
}

interface Subscription {
  id: string;
  secret: string;
}

interface LoggedDelivery {
  id: string;
  event: string;
  caseId: string;
  caseVersion: number;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastAttemptAt: string | null;
}

describe('signed webhooks', () => {
  let life: Lifecycle;
  let admin: Record<string, string>;
  const receivers: Receiver[] = [];

  redisTest.beforeAll(async ({ database, redis }) => {
    life = await startLifecycle(
      { database, redis },
      {
        engine: {
          webhookSecret: loadConfig({ NODE_ENV: 'test' }).webhookSecret,
          // Retries in milliseconds instead of seconds to an hour; the 24 h window runs on the test's clock.
          webhooks: {
            retryDelayMs: (attempts) => Math.min(400, 25 * 2 ** (attempts - 1)),
            timeoutMs: 10_000,
            sweepIntervalMs: 200,
          },
        },
      },
    );
    admin = bearer((await loginAs(life.app, 'admin')).token);
  });
  redisTest.afterAll(async () => {
    await life?.close();
  });
  redisTest.beforeEach(async ({ database }) => {
    life.clock.now = new Date(monday0900);
    // Each test hears only its own subscriptions.
    await database.db.delete(webhookSubscriptions);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.stop()));
  });

  const receiver = async () => {
    const started = await startReceiver();
    receivers.push(started);
    return started;
  };
  const subscribe = async (body: Record<string, unknown>): Promise<Subscription> => {
    const response = await life.app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: admin,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Subscription>();
  };
  const logOf = async (subscription: Subscription, query = ''): Promise<LoggedDelivery[]> => {
    const response = await life.app.inject({
      url: `/api/admin/webhooks/${subscription.id}/deliveries${query}`,
      headers: admin,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: LoggedDelivery[] }>().items;
  };
  const ofCase = (received: readonly ReceivedDelivery[], caseId: string) =>
    received.filter((delivery) => delivery.body.case.id === caseId);
  const poll = { timeout: 20_000, interval: 50 };

  redisTest(
    'a department hears only its cases, signed as documented, with nothing of the reporter',
    async ({ database }) => {
      const mine = await receiver();
      const theirs = await receiver();
      const city = await receiver();
      const sanitationHook = await subscribe({
        url: mine.url,
        events: ['case.dispatched'],
        departmentId: sanitation,
      });
      const enforcementHook = await subscribe({
        url: theirs.url,
        events: ['case.dispatched'],
        departmentId: enforcement,
      });
      const cityHook = await subscribe({ url: city.url, events: ['case.reported', 'case.dispatched'] });
      expect(sanitationHook.secret).toMatch(/^whsec_/);
      // The secret is shown once: kept sealed, never listed.
      const [stored] = await database.db
        .select()
        .from(webhookSubscriptions)
        .where(eq(webhookSubscriptions.id, sanitationHook.id));
      expect(stored?.secretSealed).not.toContain(sanitationHook.secret);
      const listed = await life.app.inject({ url: '/api/admin/webhooks', headers: admin });
      expect(listed.body).not.toContain(sanitationHook.secret);
      expect(listed.json<{ items: unknown[] }>().items).toHaveLength(3);

      const config = loadConfig({ NODE_ENV: 'test' });
      const { case: reported } = await reportTestCase(life.engine.context, {
        reporterName: '王秀英',
        reporterPhoneEnc: encryptPhone(config.phoneEncryptionKey, '13812345678'),
      });
      const id = reported.id;
      await life.engine.settle();
      await life.command('officer1', `/api/dispatch/cases/${id}/verify`, { found: true });
      await life.command('shiftlead1', `/api/dispatch/cases/${id}/file`);
      await life.command('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, { departmentId: sanitation });

      await expect.poll(() => mine.received.length, poll).toBe(1);
      await expect
        .poll(() => city.received.map((d) => [d.body.event, d.body.case.caseNo, d.body.case.state]), poll)
        .toEqual([
          ['case.reported', reported.caseNo, 'reported'],
          ['case.dispatched', reported.caseNo, 'dispatched'],
        ]);
      const [delivery] = mine.received;
      if (delivery === undefined) throw new Error('no delivery');
      expect(delivery.body).toMatchObject({
        event: 'case.dispatched',
        occurredAt: monday0900.toISOString(),
        case: { id, state: 'dispatched', departmentId: sanitation, caseNo: reported.caseNo },
      });
      expect(delivery.deliveryHeader).toBe(delivery.body.id);
      expect(delivery.signature).toBe(
        `t=${monday0900.getTime() / 1000},v1=${createHmac('sha256', sanitationHook.secret)
          .update(`${monday0900.getTime() / 1000}.${delivery.raw}`)
          .digest('hex')}`,
      );
      expect(verifies(sanitationHook.secret, delivery.signature, delivery.raw)).toBe(true);
      expect(verifies(cityHook.secret, delivery.signature, delivery.raw)).toBe(false);
      expect(
        verifies(sanitationHook.secret, delivery.signature, delivery.raw.replace('dispatched', 'closed')),
      ).toBe(false);
      for (const raw of [...mine.received, ...city.received].map((d) => d.raw)) {
        expect(raw).not.toMatch(/王秀英|13812345678|138\*\*\*\*5678|reporter|v1\./);
      }
      // The other department heard nothing and has nothing waiting.
      expect(theirs.received).toEqual([]);
      expect(await logOf(enforcementHook)).toEqual([]);
      const [logged] = await logOf(sanitationHook);
      expect(logged).toMatchObject({
        id: delivery.body.id,
        event: 'case.dispatched',
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastLatencyMs: expect.any(Number),
      });
    },
  );

  redisTest(
    'a receiver down for an hour loses nothing, and each case arrives in order',
    async ({ database }) => {
      const down = await receiver();
      await down.stop();
      const hook = await subscribe({
        url: down.url,
        events: ['case.dispatched', 'case.accepted', 'case.handled'],
        departmentId: sanitation,
      });
      const cases = [await walkTo(life, 'reviewing'), await walkTo(life, 'reviewing')];
      const rows = async () =>
        database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, hook.id));
      expect(await rows()).toHaveLength(6);
      // The first event of each case is being retried; the later ones wait their turn, untried.
      await expect
        .poll(
          async () =>
            (await rows()).filter((row) => row.event === 'case.dispatched' && row.attempts >= 3).length,
          poll,
        )
        .toBe(2);
      expect(
        (await rows()).filter((row) => row.event !== 'case.dispatched').map((row) => row.attempts),
      ).toEqual([0, 0, 0, 0]);

      life.clock.now = new Date(monday0900.getTime() + hour);
      const afterAnHour = life.clock.now.getTime();
      await expect
        .poll(
          async () =>
            (await rows()).filter((row) => (row.lastAttemptAt?.getTime() ?? 0) >= afterAnHour).length,
          poll,
        )
        .toBe(2);
      expect((await rows()).every((row) => row.status === 'pending')).toBe(true);

      await down.start();
      await expect.poll(async () => (await logOf(hook, '?status=delivered')).length, poll).toBe(6);
      expect(down.received).toHaveLength(6);
      for (const caseId of cases) {
        const arrived = ofCase(down.received, caseId);
        expect(arrived.map((d) => d.body.event)).toEqual([
          'case.dispatched',
          'case.accepted',
          'case.handled',
        ]);
        const versions = arrived.map((d) => d.body.case.version);
        expect(versions).toEqual([...versions].sort((a, b) => a - b));
      }
      expect(new Set(down.received.map((d) => d.body.id)).size).toBe(6);
    },
  );

  redisTest(
    'after 24 h a delivery is dead-lettered; a replay sends it again, under the same id',
    async () => {
      const failing = await receiver();
      failing.answer = () => 503;
      const hook = await subscribe({ url: failing.url, events: ['case.dispatched'] });
      const id = await walkTo(life, 'dispatched');
      await expect.poll(() => failing.received.length, poll).toBeGreaterThanOrEqual(2);
      expect((await logOf(hook))[0]).toMatchObject({ status: 'pending', lastStatusCode: 503 });

      life.clock.now = new Date(monday0900.getTime() + 25 * hour);
      await expect.poll(async () => (await logOf(hook))[0]?.status, poll).toBe('dead');
      const [dead] = await logOf(hook, '?status=dead');
      if (dead === undefined) throw new Error('nothing dead-lettered');
      const tries = failing.received.length;
      expect(dead.attempts).toBe(tries);

      failing.answer = () => 204;
      const replay = await life.app.inject({
        method: 'POST',
        url: `/api/admin/webhooks/${hook.id}/deliveries/${dead.id}/replay`,
        headers: admin,
      });
      expect(replay.statusCode, replay.body).toBe(202);
      await expect.poll(async () => (await logOf(hook))[0]?.status, poll).toBe('delivered');
      const last = failing.received.at(-1);
      expect(last?.body).toMatchObject({ id: dead.id, event: 'case.dispatched', case: { id } });
      expect(failing.received).toHaveLength(tries + 1);
    },
  );

  redisTest("a slow receiver does not hold up another subscription's deliveries", async () => {
    const slow = await receiver();
    const fast = await receiver();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    slow.answer = async () => {
      await released;
      return 200;
    };
    const ids: string[] = [];
    for (let n = 0; n < 6; n += 1) ids.push(await walkTo(life, 'filed'));
    const slowHook = await subscribe({ url: slow.url, events: ['case.dispatched'] });
    await subscribe({ url: fast.url, events: ['case.dispatched'] });
    for (const id of ids) {
      await life.command('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, { departmentId: sanitation });
    }
    // Every delivery reaches the fast receiver while the slow one still holds its first requests.
    await expect.poll(() => fast.received.length, poll).toBe(6);
    expect(slow.received.length).toBeGreaterThanOrEqual(1);
    expect((await logOf(slowHook, '?status=delivered')).length).toBe(0);
    release();
    await expect.poll(async () => (await logOf(slowHook, '?status=delivered')).length, poll).toBe(6);
  });

  redisTest('a delivery left claimed by a worker that died is swept and sent again', async ({ database }) => {
    const target = await receiver();
    const hook = await subscribe({ url: target.url, events: ['case.dispatched'] });
    await walkTo(life, 'dispatched');
    await expect.poll(async () => (await logOf(hook))[0]?.status, poll).toBe('delivered');
    // What a run that dies between its claim and its record leaves: pending under a lease long
    // over, and no job (the job it ran is finished; a rerun of it found the lease held).
    const [claimed] = await database.db
      .update(webhookDeliveries)
      .set({ status: 'pending', deliveredAt: null, leaseUntil: new Date(Date.now() - 60_000) })
      .where(eq(webhookDeliveries.subscriptionId, hook.id))
      .returning();
    if (claimed === undefined) throw new Error('no delivery');
    await expect.poll(async () => (await logOf(hook))[0]?.status, poll).toBe('delivered');
    expect((await logOf(hook))[0]).toMatchObject({ id: claimed.id, attempts: 2, lastStatusCode: 200 });
    // Sent again under its id (the receiver's idempotency key), and only once more.
    expect(target.received.map((d) => d.body.id)).toEqual([claimed.id, claimed.id]);
  });

  redisTest('a receiver answering 410 Gone ends its subscription', async () => {
    const gone = await receiver();
    gone.answer = () => 410;
    const hook = await subscribe({ url: gone.url, events: ['case.dispatched'] });
    await walkTo(life, 'dispatched');
    const read = async () =>
      (await life.app.inject({ url: `/api/admin/webhooks/${hook.id}`, headers: admin })).json<{
        active: boolean;
        endedAt: string | null;
      }>();
    await expect.poll(async () => (await read()).endedAt, poll).not.toBeNull();
    expect((await read()).active).toBe(false);
    expect(await logOf(hook)).toMatchObject([{ status: 'cancelled', lastStatusCode: 410, attempts: 1 }]);
    // Later steps are not sent, not even queued.
    await walkTo(life, 'dispatched');
    await life.engine.settle();
    expect(await logOf(hook)).toHaveLength(1);
    expect(gone.received).toHaveLength(1);
  });

  redisTest('subscriptions are checked, scoped to the admin, and edited at the version seen', async () => {
    const post = (payload: Record<string, unknown>, headers = admin) =>
      life.app.inject({ method: 'POST', url: '/api/admin/webhooks', headers, payload });
    expectProblem(
      await post({ url: 'ftp://example.org/x', events: ['case.closed'] }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await post({ url: 'https://example.org/x', events: ['case.exploded'] }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await post({ url: 'https://example.org/x', events: [] }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await post({ url: 'https://example.org/x', events: ['case.closed'], departmentId: 'dept-1502-nope' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await post({ url: 'https://example.org/x', events: ['case.closed'], city: '1502' }),
      403,
      'FORBIDDEN',
    );
    const dispatcher = bearer(life.tokens.dispatcher1);
    expectProblem(
      await post({ url: 'https://example.org/x', events: ['case.closed'] }, dispatcher),
      403,
      'FORBIDDEN',
    );

    const hook = await subscribe({ url: 'https://example.org/hooks', events: ['case.closed'] });
    const patch = (payload: Record<string, unknown>, ifMatch: string) =>
      life.app.inject({
        method: 'PATCH',
        url: `/api/admin/webhooks/${hook.id}`,
        headers: { ...admin, 'if-match': ifMatch },
        payload,
      });
    const changed = await patch({ events: ['case.closed', 'case.overdue'] }, '"1"');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ events: ['case.closed', 'case.overdue'], version: 2 });
    expectProblem(await patch({ url: 'https://example.org/other' }, '"1"'), 409, 'VERSION_CONFLICT');
    const removed = await life.app.inject({
      method: 'DELETE',
      url: `/api/admin/webhooks/${hook.id}`,
      headers: admin,
    });
    expect(removed.statusCode).toBe(200);
    expectProblem(
      await life.app.inject({ url: `/api/admin/webhooks/${hook.id}`, headers: admin }),
      404,
      'NOT_FOUND',
    );
  });
});
