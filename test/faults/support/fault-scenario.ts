/**
 * The fault scenario: its own PostgreSQL and Redis, the all-in-one process as a child, the city
 * simulator as load, and during the load the process killed with -9 five times, Redis killed and
 * restarted once and PostgreSQL stopped without a checkpoint and restarted once. Afterwards the
 * process runs until its outbox is drained, and the suite checks what survived.
 *
 * FAULTS_SECONDS (default 75) and FAULTS_RATE (reports a second, default 3) size the load.
 */

import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '@urbangrid/db';
import { formatSummary, startSimulation, type Tally } from '@urbangrid/simulator';
import { sql } from 'drizzle-orm';
import { type AllInOne, freePort, startAllInOne } from '../../../bench/support/all-in-one.js';
import { type OwnPostgres, type OwnRedis, startOwnPostgres, startOwnRedis } from './own-servers.js';

const SECONDS = Number(process.env.FAULTS_SECONDS ?? 75);
const RATE = Number(process.env.FAULTS_RATE ?? 3);
export const QUEUE_PREFIX = 'faults';

export type Fault =
  | 'kill -9 the all-in-one process'
  | 'kill -9 and restart Redis'
  | 'crash and restart PostgreSQL';

export interface FaultScenario {
  readonly tally: Tally;
  readonly faults: readonly Fault[];
  readonly database: Database;
  readonly redisUrl: string;
  /** Unrelayed outbox rows when the wait for the relay ended. */
  readonly outboxLeft: number;
  readonly directory: string;
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const schedule: readonly Fault[] = [
  'kill -9 the all-in-one process',
  'kill -9 the all-in-one process',
  'kill -9 and restart Redis',
  'kill -9 the all-in-one process',
  'crash and restart PostgreSQL',
  'kill -9 the all-in-one process',
  'kill -9 the all-in-one process',
];

async function unrelayed(database: Database): Promise<number> {
  const result = await database.db.execute<{ n: string }>(
    sql`select count(*) as n from outbox where relayed_at is null`,
  );
  return Number(result.rows[0]?.n ?? 0);
}

export async function runFaultScenario(log: (line: string) => void): Promise<FaultScenario> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'urbangrid-faults-'));
  // PostgreSQL runs as its own user and must reach its data directory below this one.
  await chmod(directory, 0o755);
  let postgres: OwnPostgres | undefined;
  let redis: OwnRedis | undefined;
  let app: AllInOne | undefined;
  let database: Database | undefined;
  const appLog = createWriteStream(path.join(directory, 'app.log'));
  const cleanup = async () => {
    await app?.stop().catch(() => undefined);
    await database?.close().catch(() => undefined);
    await redis?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    appLog.end();
    if (process.env.FAULTS_KEEP === undefined) await rm(directory, { recursive: true, force: true });
  };
  try {
    postgres = await startOwnPostgres(path.join(directory, 'postgres'));
    redis = await startOwnRedis(path.join(directory, 'redis'));
    const port = await freePort();
    const options = {
      databaseUrl: postgres.url,
      redisUrl: redis.url,
      port,
      queuePrefix: QUEUE_PREFIX,
      logFile: appLog,
    };
    app = startAllInOne(options);
    // The first start migrates and seeds the demo region.
    await app.healthy(300_000);
    log(
      `system up on ${app.baseUrl} (PostgreSQL ${postgres.port}, Redis ${redis.port}); load ${RATE}/s for ${SECONDS} s`,
    );

    const simulation = await startSimulation({
      baseUrl: app.baseUrl,
      rate: RATE,
      duration: SECONDS,
      pace: 0.05,
      concurrency: 150,
      // No drain: journeys under way when the load ends stop where they are, leaving open cases
      // whose deadlines must still be armed.
      drain: 0,
      retryFor: 180,
      stuckAfter: 150,
      runId: `faults-${Date.now().toString(36)}`,
    });
    const faults: Fault[] = [];
    const gap = (SECONDS * 1000) / (schedule.length + 1);
    for (const fault of schedule) {
      await sleep(gap);
      log(`${fault} (${simulation.tally.acknowledged.length} reports acknowledged so far)`);
      if (fault === 'kill -9 the all-in-one process') {
        await app.kill9();
        await sleep(500);
        app = startAllInOne(options);
        await app.healthy(120_000);
      } else if (fault === 'kill -9 and restart Redis') {
        await redis.killAndRestart();
      } else {
        await postgres.crashAndRestart();
      }
      faults.push(fault);
    }
    const tally = await simulation.finished;
    log(formatSummary(tally, simulation.open()));

    await app.healthy(120_000);
    database = createDatabase(postgres.url, { max: 4 });
    // Work in flight drains by itself once everything is up: give the relay a minute.
    let outboxLeft = await unrelayed(database);
    for (let waited = 0; outboxLeft > 0 && waited < 60_000; waited += 1_000) {
      await sleep(1_000);
      outboxLeft = await unrelayed(database);
    }
    return { tally, faults, database, redisUrl: redis.url, outboxLeft, directory, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
