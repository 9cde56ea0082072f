import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { listCaseEvents } from '@urbangrid/db';
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

describe('the hash-chained event log', () => {
  test('refuses to change or delete an event', async ({ database }) => {
    const context = createEngineContext({ db: database.db });
    const id = await caseWithHistory(context);
    await expect(
      database.db.execute(sql`update case_events set data = '{}' where case_id = ${id}`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`delete from case_events where case_id = ${id}`)).rejects.toThrow();
    expect(await listCaseEvents(database.db, id)).toHaveLength(5);
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
    await db.execute(sql`alter table case_events disable trigger all`);
    try {
      await db.execute(
        sql`update case_events set data = jsonb_set(data, '{departmentId}', '"dept-elsewhere"') where case_id = ${edited} and seq = 3`,
      );
      // Swap events 2 and 3 (through a free seq, the pair is unique).
      await db.execute(sql`update case_events set seq = 99 where case_id = ${reordered} and seq = 2`);
      await db.execute(sql`update case_events set seq = 2 where case_id = ${reordered} and seq = 3`);
      await db.execute(sql`update case_events set seq = 3 where case_id = ${reordered} and seq = 99`);
      await db.execute(sql`delete from case_events where case_id = ${middleDeleted} and seq = 3`);
      await db.execute(sql`delete from case_events where case_id = ${lastDeleted} and seq = 5`);
    } finally {
      await db.execute(sql`alter table case_events enable trigger all`);
    }

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
    await database.db.execute(sql`alter table case_events disable trigger all`);
    await database.db.execute(sql`delete from case_events where case_id = ${id} and seq = 2`);
    await database.db.execute(sql`alter table case_events enable trigger all`);
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
