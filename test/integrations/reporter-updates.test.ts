/**
 * Reporter updates (issue 18.4) against a real SMTP server (smtp-server, each message parsed as it
 * arrives) and a stand-in SMS adapter (an HTTP server): a reporter who left an email and a phone is
 * told when the case is filed, dispatched and closed — in their language, else the city's — and at
 * the close asked for their satisfaction through the link to their public page, where they answer
 * once or opt out. A job run twice sends once; a mail server that refuses is tried again with
 * backoff, then the send is recorded as failed — and the case never waits for any of it. No
 * address or number reaches the logs or the send records.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { listReporterUpdates, reporterUpdates } from '@urbangrid/db';
import { userActor } from '@urbangrid/domain';
import { loadConfig } from '@urbangrid/platform';
import { redisTest } from '@urbangrid/test-support';
import getPort from 'get-port';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect } from 'vitest';
import {
  type Lifecycle,
  monday0900,
  sanitation,
  startLifecycle,
  walkCase,
} from '../lifecycle/lifecycle-harness.js';
import { type Receiver, startReceiver } from './webhook-receiver.js';

const smsSecret = 'sms-adapter-secret-0123456789';
const phone = '13912345678';
const email = 'citizen@example.org';

interface ArrivedMail {
  to: string;
  subject: string;
  text: string;
}

interface SmsRequest {
  id: string;
  to: string;
  message: string;
  language: string;
  caseNo: string;
  event: string;
}

/** A real SMTP server on a free port; `refuse` makes it answer 550 to every recipient. */
async function startMailServer() {
  const arrived: ArrivedMail[] = [];
  const state = { refuse: false, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.refuse) return callback();
      state.refused += 1;
      const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
      return callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          arrived.push({ to: to?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  const port = await getPort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrived,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The adapter's side of README "Reporter updates": the same signature as webhooks. */
function verifies(header: string, raw: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (match === null) return false;
  const expected = createHmac('sha256', smsSecret).update(`${match[1]}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2] ?? '', 'hex'));
}

describe('reporter updates', () => {
  let life: Lifecycle;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let sms: Receiver;
  const logged: string[] = [];
  const capture = (level: string) => (obj: object, msg?: string) => {
    logged.push(`${level} ${JSON.stringify(obj)} ${msg ?? ''}`);
  };

  redisTest.beforeAll(async ({ database, redis }) => {
    mail = await startMailServer();
    sms = await startReceiver();
    life = await startLifecycle(
      { database, redis },
      {
        engine: {
          logger: {
            debug: capture('debug'),
            info: capture('info'),
            warn: capture('warn'),
            error: capture('error'),
          },
          reporterUpdates: {
            // The key the app seals reporters' phones and emails with.
            contactKey: loadConfig({ NODE_ENV: 'test' }).phoneEncryptionKey,
            publicBaseUrl: 'https://city.example',
            email: { url: mail.url, from: 'City <noreply@city.example>' },
            sms: { url: sms.url, secret: smsSecret },
            maxAttempts: 3,
            retryDelayMs: () => 50,
            timeoutMs: 5_000,
          },
        },
      },
    );
  });
  redisTest.afterAll(async () => {
    await life?.close();
    await mail?.close();
    await sms?.stop();
  });
  redisTest.beforeEach(() => {
    life.clock.now = new Date(monday0900);
    mail.arrived.length = 0;
    mail.state.refuse = false;
    sms.received.length = 0;
    sms.answer = () => 200;
  });

  /** A hotline report with the reporter's contact, its verification assigned. */
  async function report(reporter: Record<string, unknown>): Promise<{ id: string; caseNo: string }> {
    const answer = await life.post('operator1', '/api/intake/reports', {
      source: 'hotline',
      categoryCode: 'E0101',
      description: 'garbage by the gate',
      location: { lat: 40.842, lng: 111.652 },
      reporter,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    await life.engine.settle();
    return answer.body as { id: string; caseNo: string };
  }

  const dispatch = (id: string) =>
    life.command('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, { departmentId: sanitation });

  const smsOf = () =>
    sms.received.map((r) => ({ ...(JSON.parse(r.raw) as SmsRequest), signed: verifies(r.signature, r.raw) }));
  const pageToken = (text: string) =>
    /https:\/\/city\.example\/r\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(text)?.[1];

  redisTest(
    'filed, dispatched and closed reach the email and the phone, in English; the close asks for satisfaction',
    async ({ database }) => {
      const { id, caseNo } = await report({ name: 'Wang', phone, email, language: 'en' });
      await walkCase(life, id, 'reviewed');
      await life.command('shiftlead1', `/api/supervision/cases/${id}/close`);
      await life.engine.settle();

      expect(mail.arrived.map((m) => m.subject)).toEqual([
        `Your report has been registered (${caseNo})`,
        `Your report has been sent to a department (${caseNo})`,
        `Your report has been resolved (${caseNo})`,
      ]);
      for (const m of mail.arrived) expect(m.to).toBe(email);
      const closing = mail.arrived[2]?.text ?? '';
      expect(closing).toContain('Are you satisfied with the outcome?');
      expect(closing).toContain('To stop these updates');

      const texts = smsOf();
      expect(texts.map((t) => t.event)).toEqual(['case.filed', 'case.dispatched', 'case.closed']);
      for (const t of texts) expect(t).toMatchObject({ to: phone, caseNo, language: 'en', signed: true });
      expect(texts[2]?.message).toContain('Are you satisfied');
      expect(new Set(texts.map((t) => t.id)).size).toBe(3);

      const sent = await listReporterUpdates(database.db, id);
      expect(sent).toHaveLength(6);
      for (const row of sent) expect(row).toMatchObject({ status: 'sent', attempts: 1, language: 'en' });

      // The link of the closing message opens the reporter's page: they answer once.
      const token = pageToken(closing);
      expect(token).toBeDefined();
      expect(pageToken(texts[2]?.message ?? '')).toBe(token);
      const page = await life.app.inject({ method: 'GET', url: `/api/public/reporter/${token}` });
      expect(page.json()).toMatchObject({
        caseNo,
        state: 'closed',
        updates: true,
        canAnswer: true,
        satisfaction: null,
      });
      expect(page.body).not.toContain(phone);
      expect(page.body).not.toContain('Wang');
      const answer = (satisfied: boolean) =>
        life.app.inject({
          method: 'POST',
          url: `/api/public/reporter/${token}/satisfaction`,
          payload: { satisfied },
        });
      const first = await answer(true);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ satisfaction: 'satisfied', canAnswer: false });
      expect((await answer(false)).statusCode).toBe(409);
      // The answer is the case's callback (回访): no operator is asked to call.
      const due = await life.get('operator1', '/api/intake/callbacks');
      expect(JSON.stringify(due.body)).not.toContain(id);

      // A token altered or made for another case opens nothing.
      const forged = `${token?.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAA`;
      expect(
        (await life.app.inject({ method: 'GET', url: `/api/public/reporter/${forged}` })).statusCode,
      ).toBe(404);

      // A job run twice sends once: the same update enqueued again sends nothing more.
      await life.engine.queues.enqueue(
        'reporterUpdate',
        'reporter.email',
        { caseId: id, city: '1501', event: 'case.closed', channel: 'email' },
        { jobId: `again-${id}` },
      );
      await life.engine.settle();
      expect(mail.arrived).toHaveLength(3);

      // Nothing of the reporter in the logs or the send records.
      for (const line of logged) {
        expect(line).not.toContain(phone);
        expect(line).not.toContain(email);
      }
      expect(JSON.stringify(sent)).not.toContain(email);
    },
  );

  redisTest(
    "without a language the city's default (zh-CN); opting out at report time or by the link stops them",
    async ({ database }) => {
      const zh = await report({ email });
      await walkCase(life, zh.id, 'filed');
      await life.engine.settle();
      expect(mail.arrived.map((m) => m.subject)).toEqual([`您反映的问题已立案 (${zh.caseNo})`]);
      expect(mail.arrived[0]?.text).toContain(`案件编号 ${zh.caseNo}`);
      expect(sms.received).toHaveLength(0);

      // Opted out when reporting: nothing is sent, nothing is even queued.
      const quiet = await report({ phone, email, updates: false });
      await walkCase(life, quiet.id, 'dispatched');
      await life.engine.settle();
      expect(mail.arrived).toHaveLength(1);
      expect(await listReporterUpdates(database.db, quiet.id)).toEqual([]);

      // Opted out through the link of the first message: the dispatch is not told.
      const token = pageToken(mail.arrived[0]?.text ?? '');
      const optOut = await life.app.inject({ method: 'POST', url: `/api/public/reporter/${token}/opt-out` });
      expect(optOut.statusCode, optOut.body).toBe(200);
      expect(optOut.json()).toMatchObject({ updates: false, state: 'filed', canAnswer: false });
      await dispatch(zh.id);
      await life.engine.settle();
      expect(mail.arrived).toHaveLength(1);
      // The satisfaction question waits for the close.
      const early = await life.app.inject({
        method: 'POST',
        url: `/api/public/reporter/${token}/satisfaction`,
        payload: { satisfied: true },
      });
      expect(early.statusCode).toBe(409);
    },
  );

  redisTest(
    'a caller attached to the case (附加来电) is told too, in their own language, with a link of their own',
    async ({ database }) => {
      const callerEmail = 'second.caller@example.org';
      const { id, caseNo } = await report({ email, language: 'en' });
      const attached = await life.post('operator1', `/api/intake/cases/${id}/attach`, {
        description: 'the same garbage, another caller',
        reporter: { name: '李女士', email: callerEmail },
      });
      expect(attached.status, JSON.stringify(attached.body)).toBe(201);
      await walkCase(life, id, 'dispatched');
      await life.engine.settle();

      const to = (address: string) => mail.arrived.filter((m) => m.to === address).map((m) => m.subject);
      expect(to(email)).toEqual([
        `Your report has been registered (${caseNo})`,
        `Your report has been sent to a department (${caseNo})`,
      ]);
      // No language given: the city's (zh-CN).
      expect(to(callerEmail)).toEqual([
        `您反映的问题已立案 (${caseNo})`,
        `您反映的问题已派遣处理 (${caseNo})`,
      ]);
      const sent = await listReporterUpdates(database.db, id);
      expect(sent.filter((row) => row.status === 'sent')).toHaveLength(4);
      expect(JSON.stringify(sent)).not.toContain(callerEmail);

      // The caller's link is their own: opting out there leaves the reporter's updates alone.
      const callerMail = mail.arrived.find((m) => m.to === callerEmail)?.text ?? '';
      const reporterMail = mail.arrived.find((m) => m.to === email)?.text ?? '';
      const token = pageToken(callerMail);
      expect(token).toBeDefined();
      expect(token).not.toBe(pageToken(reporterMail));
      const optOut = await life.app.inject({ method: 'POST', url: `/api/public/reporter/${token}/opt-out` });
      expect(optOut.statusCode, optOut.body).toBe(200);
      expect(optOut.json()).toMatchObject({ caseNo, updates: false });
      expect(optOut.body).not.toContain('李女士');
      const handler = 'handler-sanitation-150102';
      await life.command(handler, `/api/handling/cases/${id}/accept`);
      await life.command(handler, `/api/handling/cases/${id}/complete`, { note: 'done' });
      await life.engine.settle();
      const officer = userActor((await life.read(id)).assignee ?? 'officer1', ['grid_officer']);
      await life.direct({ caseId: id, command: { type: 'check', fixed: true }, actor: officer });
      await life.command('shiftlead1', `/api/supervision/cases/${id}/close`);
      await life.engine.settle();
      expect(to(email)).toHaveLength(3);
      expect(to(callerEmail)).toHaveLength(2);

      for (const line of logged) expect(line).not.toContain(callerEmail);
    },
  );

  redisTest(
    'a mail server that refuses is tried again with backoff, then the send is recorded as failed; the case moves on',
    async ({ database }) => {
      mail.state.refuse = true;
      const { id } = await report({ phone, email });
      await walkCase(life, id, 'filed');
      // The case is filed at once, whatever the mail server says.
      expect((await life.read(id)).state).toBe('filed');
      await life.engine.settle();

      expect(mail.arrived).toHaveLength(0);
      expect(mail.state.refused).toBeGreaterThanOrEqual(3);
      const rows = await listReporterUpdates(database.db, id);
      expect(rows.find((r) => r.channel === 'email')).toMatchObject({
        event: 'case.filed',
        status: 'failed',
        attempts: 3,
        lastError: 'SMTP 550',
      });
      // The text message went its own way.
      expect(rows.find((r) => r.channel === 'sms')).toMatchObject({ status: 'sent', attempts: 1 });

      // The SMS adapter down for a while: its update waits and goes once it answers again.
      mail.state.refuse = false;
      let refusals = 2;
      sms.answer = () => (refusals-- > 0 ? 503 : 200);
      await dispatch(id);
      await life.engine.settle();
      const dispatched = (await listReporterUpdates(database.db, id)).filter(
        (r) => r.event === 'case.dispatched',
      );
      expect(dispatched.find((r) => r.channel === 'sms')).toMatchObject({ status: 'sent', attempts: 3 });
      expect(dispatched.find((r) => r.channel === 'email')).toMatchObject({ status: 'sent', attempts: 1 });
      expect(smsOf().filter((t) => t.event === 'case.dispatched')).toHaveLength(3);

      for (const line of logged) expect(line).not.toContain(email);
      await database.db.delete(reporterUpdates);
    },
  );
});
