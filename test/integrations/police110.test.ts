/**
 * The 110 linkage (issue 18.3) against a stand-in 110 over real HTTP both ways: 110 hands over an
 * urban-management call (signed with its key's secret; a bad signature is 401; the same call id is
 * the same case) and hears that case's steps by its webhook subscription — and nothing else of the
 * city; the shift lead hands a public-security matter over to 110 (移交110: closed as
 * handed_to_110, counted as no closing), 110 hears it signed and posts its reference and status
 * back, which the case shows.
 */
import type { AddressInfo } from 'node:net';
import { demoGrid, reportTestCase } from '@urbangrid/engine/test-support';
import { loadConfig } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { afterAll, describe, expect } from 'vitest';
import { type Lifecycle, monday0900, startLifecycle, walkCase } from '../lifecycle/lifecycle-harness.js';
import { type Police110StandIn, sign, startPolice110StandIn } from './police110-stand-in.js';

const poll = { timeout: 20_000, interval: 50 };

interface CreatedKey {
  key: string;
  signingSecret?: string;
  scopes: string[];
}

describe('110 linkage', () => {
  let life: Lifecycle;
  let admin: Record<string, string>;
  let police: Police110StandIn;

  redisTest.beforeAll(async ({ database, redis }) => {
    life = await startLifecycle(
      { database, redis },
      {
        engine: {
          webhookSecret: loadConfig({ NODE_ENV: 'test' }).webhookSecret,
          webhooks: { retryDelayMs: (attempts) => Math.min(400, 25 * 2 ** (attempts - 1)) },
        },
      },
    );
    await life.app.listen({ port: 0, host: '127.0.0.1' });
    const ourUrl = `http://127.0.0.1:${(life.app.server.address() as AddressInfo).port}`;
    admin = bearer((await loginAs(life.app, 'admin')).token);

    // The admin gives 110 a key (its signing secret shown once) and subscribes 110's receiver.
    const keyAnswer = await life.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: admin,
      payload: { name: '110 指挥中心', source: 'police110', scopes: ['police110'], rateLimitPerMinute: 600 },
    });
    expect(keyAnswer.statusCode, keyAnswer.body).toBe(201);
    const key = keyAnswer.json<CreatedKey>();
    expect(key.signingSecret).toMatch(/^whsec_/);
    police = await startPolice110StandIn({ ourUrl, apiKey: key.key, signingSecret: key.signingSecret ?? '' });
    const subscription = await life.app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: admin,
      payload: {
        url: police.url,
        integration: 'police110',
        events: ['case.reported', 'case.filed', 'case.dispatched', 'case.closed', 'case.handedTo110'],
      },
    });
    expect(subscription.statusCode, subscription.body).toBe(201);
    expect(subscription.json()).toMatchObject({ integration: 'police110' });
    police.subscriptionSecret = subscription.json<{ secret: string }>().secret;
  });
  redisTest.afterAll(async () => {
    await life?.close();
  });
  afterAll(async () => {
    await police?.stop();
  });
  redisTest.beforeEach(() => {
    life.clock.now = new Date(monday0900);
  });

  const call = (callId: string) => ({
    callId,
    categoryCode: 'E0101',
    description: '群众报警：公交站旁垃圾堆积，非警情，转城管',
    location: { lat: demoGrid.lat, lng: demoGrid.lng },
    reporter: { name: '李女士', phone: '13900001111' },
  });
  const heard = (caseId: string) =>
    police.received.filter((delivery) => delivery.body.case.id === caseId).map((d) => d.body.event);

  redisTest('110 hands over a call: signed, once per call id, and hears its steps in order', async () => {
    const first = await police.send('/api/intake/police110/calls', call('110-20260302-0001'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const taken = first.body as { id: string; caseNo: string; state: string; callId: string };
    expect(taken.callId).toBe('110-20260302-0001');
    const again = await police.send('/api/intake/police110/calls', call('110-20260302-0001'));
    expect(again).toMatchObject({ status: 200, body: { id: taken.id, caseNo: taken.caseNo } });

    const detail = await life.read(taken.id);
    expect(detail).toMatchObject({ source: 'police110', police110: { callId: '110-20260302-0001' } });

    // A case of the city that is not 110's: 110 hears nothing of it.
    const { case: other } = await reportTestCase(life.engine.context);
    await life.engine.settle();

    await walkCase(life, taken.id, 'dispatched');
    await expect
      .poll(() => heard(taken.id), poll)
      .toEqual(['case.reported', 'case.filed', 'case.dispatched']);
    const [reported] = police.received.filter((d) => d.body.case.id === taken.id);
    expect(reported?.signatureValid).toBe(true);
    expect(reported?.body.case).toMatchObject({
      caseNo: taken.caseNo,
      police110: { callId: '110-20260302-0001' },
    });
    expect(reported?.raw).not.toMatch(/李女士|13900001111/);
    await life.engine.settle();
    expect(heard(other.id)).toEqual([]);
  });

  redisTest('a call with a bad or missing signature is refused with 401 and makes no case', async () => {
    const body = call('110-20260302-0002');
    const forged = await police.send('/api/intake/police110/calls', body, (raw) =>
      sign('whsec_not-ours', raw),
    );
    expectProblemBody(forged, 401, 'UNAUTHENTICATED');
    const tampered = await police.send('/api/intake/police110/calls', body, (raw) =>
      sign(police.signingSecret, raw.replace('0002', '0003')),
    );
    expectProblemBody(tampered, 401, 'UNAUTHENTICATED');
    const stale = await police.send('/api/intake/police110/calls', body, (raw) =>
      sign(police.signingSecret, raw, new Date(Date.now() - 3_600_000)),
    );
    expectProblemBody(stale, 401, 'UNAUTHENTICATED');
    const unsigned = await police.send('/api/intake/police110/calls', body, () => '');
    expectProblemBody(unsigned, 401, 'UNAUTHENTICATED');
    // Signed right, it is taken: none of the refused ones made a case.
    const signed = await police.send('/api/intake/police110/calls', body);
    expect(signed.status).toBe(201);
    // Staff cannot use 110's routes, nor 110's key the ordinary report route.
    const asOperator = await life.app.inject({
      method: 'POST',
      url: '/api/intake/police110/calls',
      headers: bearer(life.tokens.operator1),
      payload: body,
    });
    expectProblem(asOperator, 403, 'FORBIDDEN');
  });

  redisTest(
    'the shift lead hands a case over to 110, which hears it signed and answers with its reference',
    async () => {
      const closings = async () => {
        const report = await life.get(
          'supervisor1',
          '/api/supervision/reports/timeliness?from=2026-03-01&to=2026-03-31&groupBy=district',
        );
        expect(report.status).toBe(200);
        return (report.body as { totals: { closed: number; received: number } }).totals;
      };
      const before = await closings();
      const { case: reported } = await reportTestCase(life.engine.context, {
        description: '路边有人持械斗殴',
      });
      await life.engine.settle();
      const handed = await life.command('shiftlead1', `/api/dispatch/cases/${reported.id}/hand-over-110`, {
        reason: '持械斗殴，属治安警情',
      });
      expect(handed).toMatchObject({ state: 'closed', closureType: 'handed_to_110' });
      // Received here and ended here, but fixed by nobody here: no closing is counted.
      expect(await closings()).toMatchObject({ received: before.received + 1, closed: before.closed });
      await expect
        .poll(() => police.received.find((d) => d.body.case.id === reported.id)?.body, poll)
        .toMatchObject({
          event: 'case.handedTo110',
          case: {
            caseNo: reported.caseNo,
            state: 'closed',
            closureType: 'handed_to_110',
            handover: { reason: '持械斗殴，属治安警情' },
          },
        });
      expect(police.received.find((d) => d.body.case.id === reported.id)?.signatureValid).toBe(true);

      // 110's desk took it: its reference and status are on the case.
      await expect.poll(async () => (await life.read(reported.id)).police110?.status, poll).toBe('accepted');
      const reference = police.references.get(reported.caseNo);
      expect((await life.read(reported.id)).police110).toMatchObject({ callId: null, reference });

      const resolved = {
        updateId: `upd-${reference}-resolved`,
        caseNo: reported.caseNo,
        reference,
        status: 'resolved',
        note: '民警到场处置完毕',
        occurredAt: new Date().toISOString(),
      };
      expect(await police.send('/api/intake/police110/updates', resolved)).toMatchObject({
        status: 200,
        body: { caseId: reported.id, recorded: true },
      });
      expect(await police.send('/api/intake/police110/updates', resolved)).toMatchObject({
        status: 200,
        body: { recorded: false },
      });
      const detail = await life.read(reported.id);
      expect(detail.police110?.updates.map((u) => u.status)).toEqual(['accepted', 'resolved']);
      expect(detail.police110?.status).toBe('resolved');
      expect(detail.timeline.at(-1)).toMatchObject({ command: 'handOverTo110', toState: 'closed' });

      // A bad signature, a case never handed over, a case of no one: refused.
      const forged = await police.send(
        '/api/intake/police110/updates',
        { ...resolved, updateId: 'upd-forged' },
        (raw) => sign('whsec_not-ours', raw),
      );
      expectProblemBody(forged, 401, 'UNAUTHENTICATED');
      const { case: ours } = await reportTestCase(life.engine.context);
      const notHanded = await police.send('/api/intake/police110/updates', {
        ...resolved,
        updateId: 'upd-x',
        caseNo: ours.caseNo,
      });
      expectProblemBody(notHanded, 409, 'TRANSITION_NOT_ALLOWED');
      const unknown = await police.send('/api/intake/police110/updates', {
        ...resolved,
        updateId: 'upd-y',
        caseNo: 'NOPE-1',
      });
      expectProblemBody(unknown, 404, 'NOT_FOUND');
      const again = await life.post('shiftlead1', `/api/dispatch/cases/${reported.id}/hand-over-110`, {
        reason: '再次',
      });
      expect(again.status).toBe(409);
    },
  );

  redisTest('a dispatched case is not handed over; only the shift lead hands over', async () => {
    const { case: reported } = await reportTestCase(life.engine.context);
    await life.engine.settle();
    const byDispatcher = await life.post('dispatcher1', `/api/dispatch/cases/${reported.id}/hand-over-110`, {
      reason: '治安',
    });
    expect(byDispatcher.status).toBe(403);
    await walkCase(life, reported.id, 'dispatched');
    const late = await life.post('shiftlead1', `/api/dispatch/cases/${reported.id}/hand-over-110`, {
      reason: '治安',
    });
    expect(late).toMatchObject({ status: 409, body: { code: 'TRANSITION_NOT_ALLOWED' } });
  });

  function expectProblemBody(answer: { status: number; body: unknown }, status: number, code: string) {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body).toMatchObject({ code, status });
  }
});
