/**
 * Personal data never reaches the logs: a whole run — reports with names, phones and addresses from
 * a hotline operator, a hotline integration, an app and Open311; the case verified, filed,
 * dispatched, handled, checked and closed; reads of every kind; refused input, a stale version, an
 * unknown case and a database error on the insert that carried them — with every line the app and
 * the engine's workers write kept at trace level, and none of the values sent found in them.
 */
import { apiKeys } from '@urbangrid/db';
import { dispatchService } from '@urbangrid/dispatch';
import { startTestEngine, type TestEngine } from '@urbangrid/engine/test-support';
import { handlingService } from '@urbangrid/handling';
import { intakeService } from '@urbangrid/intake';
import { type App, createLogger, hashApiKey } from '@urbangrid/platform';
import { bearer, buildTestApp, captureLogLines, loginAs } from '@urbangrid/platform/test-support';
import { supervisionService } from '@urbangrid/supervision';
import { redisTest } from '@urbangrid/test-support';
import pg from 'pg';
import { describe, expect } from 'vitest';

const at = { lat: 40.85, lng: 111.7 };
const sanitation = 'dept-1501-sanitation-150102';

/** What each reporter sent of themselves. */
const operatorCall = {
  name: '李秀英',
  phone: '13912345678',
  address: '青山区钢铁大街12号3单元',
  callId: 'CALL-20261202-7781',
};
const integrationCall = {
  name: '赵建国',
  phone: '13787654321',
  address: '新城区锡林南路88号5栋',
  callId: 'CALL-20261202-7782',
};
const appUser = { name: '孙丽华', phone: '13611112222', address: '回民区中山西路6号2单元' };
const open311User = {
  first: 'Meixiu',
  last: 'Zhangsun',
  email: 'meixiu.zhangsun@example.com',
  phone: '13500001111',
  address: '赛罕区大学东街101号',
};
/** The insert that the database refuses: its row holds these. */
const failedCall = {
  name: '钱德明',
  phone: '13322223333',
  address: '玉泉区南二环路7号1单元',
  callId: 'CALL-DB-ERROR-0001',
};

const personalValues = [
  ...Object.values(operatorCall),
  ...Object.values(integrationCall),
  ...Object.values(appUser),
  ...Object.values(open311User),
  ...Object.values(failedCall),
  // The numbers as the masked views keep part of them would still match these.
  '2345678',
  '7654321',
];

describe('no personal data in the logs of a whole run', () => {
  let app: App;
  let engine: TestEngine;
  const log = captureLogLines();
  const tokens: Record<string, Record<string, string>> = {};

  redisTest.beforeAll(async ({ database, redis }) => {
    const logger = createLogger({ LOG_LEVEL: 'trace' }, { service: 'all-in-one', destination: log.stream });
    // Monday 09:00 in Hohhot: officers are on duty, so the verification is handed out.
    const monday0900 = new Date('2026-03-02T09:00:00+08:00');
    engine = await startTestEngine({ database, redis, logger, now: () => monday0900 });
    app = await buildTestApp(
      { database, redis },
      {
        logger,
        services: [intakeService, dispatchService, handlingService, supervisionService].map((service) =>
          service({ engine: engine.context }),
        ),
      },
    );
    await app.ready();
    for (const who of ['operator1', 'shiftlead1', 'dispatcher1', 'handler-sanitation-150102', 'supervisor1'])
      tokens[who] = bearer((await loginAs(app, who)).token);
    await database.db.insert(apiKeys).values({
      id: 'apikey-app-privacy',
      city: '1501',
      name: 'Citizen app',
      keyHash: hashApiKey('app-privacy-key'),
      scopes: ['report:create', 'report:read'],
      source: 'app',
    });
  });
  redisTest.afterAll(async () => {
    await app?.close();
    await engine?.stop();
  });

  const send = (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string> = {},
    payload?: Record<string, unknown>,
  ) => app.inject({ method, url, headers, payload });
  const as = (who: string) => tokens[who] ?? {};
  const report = (headers: Record<string, string>, source: string, who: typeof appUser, extra = {}) =>
    send('POST', '/api/intake/reports', headers, {
      source,
      categoryCode: 'E0101',
      description: '垃圾堆积 garbage piled up',
      location: at,
      address: who.address,
      reporter: { name: who.name, phone: who.phone },
      wantsCallback: true,
      ...extra,
    });
  const command = async (who: string, url: string, body: Record<string, unknown> = {}) => {
    const answer = await send('POST', url, as(who), body);
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json();
  };

  redisTest(
    'reports, a whole case, reads and errors leave no personal value in any line',
    async ({ database }) => {
      // Four ways in.
      const called = await report(as('operator1'), 'hotline', operatorCall, { callId: operatorCall.callId });
      expect(called.statusCode, called.body).toBe(201);
      const id: string = called.json().id;
      const integrated = await report({ 'x-api-key': 'hotline-demo-key' }, 'hotline', integrationCall, {
        callId: integrationCall.callId,
      });
      expect(integrated.statusCode, integrated.body).toBe(201);
      const fromApp = await report({ 'x-api-key': 'app-privacy-key' }, 'app', appUser);
      expect(fromApp.statusCode, fromApp.body).toBe(201);
      const open311 = await app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          api_key: 'open311-demo-key',
          service_code: 'E0101',
          lat: String(at.lat),
          long: String(at.lng),
          address_string: open311User.address,
          description: 'Bins overflowing',
          first_name: open311User.first,
          last_name: open311User.last,
          email: open311User.email,
          phone: open311User.phone,
        }).toString(),
      });
      expect(open311.statusCode, open311.body).toBe(201);

      // The operator's case, all the way.
      await engine.settle();
      // The grid's officer verifies and later checks it.
      const officer: string = (await send('GET', `/api/cases/${id}`, as('shiftlead1'))).json().assignee;
      tokens[officer] = bearer((await loginAs(app, officer)).token);
      await command(officer, `/api/dispatch/cases/${id}/verify`, { found: true, note: 'seen on site' });
      await command('shiftlead1', `/api/dispatch/cases/${id}/file`);
      await command('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, { departmentId: sanitation });
      await command('handler-sanitation-150102', `/api/handling/cases/${id}/accept`);
      await command('handler-sanitation-150102', `/api/handling/cases/${id}/complete`, { note: 'cleared' });
      await engine.settle();
      await command(officer, `/api/supervision/cases/${id}/check`, { fixed: true });
      const closed = await command('shiftlead1', `/api/supervision/cases/${id}/close`);
      expect(closed.state).toBe('closed');

      // Reads: the operator sees the number in full, others masked; the lists, the feeds.
      const full = await send('GET', `/api/cases/${id}`, as('operator1'));
      expect(full.json().reporter).toMatchObject({ name: operatorCall.name, phone: operatorCall.phone });
      for (const who of ['shiftlead1', 'supervisor1']) {
        expect((await send('GET', `/api/cases/${id}`, as(who))).statusCode).toBe(200);
        expect((await send('GET', '/api/cases?limit=50', as(who))).statusCode).toBe(200);
      }
      expect((await send('GET', '/open311/v2/requests.json')).statusCode).toBe(200);
      expect((await send('GET', `/api/public/cases/${closed.caseNo}`)).statusCode).toBe(200);

      // Errors: refused input that carries the values, a stale version, an unknown case.
      const refused = await report(as('operator1'), 'hotline', {
        ...appUser,
        phone: `call ${appUser.phone} now`,
      });
      expect(refused.statusCode).toBe(400);
      const stale = await send('POST', `/api/dispatch/cases/${id}/cancel`, as('shiftlead1'), {
        reason: `${operatorCall.name} called again`,
        expectedVersion: 1,
      });
      expect(stale.statusCode).toBeGreaterThanOrEqual(400);
      expect(stale.statusCode).toBeLessThan(500);
      expect((await send('GET', '/api/cases/case-does-not-exist', as('operator1'))).statusCode).toBe(404);

      // A database error on the insert holding a caller's data (PostgreSQL's detail names the row).
      const owner = new pg.Client({ connectionString: database.ownerUrl });
      await owner.connect();
      try {
        await owner.query(
          `alter table cases add constraint privacy_probe check (call_id is distinct from '${failedCall.callId}')`,
        );
      } finally {
        await owner.end();
      }
      const failed = await report(as('operator1'), 'hotline', failedCall, { callId: failedCall.callId });
      expect(failed.statusCode).toBe(500);

      await engine.settle();
      const lines = log.lines.join('');
      // The run was logged (requests, the engine's jobs, the failed insert)…
      expect(log.lines.length).toBeGreaterThan(50);
      expect(lines).toContain('privacy_probe');
      expect(lines).toContain(`/api/supervision/cases/${id}/close`);
      // …and none of what the people sent is in it.
      const found = personalValues.filter((value) => lines.includes(value));
      expect(found).toEqual([]);
    },
  );
});
