/**
 * Notices (通知) reach the people they are for: each step of a case leaves a notice in the inboxes
 * of those who must act next, nobody else's, once even when its job runs twice; each person reads
 * and clears their own.
 */
import { notices, users } from '@urbangrid/db';
import { type Stage, systemActor } from '@urbangrid/domain';
import { storeNotices } from '@urbangrid/engine';
import { redisTest } from '@urbangrid/test-support';
import { and, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { lifecycleForFile, type Person, walkTo } from './lifecycle-harness.js';

interface InboxItem {
  id: string;
  caseId: string;
  caseNo: string;
  event: string;
  audience: string;
  urgent: boolean;
  at: string;
  read: boolean;
}

describe('notices', () => {
  const life = lifecycleForFile();

  const inboxOf = async (who: Person, query = '') => {
    const answer = await life.get(who, `/api/notices${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as { items: InboxItem[]; unread: number };
  };
  const eventsAbout = (inbox: { items: InboxItem[] }, caseId: string) =>
    inbox.items.filter((item) => item.caseId === caseId).map((item) => item.event);

  redisTest('each step tells those who act next, and only them', async () => {
    const id = await walkTo(life, 'dispatched');
    await life.engine.settle();
    expect(eventsAbout(await inboxOf('operator1'), id)).toContain('case.reported');
    expect(eventsAbout(await inboxOf('officer1'), id)).toEqual(['task.verification']);
    // (The dispatch stage's suggestion notice is sent only while the case still waits for dispatch,
    // and this walk dispatches at once, so it may or may not have gone out.)
    expect(eventsAbout(await inboxOf('dispatcher1'), id)).toContain('case.filed');
    expect(eventsAbout(await inboxOf('handler-sanitation-150102'), id)).toEqual(['case.dispatched']);
    // Another department, and a desk the steps did not concern, hear nothing of it.
    expect(eventsAbout(await inboxOf('handler-enforcement-150102'), id)).toEqual([]);
    expect(eventsAbout(await inboxOf('supervisor1'), id)).toEqual([]);

    const handler = await inboxOf('handler-sanitation-150102');
    const dispatched = handler.items.find((item) => item.caseId === id);
    expect(dispatched).toMatchObject({ audience: 'department', read: false, caseNo: expect.any(String) });
    expect(handler.unread).toBeGreaterThanOrEqual(1);
  });

  redisTest('a notice delivered twice is kept once per recipient', async ({ database }) => {
    await walkTo(life, 'verifying');
    await life.engine.settle();
    const notice = life.engine.notices.find((n) => n.event === 'case.reported' && n.recipients.length > 0);
    if (notice === undefined) throw new Error('no notice of the report to an operator');
    await storeNotices(database.db)(notice);
    await storeNotices(database.db)(notice);
    const rows = await database.db.select().from(notices).where(eq(notices.id, notice.id));
    expect(rows.map((row) => row.recipient).sort()).toEqual([...notice.recipients].sort());
  });

  redisTest('each reads and clears their own notices', async () => {
    const id = await walkTo(life, 'dispatched');
    await life.engine.settle();
    const before = await inboxOf('dispatcher1');
    const [first] = before.items.filter((item) => item.caseId === id);
    if (first === undefined) throw new Error('the dispatcher has no notice of the case');

    // Someone else marking the dispatcher's notice as read changes nothing for the dispatcher.
    await life.post('handler-sanitation-150102', '/api/notices/read', { ids: [first.id] });
    expect((await inboxOf('dispatcher1')).unread).toBe(before.unread);

    const marked = await life.post('dispatcher1', '/api/notices/read', { ids: [first.id] });
    expect(marked).toMatchObject({ status: 200, body: { unread: before.unread - 1 } });
    const after = await inboxOf('dispatcher1');
    expect(after.items.find((item) => item.id === first.id)?.read).toBe(true);
    expect((await inboxOf('dispatcher1', '?unread=true')).items.map((item) => item.id)).not.toContain(
      first.id,
    );

    expect(await life.post('dispatcher1', '/api/notices/read', {})).toMatchObject({ body: { unread: 0 } });
    expect((await inboxOf('dispatcher1', '?unread=true')).items).toEqual([]);
    // Newest first.
    const times = after.items.map((item) => item.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  redisTest('desks hear of work, not of every step: no notice of a signing or a resumption', async () => {
    const id = await walkTo(life, 'handling');
    await life.engine.settle();
    const dispatcher = eventsAbout(await inboxOf('dispatcher1'), id);
    expect(dispatcher).toContain('case.filed');
    expect(dispatcher).not.toContain('case.accepted');
  });

  redisTest(
    'a red case is urgent for its desk and its own district supervisor only, and is acknowledged one by one',
    async ({ database }) => {
      // Two district supervisors besides the city's: one of the case's district, one of another.
      const districtSupervisor = (areaCode: string) => ({
        id: `user-supervisor-${areaCode}-notices`,
        city: '1501',
        username: `supervisor-${areaCode}-notices`,
        displayName: `区督查 ${areaCode}`,
        passwordHash: 'x',
        roles: ['supervisor'],
        areaCode,
      });
      await database.db.insert(users).values([districtSupervisor('150102'), districtSupervisor('150103')]);
      const id = await walkTo(life, 'dispatched');
      const stage = (await life.read(id)).deadline.stage as Stage;
      await life.direct({
        caseId: id,
        command: { type: 'markOverdue', stage, light: 'red' },
        actor: systemActor('deadline'),
      });
      await life.engine.settle();

      const heard = async (recipient: string) =>
        (
          await database.db
            .select({ event: notices.event })
            .from(notices)
            .where(and(eq(notices.recipient, recipient), eq(notices.caseId, id)))
        ).map((row) => row.event);
      expect(await heard('supervisor-150102-notices')).toEqual(['deadline.overdue']);
      expect(await heard('supervisor-150103-notices')).toEqual([]);

      const handler = await inboxOf('handler-sanitation-150102');
      const overdue = handler.items.find((item) => item.caseId === id && item.event === 'deadline.overdue');
      expect(overdue).toMatchObject({ urgent: true, read: false });
      expect(
        handler.items.find((item) => item.caseId === id && item.event === 'case.dispatched')?.urgent,
      ).toBe(false);

      // "Mark all read" leaves the urgent one waiting for its acknowledgement.
      await life.post('handler-sanitation-150102', '/api/notices/read', {});
      const left = await inboxOf('handler-sanitation-150102', '?unread=true');
      expect(left.items.map((item) => item.id)).toEqual([overdue?.id]);
      expect(left.unread).toBe(1);
      const acknowledged = await life.post('handler-sanitation-150102', '/api/notices/read', {
        ids: [overdue?.id],
      });
      expect(acknowledged).toMatchObject({ status: 200, body: { unread: 0 } });
    },
  );

  redisTest('refuses what is not a notice request', async () => {
    expect((await life.post('dispatcher1', '/api/notices/read', { ids: [] })).status).toBe(400);
    expect((await life.get('dispatcher1', '/api/notices?limit=0')).status).toBe(400);
    const anonymous = await life.app.inject({ method: 'GET', url: '/api/notices' });
    expect(anonymous.statusCode).toBe(401);
  });
});
