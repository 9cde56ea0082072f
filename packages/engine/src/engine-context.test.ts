import type { CaseRow, Db } from '@urbangrid/db';
import { connectRedis, type RedisClient } from '@urbangrid/redis';
import type { ReferenceData } from '@urbangrid/reference';
import { testEnvironment } from '@urbangrid/test-support/environment';
import getPort from 'get-port';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngineContext, publishToRedis } from './engine-context.js';

const row = (i: number) =>
  ({
    id: `case-${i}`,
    caseNo: `20261203${String(i).padStart(5, '0')}`,
    state: 'reported',
    version: 1,
    updatedAt: new Date(),
    city: '1501',
    gridCode: '150102001001',
    districtCode: '150102',
    departmentId: null,
    assignee: null,
  }) as unknown as CaseRow;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live publishes while Redis is away', () => {
  const connections: RedisClient[] = [];
  afterAll(() => {
    for (const connection of connections) connection.disconnect();
  });

  it('are one line when the outage starts and one when it ends, not a line per commit', async () => {
    // A real server for "back", and a port nothing listens on for "away".
    const away = connectRedis(
      { kind: 'server', url: `redis://127.0.0.1:${await getPort()}` },
      { maxRetriesPerRequest: 1 },
    );
    const back = connectRedis(testEnvironment.redis, { maxRetriesPerRequest: 1 });
    connections.push(away, back);
    away.on('error', () => undefined);
    let redis: RedisClient = away;
    let settled = 0;
    const lines: string[] = [];
    const record = (level: string) => (_obj: object, msg?: string) => {
      lines.push(`${level} ${msg}`);
    };
    const context = createEngineContext({
      db: {} as Db,
      reference: {} as ReferenceData,
      logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
      publish: async (message) => {
        try {
          await publishToRedis(redis, 'engine-context-test')(message);
        } finally {
          settled++;
        }
      },
    });
    for (let i = 0; i < 30; i++) context.committed(row(i));
    while (settled < 30) await sleep(50);
    await sleep(50);
    expect(lines).toEqual([
      'warn live publish: Redis does not answer (retrying; one line per 30 s until it does)',
    ]);

    redis = back;
    for (let i = 30; i < 40; i++) context.committed(row(i));
    while (settled < 40) await sleep(50);
    await sleep(50);
    expect(lines.slice(1)).toEqual(['info live publish: Redis answers again']);
  }, 30_000);

  it('says each time when a message is refused by its schema (a bug, not an outage)', async () => {
    const lines: string[] = [];
    const record = (level: string) => (_obj: object, msg?: string) => {
      lines.push(`${level} ${msg}`);
    };
    const redis = connectRedis(testEnvironment.redis, { maxRetriesPerRequest: 1 });
    connections.push(redis);
    let settled = 0;
    const context = createEngineContext({
      db: {} as Db,
      reference: {} as ReferenceData,
      logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
      publish: async (message) => {
        try {
          await publishToRedis(redis, 'engine-context-test')(message);
        } finally {
          settled++;
        }
      },
    });
    for (let i = 0; i < 2; i++) context.committed({ ...row(i), gridCode: '' });
    while (settled < 2) await sleep(50);
    await sleep(50);
    expect(lines).toEqual(['warn live publish failed', 'warn live publish failed']);
  });
});
