/**
 * Issue 14.6: reporter data of cases ended longer ago than REPORTER_DATA_RETENTION_DAYS (180 by
 * default) is erased by the nightly job (the queue map's `reporterErasure` queue), keeping the case,
 * its history (the hash chain and the signed anchors still verify) and its statistics (the
 * rollups and their recount do not move). A case closed 181 days ago is erased; one closed 179 days
 * ago, an open one and a duplicate whose original is still open keep their reporter. The erased
 * reporter's free-text survey answer goes too; their rating and yes/no answer stay.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  callbacks,
  cases,
  recountRollups,
  reportRollups,
  surveyCampaigns,
  surveyInvitations,
  surveyResponses,
} from '@urbangrid/db';
import { type AuditKeys, auditKeyId, verifyAgainstAnchors, verifyChains } from '@urbangrid/engine';
import { staff } from '@urbangrid/engine/test-support';
import type { CaseDetail } from '@urbangrid/platform';
import {
  anchorFinishedDays,
  reporterErasureSchedulerId,
  startReporterErasureScheduler,
} from '@urbangrid/supervision';
import { redisTest } from '@urbangrid/test-support';
import { parse } from 'csv-parse/sync';
import { asc, eq, inArray } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { lifecycleForFile, walkCase } from '../lifecycle/lifecycle-harness.js';

const dayMs = 86_400_000;
const phone = '139 1234 5678';
const at = (local: string) => new Date(`${local}+08:00`);

describe('reporter data past its retention period', () => {
  const life = lifecycleForFile();

  /** A hotline call of 王先生 in officer1's grid at `when`; answers its id once verification is assigned. */
  async function hotlineCall(when: Date, description: string): Promise<string> {
    life.clock.now = when;
    const reported = await life.post('operator1', '/api/intake/reports', {
      source: 'hotline',
      categoryCode: 'E0101',
      description,
      address: '新华大街100号',
      location: { lat: 40.85, lng: 111.7 },
      reporter: { name: '王先生', phone },
      callId: 'CALL-778899',
      wantsCallback: true,
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    await life.engine.settle();
    return (reported.body as { id: string }).id;
  }

  async function closedCall(when: Date, description: string): Promise<string> {
    const id = await hotlineCall(when, description);
    await walkCase(life, id, 'reviewed');
    await life.direct({ caseId: id, command: { type: 'close' }, actor: staff.shiftLead });
    await life.engine.settle();
    return id;
  }

  const found = async (query: string) => {
    const answer = await life.get('operator1', `/api/cases?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return (answer.body as { items: Array<{ id: string }> }).items.map((item) => item.id);
  };
  const detail = async (id: string) => {
    const answer = await life.get('operator1', `/api/cases/${id}`);
    expect(answer.status).toBe(200);
    return answer.body as CaseDetail;
  };

  redisTest(
    'the nightly job erases the reporter of a case closed 181 days ago and nothing else; the history, anchors and rollups hold',
    async ({ database, redis }) => {
      const { db } = database;
      // An open case, and a duplicate of it rejected long ago: its reporter follows the open one.
      const open = await hotlineCall(at('2026-03-02T09:00:00'), '公交站旁垃圾堆积');
      await walkCase(life, open, 'dispatched');
      const duplicate = await hotlineCall(at('2026-03-02T09:10:00'), '公交站垃圾没人管');
      const rejected = await life.post('shiftlead1', `/api/intake/cases/${duplicate}/duplicate-of`, {
        originalId: open,
      });
      expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
      const old = await closedCall(at('2026-03-04T09:00:00'), '楼道垃圾堆积，请回电 139 1234 5678');
      const recent = await closedCall(at('2026-03-06T09:00:00'), '楼道垃圾又堆起来了');
      const all = [open, duplicate, old, recent];
      // The hotline tried to call the old case's reporter back.
      const callback = await life.post('operator1', `/api/intake/cases/${old}/callback`, {
        outcome: 'unreachable',
        note: '王先生未接电话',
      });
      expect(callback.status, JSON.stringify(callback.body)).toBe(201);

      // Both reporters answered the city's survey (民意调查), writing their number in the text.
      const [campaign] = await db
        .insert(surveyCampaigns)
        .values({
          id: 'survey-erasure',
          city: '1501',
          name: '2026年春季满意度调查',
          questions: [
            { code: 'speed', text: '处理速度', textEn: 'Speed', kind: 'rating' },
            { code: 'again', text: '是否再次反映', textEn: 'Report again', kind: 'yesNo' },
            { code: 'words', text: '意见建议', textEn: 'Comments', kind: 'text' },
          ],
          opensOn: '2026-03-01',
          closesOn: '2026-03-31',
          createdBy: 'supervisor1',
          createdAt: at('2026-03-01T08:00:00'),
        })
        .returning();
      for (const caseId of [old, recent]) {
        const invitationId = `invitation-${caseId}`;
        await db.insert(surveyInvitations).values({
          id: invitationId,
          campaignId: campaign?.id ?? '',
          tokenHash: `hash-${caseId}`,
          kind: 'case',
          caseId,
          createdAt: at('2026-03-08T08:00:00'),
        });
        await db.insert(surveyResponses).values({
          id: `answer-${caseId}`,
          campaignId: campaign?.id ?? '',
          invitationId,
          city: '1501',
          caseId,
          channel: 'public',
          satisfaction: 'satisfied',
          answers: { speed: 4, again: false, words: `王先生，有事打 ${phone}` },
          answeredAt: at('2026-03-08T09:00:00'),
        });
      }
      const answersOf = async (caseId: string) =>
        (await db.select().from(surveyResponses).where(eq(surveyResponses.caseId, caseId)))[0];

      const [oldRow] = await db.select().from(cases).where(eq(cases.id, old));
      const closedAt = oldRow?.closedAt ?? new Date(0);
      const now = new Date(closedAt.getTime() + 181 * dayMs);
      const [recentRow] = await db.select().from(cases).where(eq(cases.id, recent));
      expect(recentRow?.closedAt?.getTime()).toBe(now.getTime() - 179 * dayMs);

      // Before: the phone finds all four, the old case shows its reporter.
      expect((await found(`phone=${encodeURIComponent(phone)}`)).sort()).toEqual([...all].sort());
      expect((await detail(old)).reporter).toEqual({ name: '王先生', phone });

      // The finished days signed, as every night (what `npm run audit:verify` checks against).
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const keys: AuditKeys = { signingKey: privateKey, verifyKey: publicKey, keyId: auditKeyId(publicKey) };
      const dir = await mkdtemp(path.join(tmpdir(), 'urbangrid-erasure-anchors-'));
      const rollupsOf = () =>
        db
          .select()
          .from(reportRollups)
          .where(eq(reportRollups.city, '1501'))
          .orderBy(asc(reportRollups.day), asc(reportRollups.dimension), asc(reportRollups.key));
      const recount = () => recountRollups(db, { city: '1501', fromDay: '2026-03-01', toDay: '2026-03-07' });
      const erasure = await startReporterErasureScheduler({
        db,
        redis: redis.target,
        prefix: redis.prefix,
        retentionDays: 180,
        now: () => now,
      });
      try {
        await anchorFinishedDays(db, { keys, dir, now: at('2026-03-07T00:20:00') });
        const rollupsBefore = await rollupsOf();
        const recountBefore = await recount();
        expect(recountBefore.length).toBeGreaterThan(0);

        // The nightly scheduler is set, and its job (fired here at once) erases one case.
        await erasure.scheduled;
        expect(await erasure.queue.getJobSchedulers()).toEqual([
          expect.objectContaining({ key: reporterErasureSchedulerId, pattern: '20 19 * * *' }),
        ]);
        const job = await erasure.queue.add('erase-now', {});
        for (let i = 0; i < 200 && !(await job.isCompleted()); i++) {
          expect(await job.isFailed()).toBe(false);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect((await erasure.queue.getJob(job.id ?? ''))?.returnvalue).toMatchObject({ erased: 1 });

        const [erased] = await db.select().from(cases).where(eq(cases.id, old));
        expect(erased).toMatchObject({
          reporterName: null,
          reporterPhoneEnc: null,
          reporterPhoneHash: null,
          callId: null,
          reporterErasedAt: now,
          description: '楼道垃圾堆积，请回电 ***',
          // The case itself is kept as it was.
          state: 'closed',
          version: oldRow?.version,
          lastEventHash: oldRow?.lastEventHash,
          closureType: oldRow?.closureType,
          updatedAt: oldRow?.updatedAt,
        });
        expect(
          (await db.select().from(callbacks).where(eq(callbacks.caseId, old))).map((c) => c.note),
        ).toEqual([null]);
        const erasedAnswer = await answersOf(old);
        expect(erasedAnswer?.satisfaction).toBe('satisfied');
        expect(erasedAnswer?.answers).toEqual({ speed: 4, again: false });
        expect((await answersOf(recent))?.answers).toEqual({
          speed: 4,
          again: false,
          words: `王先生，有事打 ${phone}`,
        });
        const kept = await db
          .select()
          .from(cases)
          .where(inArray(cases.id, [open, duplicate, recent]));
        for (const row of kept) expect(row).toMatchObject({ reporterName: '王先生', reporterErasedAt: null });

        // Run again (a repeated or overlapping night): nothing changes.
        const rows = await db.select().from(cases).where(inArray(cases.id, all)).orderBy(asc(cases.id));
        const again = await erasure.queue.add('erase-again', {});
        for (let i = 0; i < 200 && !(await again.isCompleted()); i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect((await erasure.queue.getJob(again.id ?? ''))?.returnvalue).toMatchObject({ erased: 0 });
        expect(await db.select().from(cases).where(inArray(cases.id, all)).orderBy(asc(cases.id))).toEqual(
          rows,
        );

        // The history verifies, against itself and against the signed anchors; the counts stay.
        const chains = await verifyChains(db, { caseIds: all });
        expect(chains).toMatchObject({ ok: true, casesChecked: 4 });
        const anchored = await verifyAgainstAnchors(db, dir, keys, { caseIds: all });
        expect(anchored.ok, JSON.stringify(anchored.problems)).toBe(true);
        expect(anchored.headsChecked).toBeGreaterThanOrEqual(4);
        expect(await rollupsOf()).toEqual(rollupsBefore);
        expect(await recount()).toEqual(recountBefore);
      } finally {
        await erasure.stop();
        await rm(dir, { recursive: true, force: true });
      }

      // The phone no longer finds the erased case, nor does the number it held in its description.
      expect((await found(`phone=${encodeURIComponent(phone)}`)).sort()).toEqual(
        [open, duplicate, recent].sort(),
      );
      expect((await found(`q=${encodeURIComponent(phone)}`)).sort()).toEqual(
        [open, duplicate, recent].sort(),
      );
      // The case view says the reporter was erased, and when; the callback list has nobody to call.
      const view = await detail(old);
      expect(view).toMatchObject({ reporter: null, reporterErasedAt: now.toISOString(), state: 'closed' });
      expect(view.timeline.map((entry) => entry.command)).toContain('close');
      expect((await detail(recent)).reporter).toEqual({ name: '王先生', phone });
      const due = await life.get('operator1', '/api/intake/callbacks?limit=200');
      const dueIds = (due.body as { items: Array<{ case: { id: string } }> }).items.map(
        (item) => item.case.id,
      );
      expect(dueIds).toContain(recent);
      expect(dueIds).not.toContain(old);
      // The ledger says so too, and carries no phone.
      const csv = await life.app.inject({
        url: `/api/cases?q=${encodeURIComponent('楼道垃圾')}&format=csv`,
        headers: { authorization: `Bearer ${life.tokens.operator1}` },
      });
      expect(csv.statusCode, csv.body).toBe(200);
      const [, header = [], ...lines] = parse(csv.body.replace(/^\uFEFF/, ''), {
        relax_column_count: true,
      }) as string[][];
      const column = header.indexOf('反映人信息');
      expect(column).toBeGreaterThan(0);
      expect(lines.map((line) => line[column])).toEqual(
        expect.arrayContaining([expect.stringMatching(/^已于.+按保存期限删除$/), '']),
      );
      expect(csv.body).not.toContain('1234');
    },
  );
});
