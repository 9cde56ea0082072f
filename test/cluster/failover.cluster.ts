/**
 * A Redis Cluster master dies (kill -9) while reports and commands flow: its replica is promoted,
 * and the running system — the engine's ioredis Cluster clients, the outbox relay, BullMQ's
 * workers, the HTTP app — follows the new topology without a restart. Its own cluster (three
 * masters, a replica each, cluster-node-timeout 1 s), so the kill touches no other test file.
 */
import { randomBytes } from 'node:crypto';
import { cases, countPendingOutbox } from '@urbangrid/db';
import { dispatchService } from '@urbangrid/dispatch';
import { stages } from '@urbangrid/domain';
import { deadlineJobId, verifyChains } from '@urbangrid/engine';
import { demoGrid, startTestEngine, type TestEngine } from '@urbangrid/engine/test-support';
import { intakeService } from '@urbangrid/intake';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, loginAs } from '@urbangrid/platform/test-support';
import { connectRedis, keyPrefixFor, type RedisClient } from '@urbangrid/redis';
import { type LocalCluster, startLocalCluster } from '@urbangrid/redis/test-support';
import { dbTest } from '@urbangrid/test-support';
import { inArray } from 'drizzle-orm';
import { describe, expect } from 'vitest';

const log = (line: string) => process.stdout.write(`[failover] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sanitation = 'dept-1501-sanitation-150102';

/** Waits (without asserting any time) until `done()` holds. */
async function until(
  what: string,
  done: () => boolean | Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > giveUpAt) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

interface Answer {
  at: 'before' | 'during' | 'after';
  what: string;
  status: number;
  body: string;
}

describe('a Redis Cluster master killed under load', () => {
  dbTest(
    'its replica takes over and nothing acknowledged is lost',
    { timeout: 300_000 },
    async ({ database }) => {
      let cluster: LocalCluster | undefined;
      let client: RedisClient | undefined;
      let engine: TestEngine | undefined;
      let app: App | undefined;
      try {
        cluster = await startLocalCluster({ replicas: 1, nodeTimeoutMs: 1_000 });
        client = connectRedis(cluster.target, { maxRetriesPerRequest: null });
        client.on('error', () => undefined);
        const redis = {
          target: cluster.target,
          client,
          prefix: keyPrefixFor(cluster.target, `ugtest:failover-${randomBytes(3).toString('hex')}`),
        };
        engine = await startTestEngine({ database, redis, settleTimeoutMs: 120_000 });
        const system = engine;
        app = await buildTestApp(
          { database, redis },
          {
            live: false,
            services: [
              intakeService({ engine: engine.context }),
              dispatchService({ engine: engine.context }),
            ],
          },
        );
        await app.ready();
        const http = app;
        const tokens = new Map<string, string>();
        const tokenOf = async (username: string) => {
          const known = tokens.get(username);
          if (known !== undefined) return known;
          const { token } = await loginAs(http, username);
          tokens.set(username, token);
          return token;
        };

        let phase: Answer['at'] = 'before';
        let flowing = true;
        const answers: Answer[] = [];
        const reported: Array<{ id: string; at: Answer['at'] }> = [];
        const commanded: Array<{ id: string; at: Answer['at'] }> = [];
        const post = async (who: string, url: string, payload: object) => {
          const at = phase;
          const response = await http.inject({
            method: 'POST',
            url,
            headers: bearer(await tokenOf(who)),
            payload,
          });
          answers.push({ at, what: url, status: response.statusCode, body: response.body });
          return { at, status: response.statusCode, body: response.json() as { id?: string } };
        };

        // Hotline reports in officer1's grid, two callers at a time.
        let n = 0;
        const reporters = Array.from({ length: 2 }, async () => {
          while (flowing) {
            const answer = await post('operator1', '/api/intake/reports', {
              source: 'hotline',
              categoryCode: 'E0101',
              description: `garbage piled at the bus stop, call ${n++}`,
              location: { lat: demoGrid.lat, lng: demoGrid.lng },
            });
            if (answer.status === 201 && answer.body.id) reported.push({ id: answer.body.id, at: answer.at });
            await sleep(30);
          }
        });
        // The command centre moves what the workers made ready: verify (the assigned officer), file,
        // dispatch. Each command commits in PostgreSQL and leaves its follow-ups in the outbox.
        const commands = (async () => {
          while (flowing) {
            const ready = await database.db
              .select({ id: cases.id, state: cases.state, assignee: cases.assignee })
              .from(cases)
              .where(inArray(cases.state, ['verifying', 'verified', 'filed']))
              .limit(6);
            for (const row of ready) {
              const answer =
                row.state === 'verifying' && row.assignee !== null
                  ? await post(row.assignee, `/api/dispatch/cases/${row.id}/verify`, { found: true })
                  : row.state === 'verified'
                    ? await post('shiftlead1', `/api/dispatch/cases/${row.id}/file`, {})
                    : row.state === 'filed'
                      ? await post('dispatcher1', `/api/dispatch/cases/${row.id}/dispatch`, {
                          departmentId: sanitation,
                        })
                      : undefined;
              if (answer?.status === 200) commanded.push({ id: row.id, at: answer.at });
            }
            await sleep(30);
          }
        })();

        const count = (list: Array<{ at: Answer['at'] }>, at: Answer['at']) =>
          list.filter((x) => x.at === at).length;
        await until(
          'load before the kill',
          () => count(reported, 'before') >= 10 && count(commanded, 'before') >= 6,
        );

        // The master that holds this system's queues (every key of the prefix shares its slot).
        const victim = await cluster.masterOf(redis.prefix);
        phase = 'during';
        const killedAt = Date.now();
        await cluster.killNode(victim);
        const promoted = await cluster.waitForFailover(victim);
        const failoverMs = Date.now() - killedAt;
        expect(promoted).not.toBe(victim);
        expect(await cluster.masterOf(redis.prefix)).toBe(promoted);
        phase = 'after';

        await until(
          'load after the failover',
          () => count(reported, 'after') >= 10 && count(commanded, 'after') >= 6,
        );
        flowing = false;
        await Promise.all([...reporters, commands]);
        // Everything the commands left behind goes through the promoted master's queues.
        const settling = Date.now();
        await system.settle();
        log(
          `master ${victim} killed, replica ${promoted} serving after ${failoverMs} ms; reports acknowledged ` +
            `${count(reported, 'before')} before, ${count(reported, 'during')} during, ${count(reported, 'after')} after; ` +
            `commands ${count(commanded, 'before')} / ${count(commanded, 'during')} / ${count(commanded, 'after')}; ` +
            `settled ${Date.now() - settling} ms after the load stopped`,
        );

        // Every answer was a success or a lost race (409): no 5xx, no timeout, before, during or after.
        expect(answers.filter((a) => a.status !== 201 && a.status !== 200 && a.status !== 409)).toEqual([]);

        // Every acknowledged report is there, once; nothing else was made.
        const ids = reported.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        const stored = await database.db.select({ id: cases.id, state: cases.state }).from(cases);
        expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());

        // The cases moved on after the failover: the workers assigned every report (none is left
        // waiting in `reported`), the relay drained the outbox.
        expect(stored.filter((row) => row.state === 'reported')).toEqual([]);
        expect(await countPendingOutbox(database.db)).toBe(0);

        // Every running stage clock still has its next light's timer in the queue: no job the relay
        // handed to the dead master was lost with it.
        const running = await database.db
          .select({
            id: cases.id,
            stage: cases.deadlineStage,
            armedVersion: cases.deadlineArmedVersion,
            light: cases.light,
          })
          .from(cases);
        const unarmed: string[] = [];
        for (const row of running) {
          const stage = stages.find((s) => s === row.stage);
          if (stage === undefined || row.armedVersion === null || row.light === 'red') continue;
          const light = row.light === 'green' ? 'yellow' : 'red';
          const state = await system.queues
            .get('deadline')
            .getJobState(deadlineJobId(row.id, { stage, armedVersion: row.armedVersion, light }));
          if (state !== 'delayed') unarmed.push(`${row.id} ${stage} ${light}: ${state}`);
        }
        expect(unarmed).toEqual([]);

        const chains = await verifyChains(database.db);
        expect(chains.problems).toEqual([]);
        expect(chains.casesChecked).toBe(ids.length);
      } finally {
        await app?.close();
        await engine?.stop();
        client?.disconnect();
        await cluster?.stop();
      }
    },
  );
});
