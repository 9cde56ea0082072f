import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createDatabase, type Database, historyRewriteRight, listCaseEvents } from '@urbangrid/db';
import { userActor } from '@urbangrid/domain';
import { dbTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { applyCommand } from './apply-command.js';
import { formatChainReport } from './cli/audit-verify.js';
import { createEngineContext, type EngineContext } from './engine-context.js';
import { verifyCaseChain, verifyChains } from './event-chain.js';
import { reportTestCase, staff } from './test-support/index.js';

/** A case with five events: officer report, file, dispatch, accept, complete. */
async function caseWithHistory(context: EngineContext): Promise<string> {
  const { case: reported } = await reportTestCase(context, {
    source: 'officer',
    actor: staff.officer('officer1'),
  });
  const filed = await applyCommand(context, {
    caseId: reported.id,
    command: { type: 'file' },
    actor: staff.shiftLead,
  });
  const departmentId = filed.case.suggestedDepartmentId ?? '';
  await applyCommand(context, {
    caseId: reported.id,
    command: { type: 'dispatch', departmentId },
    actor: staff.dispatcher,
  });
  const actor = userActor('handler-test', ['department_handler'], [departmentId]);
  await applyCommand(context, { caseId: reported.id, command: { type: 'accept' }, actor });
  await applyCommand(context, { caseId: reported.id, command: { type: 'complete' }, actor });
  return reported.id;
}

/** A connection as the database's owner, which the tests below play (the app is not it). */
async function asOwner<T>(url: string, fn: (owner: Database) => Promise<T>): Promise<T> {
  const owner = createDatabase(url, { max: 1 });
  try {
    return await fn(owner);
  } finally {
    await owner.close();
  }
}

describe('the hash-chained event log', () => {
  test("the app's role may not change, delete or truncate an event, nor switch the guard off", async ({
    database,
  }) => {
    const context = createEngineContext({ db: database.db });
    const id = await caseWithHistory(context);
    // Refused by the privileges themselves (the append-only trigger never runs).
    const refused = (statement: string, why: RegExp) =>
      expect(database.pool.query(statement, statement.includes('$1') ? [id] : [])).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(why),
      });
    await refused(
      `update case_events set data = '{}' where case_id = $1`,
      /permission denied for table case_events/,
    );
    await refused(`delete from case_events where case_id = $1`, /permission denied for table case_events/);
    await refused('truncate case_events', /permission denied for table case_events/);
    await refused('alter table case_events disable trigger all', /must be owner of table case_events/);
    expect(await listCaseEvents(database.db, id)).toHaveLength(5);
    expect(await historyRewriteRight(database.url)).toBeUndefined();
    // The owner may (which is what the signed anchors are for); its trigger still refuses a plain edit.
    expect(await historyRewriteRight(database.ownerUrl)).toMatch(/superuser|owns case_events/);
    await asOwner(database.ownerUrl, async (owner) => {
      await expect(owner.pool.query('delete from case_events where case_id = $1', [id])).rejects.toThrow(
        /append-only/,
      );
    });
  });

  test('the verifier reports edited, reordered and deleted events, each in its case', async ({
    database,
  }) => {
    const context = createEngineContext({ db: database.db });
    const untouched = await caseWithHistory(context);
    const edited = await caseWithHistory(context);
    const reordered = await caseWithHistory(context);
    const middleDeleted = await caseWithHistory(context);
    const lastDeleted = await caseWithHistory(context);
    expect((await verifyChains(database.db)).ok).toBe(true);

    const db = database.db;
    await asOwner(database.ownerUrl, async ({ db }) => {
      await db.execute(sql`alter table case_events disable trigger all`);
      await db.execute(
        sql`update case_events set data = jsonb_set(data, '{departmentId}', '"dept-elsewhere"') where case_id = ${edited} and seq = 3`,
      );
      // Swap events 2 and 3 (through a free seq, the pair is unique).
      await db.execute(sql`update case_events set seq = 99 where case_id = ${reordered} and seq = 2`);
      await db.execute(sql`update case_events set seq = 2 where case_id = ${reordered} and seq = 3`);
      await db.execute(sql`update case_events set seq = 3 where case_id = ${reordered} and seq = 99`);
      await db.execute(sql`delete from case_events where case_id = ${middleDeleted} and seq = 3`);
      await db.execute(sql`delete from case_events where case_id = ${lastDeleted} and seq = 5`);
      await db.execute(sql`alter table case_events enable trigger all`);
    });

    const report = await verifyChains(db, { pageSize: 2 });
    expect(report.ok).toBe(false);
    expect(report.casesChecked).toBeGreaterThanOrEqual(5);
    const kindsOf = (caseId: string) =>
      report.problems.filter((p) => p.caseId === caseId).map((p) => [p.kind, p.seq]);
    expect(kindsOf(untouched)).toEqual([]);
    expect(kindsOf(edited)).toEqual([['edited', 3]]);
    expect(kindsOf(reordered)).toEqual([
      ['reordered', 2],
      ['reordered', 3],
    ]);
    expect(kindsOf(middleDeleted)).toEqual([['deleted', 3]]);
    expect(kindsOf(lastDeleted)).toEqual([['deleted', 5]]);
    expect((await verifyCaseChain(db, edited)).problems).toHaveLength(1);
    expect(formatChainReport(report)).toContain(`events checked: ${report.problems.length} problems`);
  });

  test('npm run audit:verify exits 1 on a broken chain and names the case', async ({ database }) => {
    const context = createEngineContext({ db: database.db });
    const id = await caseWithHistory(context);
    await asOwner(database.ownerUrl, async ({ db }) => {
      await db.execute(sql`alter table case_events disable trigger all`);
      await db.execute(sql`delete from case_events where case_id = ${id} and seq = 2`);
      await db.execute(sql`alter table case_events enable trigger all`);
    });
    const run = promisify(execFile)(
      'npx',
      ['tsx', '--conditions=source', 'packages/engine/src/cli/audit-verify.ts', '--case', id],
      {
        env: { ...process.env, DATABASE_URL: database.url },
        cwd: new URL('../../..', import.meta.url).pathname,
      },
    );
    const failure = await run.then(
      (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => error,
    );
    expect(failure.code, `${failure.stdout}${failure.stderr}`).toBe(1);
    expect(failure.stdout).toContain(`deleted       case ${id} seq 2`);
  });
});
