/**
 * Issue 13, the fault suite (`npm run test:faults`), for one shape of the system (see
 * fault-scenario.ts): Redis and PostgreSQL each away for a while under load with no process
 * restarted and none exiting, then processes killed with -9. Every outage keeps intake answering
 * (Redis: 201; PostgreSQL: 503 with Retry-After, never another 5xx), /health names the part down,
 * and once it is back the same processes drain the outbox, assign what was reported and the boards
 * hear new cases. Afterwards every acknowledged report (a 201 the client received) exists exactly
 * once and has moved on, every case is in a state the lifecycle can reach, the outbox is empty,
 * every running deadline is armed or spent, and every event chain verifies.
 */
import { type CaseCommandType, caseStates, lifecycle } from '@urbangrid/domain';
import { openQueue, verifyChains } from '@urbangrid/engine';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultScenario, figuresTable, runFaultScenario, type Shape } from './fault-scenario.js';
import { describeExits } from './own-system.js';

/** What a client was told was stored: the simulator's 201s and the probe's. */
function acknowledged(scenario: FaultScenario) {
  return [
    ...scenario.tally.acknowledged.map((a) => ({
      key: a.idempotencyKey,
      caseId: a.caseId,
      caseNo: a.caseNo,
    })),
    ...scenario.probe.answers
      .filter((a) => a.status === 201)
      .map((a) => ({ key: a.key, caseId: a.caseId ?? '', caseNo: a.caseNo ?? '' })),
  ];
}

export function describeFaultSuite(shape: Shape): void {
  const log = (line: string) => process.stdout.write(`[faults ${shape}] ${line}\n`);
  const processes =
    shape === 'all-in-one' ? 'the all-in-one process' : 'an API process and two worker processes';

  describe(`${processes} under load: Redis and PostgreSQL away, then kill -9`, () => {
    let scenario: FaultScenario;

    beforeAll(async () => {
      scenario = await runFaultScenario(shape, log);
      process.stdout.write(`\n${figuresTable(scenario)}\n\n`);
    });
    afterAll(async () => {
      await scenario?.cleanup();
    });

    it('keeps every process running through both outages: none exits, none is restarted', () => {
      expect(scenario.system.unexpectedExits(), describeExits(scenario.system.unexpectedExits())).toEqual([]);
      for (const outage of scenario.outages) expect(outage.pidsChanged, outage.part).toEqual([]);
      expect(scenario.outages.map((o) => o.part)).toEqual(['Redis', 'PostgreSQL']);
    });

    it('acknowledges reports and commands while Redis is away, and catches up once it is back', () => {
      const redis = scenario.outages[0];
      if (redis === undefined) throw new Error('no Redis outage');
      expect(redis.sent).toBeGreaterThan(5);
      expect(redis.acknowledged, 'every report sent during the outage').toBe(redis.sent);
      expect(redis.noAnswer).toBe(0);
      expect(redis.other5xx).toBe(0);
      expect(redis.commandsDuring).toBeGreaterThan(0);
      // The outbox held their follow-ups meanwhile; the boards' sockets stayed open.
      expect(redis.outboxWaiting).toBeGreaterThan(0);
      expect(redis.boardsOpen).toBe(true);
      for (const read of redis.reads) expect(read.status, read.process).toBe(200);
      for (const health of redis.health)
        expect(health).toMatchObject({ status: 503, detail: 'Redis did not answer' });
      expect(redis.healthyMs).not.toBeNull();
      expect(redis.drainedMs).not.toBeNull();
      expect(redis.drainedMs).toBeLessThan(30_000);
      expect(redis.progressedMs).not.toBeNull();
      expect(redis.liveMs, 'every board hears new cases').not.toBeNull();
    });

    it('answers 503 with Retry-After while PostgreSQL is away, never another 5xx, and catches up', () => {
      const postgres = scenario.outages[1];
      if (postgres === undefined) throw new Error('no PostgreSQL outage');
      expect(postgres.sent).toBeGreaterThan(5);
      expect(postgres.refused503).toBeGreaterThan(0);
      expect(postgres.bare503).toBe(0);
      expect(postgres.noAnswer).toBe(0);
      expect(postgres.other5xx).toBe(0);
      for (const health of postgres.health)
        expect(health).toMatchObject({ status: 503, detail: 'PostgreSQL did not answer' });
      for (const read of postgres.reads) {
        expect(read.status, read.process).toBe(503);
        expect(read.detail, read.process).toMatch(/^SERVICE_UNAVAILABLE, Retry-After [1-9]/);
      }
      // A report refused meanwhile is simply sent again, and taken.
      expect(postgres.resent).toBe(201);
      expect(postgres.healthyMs).not.toBeNull();
      expect(postgres.drainedMs).not.toBeNull();
      expect(postgres.progressedMs).not.toBeNull();
    });

    it('answers no 5xx other than 503 in the whole run, kills included', () => {
      expect(scenario.other5xxTotal).toBe(0);
      expect(scenario.kills).toHaveLength(2);
      expect(acknowledged(scenario).length).toBeGreaterThan(50);
    });

    it('stores every acknowledged report exactly once', async () => {
      const { db } = scenario.database;
      const byKey = await db.execute<{ key: string; n: string; ids: string[]; numbers: string[] }>(sql`
        select substring(description from '\\[(faults-[^\\]]+)\\]') as key, count(*) as n,
               array_agg(id) as ids, array_agg(case_no) as numbers
        from cases group by 1`);
      const stored = new Map(byKey.rows.map((row) => [row.key, row]));
      const keys = await db.execute<{ scope: string; key: string; n: string }>(
        sql`select scope, key, count(*) over (partition by scope, key) as n from idempotency_keys`,
      );
      const keyRows = new Map(keys.rows.map((row) => [row.key, row]));
      const problems: string[] = [];
      for (const ack of acknowledged(scenario)) {
        const row = stored.get(ack.key);
        if (row === undefined) problems.push(`${ack.key}: acknowledged as ${ack.caseNo}, not stored`);
        else if (Number(row.n) !== 1) problems.push(`${ack.key}: stored ${row.n} times`);
        else if (row.ids[0] !== ack.caseId || row.numbers[0] !== ack.caseNo) {
          problems.push(`${ack.key}: acknowledged ${ack.caseNo}, stored ${row.numbers[0]}`);
        }
        if (keyRows.get(ack.key) === undefined) problems.push(`${ack.key}: no idempotency record`);
      }
      // A report sent but never answered may or may not exist, but never twice.
      for (const [key, row] of stored) {
        if (key !== null && Number(row.n) > 1) problems.push(`${key}: stored ${row.n} times`);
      }
      expect(problems).toEqual([]);
    });

    it('leaves every case in a state the lifecycle reaches, by commands its table allows', async () => {
      const { db } = scenario.database;
      const cases = await db.execute<{ id: string; state: string; version: number }>(
        sql`select id, state, version from cases`,
      );
      const events = await db.execute<{
        case_id: string;
        seq: number;
        command: string;
        from_state: string | null;
        to_state: string;
      }>(sql`select case_id, seq, command, from_state, to_state from case_events order by case_id, seq`);
      const history = new Map<string, typeof events.rows>();
      for (const event of events.rows) {
        const list = history.get(event.case_id) ?? [];
        list.push(event);
        history.set(event.case_id, list);
      }
      const problems: string[] = [];
      for (const c of cases.rows) {
        if (!(caseStates as readonly string[]).includes(c.state))
          problems.push(`${c.id}: unknown state ${c.state}`);
        const steps = history.get(c.id) ?? [];
        let state: string | null = null;
        for (const [i, step] of steps.entries()) {
          if (step.seq !== i + 1) problems.push(`${c.id}: event ${i + 1} has seq ${step.seq}`);
          if (step.from_state !== state)
            problems.push(`${c.id} seq ${step.seq}: from ${step.from_state}, was ${state}`);
          if (i === 0 && step.command !== 'report') problems.push(`${c.id}: starts with ${step.command}`);
          if (i > 0) {
            const rule = lifecycle[step.command as Exclude<CaseCommandType, 'report'>];
            if (rule === undefined) problems.push(`${c.id} seq ${step.seq}: unknown command ${step.command}`);
            else if (!(rule.from as readonly string[]).includes(step.from_state ?? '')) {
              problems.push(
                `${c.id} seq ${step.seq}: ${step.command} is not allowed from ${step.from_state}`,
              );
            }
          }
          state = step.to_state;
        }
        if (state !== c.state) problems.push(`${c.id}: state ${c.state} but its events end in ${state}`);
        if (steps.length !== c.version)
          problems.push(`${c.id}: version ${c.version} with ${steps.length} events`);
      }
      expect(cases.rows.length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });

    it('moves every acknowledged report on: none is left waiting for its verification task', async () => {
      const ids = acknowledged(scenario).map((a) => a.caseId);
      const left = await scenario.database.db.execute<{ case_no: string }>(
        sql`select case_no from cases where id = any(${sql.param(ids)}::text[]) and state = 'reported'`,
      );
      expect(left.rows.map((row) => row.case_no)).toEqual([]);
    });

    it('leaves the outbox empty', () => {
      expect(scenario.outboxLeft).toBe(0);
    });

    it('keeps every running deadline armed or spent', async () => {
      const { db } = scenario.database;
      const running = await db.execute<{
        id: string;
        stage: string;
        armed: number;
        light: string;
        due: Date;
      }>(sql`
        select id, deadline_stage as stage, deadline_armed_version as armed, light, deadline_due as due
        from cases
        where state not in ('closed', 'rejected', 'cancelled') and deadline_due is not null`);
      const url = new URL(scenario.system.redis.url);
      const queue = openQueue('deadline', {
        connection: { host: url.hostname, port: Number(url.port) },
        prefix: scenario.system.queuePrefix,
      });
      const problems: string[] = [];
      try {
        for (const c of running.rows) {
          // The timer of the stage's next light: yellow while green, red (armed by the yellow one
          // that turned it) while yellow; a red light has nothing left to arm.
          if (c.light === 'red') continue;
          const next = c.light === 'green' ? 'yellow' : 'red';
          const jobId = `deadline-${c.id}-${c.stage}-v${c.armed}-${next}`;
          const state = await queue.getJobState(jobId);
          const armed = ['delayed', 'waiting', 'prioritized', 'active', 'waiting-children'].includes(state);
          if (!armed && state !== 'completed') {
            problems.push(`${c.id}: ${c.stage} ${next} timer (deadline ${String(c.due)}) is ${state}`);
          }
        }
      } finally {
        await queue.close();
      }
      log(`${running.rows.length} running deadlines checked`);
      expect(running.rows.length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });

    it('verifies every event chain', async () => {
      const report = await verifyChains(scenario.database.db);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.casesChecked).toBeGreaterThan(0);
    });
  });
}
