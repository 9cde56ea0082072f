/**
 * Migration 0043: callbacks are owed to everyone who asked, not ended by a case's first answered
 * call. Its data statements, run over rows as the code before it left them, put back on the list
 * the reporters an attached caller's answer had taken off, and mark the attached callers reached.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { migrationsFolder } from '@urbangrid/db';
import { applyCommand, createEngineContext } from '@urbangrid/engine';
import { staff } from '@urbangrid/engine/test-support';
import { bearer, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import pg from 'pg';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp, insideHohhot } from '../test/intake-test-app.js';

/** The UPDATE statements of the migration, in their order. */
async function backfill(): Promise<string[]> {
  const text = await readFile(path.join(migrationsFolder, '0043_callers_callbacks_due.sql'), 'utf8');
  return text
    .split('--> statement-breakpoint')
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.startsWith('UPDATE'));
}

describe('migration 0043: callbacks due per caller', () => {
  let harness: IntakeTestApp;
  let operator: Record<string, string>;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    operator = bearer((await loginAs(harness.app, 'operator1')).token);
  });
  redisTest.afterAll(async () => harness.close());

  const inject = async (url: string, payload: Record<string, unknown>) => {
    const response = await harness.app.inject({ method: 'POST', url, headers: operator, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; callerId?: string };
  };
  /** An ended case reported by a caller who asked (or not), with one attached caller who asked (or not). */
  const endedCase = async (
    database: Parameters<typeof createEngineContext>[0]['db'],
    asked: { reporter: boolean; caller: boolean },
  ) => {
    const reported = await inject('/api/intake/reports', {
      source: 'hotline',
      categoryCode: 'E0101',
      description: 'garbage piled at the corner',
      location: insideHohhot,
      reporter: { name: '王先生', phone: '13911112222' },
      wantsCallback: asked.reporter,
    });
    const attached = await inject(`/api/intake/cases/${reported.id}/attach`, {
      reporter: { name: '李女士', phone: '13922227777' },
      wantsCallback: asked.caller,
    });
    await applyCommand(createEngineContext({ db: database }), {
      caseId: reported.id,
      command: { type: 'reject', reason: 'not in our remit' },
      actor: staff.shiftLead,
    });
    // The attached caller is reached first.
    await inject(`/api/intake/cases/${reported.id}/callback`, {
      outcome: 'satisfied',
      callerId: attached.callerId,
    });
    return { caseId: reported.id, callerId: attached.callerId ?? '' };
  };

  redisTest(
    'puts back the reporter an attached caller’s answer took off, and marks the attached callers reached',
    async ({ database }) => {
      const reporterOnly = await endedCase(database.db, { reporter: true, caller: false });
      const both = await endedCase(database.db, { reporter: true, caller: true });
      const client = new pg.Client({ connectionString: database.ownerUrl });
      await client.connect();
      try {
        // As the code before 0043 left them: the first answered call, whoever's, answered the case;
        // a caller who asked made the case want a callback; no caller was marked reached.
        const ids = [reporterOnly.caseId, both.caseId];
        await client.query(
          `update cases set callback_answered_at = now(), wants_callback = true where id = any($1)`,
          [ids],
        );
        await client.query('update case_callers set callback_reached_at = null where case_id = any($1)', [
          ids,
        ]);

        for (const statement of await backfill()) await client.query(statement);

        const { rows } = await client.query<{ id: string; answered: boolean }>(
          'select id, callback_answered_at is not null as answered from cases where id = any($1)',
          [ids],
        );
        const answered = Object.fromEntries(rows.map((row) => [row.id, row.answered]));
        // The reporter of the first asked alone and was never reached: due again.
        expect(answered[reporterOnly.caseId]).toBe(false);
        // Where an attached caller asked, whether the reporter did is not known: left as it was.
        expect(answered[both.caseId]).toBe(true);
        const callers = await client.query<{ reached: boolean }>(
          'select callback_reached_at is not null as reached from case_callers where id = any($1)',
          [[reporterOnly.callerId, both.callerId]],
        );
        expect(callers.rows.map((row) => row.reached)).toEqual([true, true]);
      } finally {
        await client.end();
      }

      const listed = await harness.app.inject({
        method: 'GET',
        url: '/api/intake/callbacks',
        headers: operator,
      });
      const items = (
        listed.json() as { items: { case: { id: string }; reporterDue: boolean; callers: unknown[] }[] }
      ).items;
      expect(items.find((item) => item.case.id === reporterOnly.caseId)).toMatchObject({
        reporterDue: true,
        callers: [],
      });
      expect(items.map((item) => item.case.id)).not.toContain(both.caseId);
    },
  );
});
