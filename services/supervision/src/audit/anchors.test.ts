import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase } from '@urbangrid/db';
import { type AuditKeys, applyCommand, auditKeyId, createEngineContext } from '@urbangrid/engine';
import { gridOutsideDemoDistrict, reportTestCase, staff } from '@urbangrid/engine/test-support';
import { bearer, buildTestApp, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { supervisionService } from '../index.js';
import { anchorCatchUpDays, anchorFinishedDays } from './anchor-days.js';

function newKeys(): AuditKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signingKey: privateKey, verifyKey: publicKey, keyId: auditKeyId(publicKey) };
}

describe('the daily anchors', () => {
  redisTest(
    'the job signs every finished day of every city once; run again it writes the same files; the region sees a rewritten case',
    async ({ database, redis }) => {
      const engine = createEngineContext({ db: database.db });
      const { case: reported } = await reportTestCase(engine, {
        source: 'officer',
        actor: staff.officer('officer1'),
      });
      await applyCommand(engine, { caseId: reported.id, command: { type: 'file' }, actor: staff.shiftLead });
      const keys = newKeys();
      const dir = await mkdtemp(path.join(tmpdir(), 'urbangrid-anchors-'));
      try {
        // Tomorrow shortly after midnight: today is the last finished day.
        const now = new Date(Date.now() + 86_400_000);
        const first = await anchorFinishedDays(database.db, { keys, dir, now });
        const cities = (await readdir(dir)).sort();
        expect(cities).toEqual(expect.arrayContaining(['1501', reported.city]));
        expect(first.written).toHaveLength(cities.length * anchorCatchUpDays);
        expect(first.written).toContainEqual(expect.objectContaining({ city: reported.city, cases: 1 }));
        const files = async () =>
          Promise.all(
            cities.flatMap(async (city) =>
              Promise.all(
                (await readdir(path.join(dir, city))).map((f) => readFile(path.join(dir, city, f), 'utf8')),
              ),
            ),
          );
        const before = await files();
        const second = await anchorFinishedDays(database.db, { keys, dir, now });
        expect(second).toEqual({ written: [], unchanged: first.written.length, differs: [] });
        expect(await files()).toEqual(before);

        const app = await buildTestApp(
          { database, redis },
          { services: [supervisionService({ engine, anchors: { dir, keys } })] },
        );
        try {
          const region = (await loginAs(app, 'region1')).token;
          const list = async (token: string, query = '') =>
            app.inject({
              method: 'GET',
              url: `/api/supervision/audit/anchors${query}`,
              headers: bearer(token),
            });
          const day = first.written.find((w) => w.cases === 1)?.day ?? '';
          const clean = (await list(region, `?from=${day}&to=${day}`)).json();
          expect(clean.keyId).toBe(keys.keyId);
          expect(clean.anchors).toContainEqual(
            expect.objectContaining({
              city: reported.city,
              day,
              cases: 1,
              signature: 'valid',
              matchesDatabase: true,
            }),
          );

          // The owner edits the case's last event (hash recomputed); the anchors say which case.
          const owner = createDatabase(database.ownerUrl, { max: 1 });
          try {
            await owner.db.execute(sql`alter table case_events disable trigger all`);
            await owner.db.execute(
              sql`update case_events set hash = repeat('a', 64) where case_id = ${reported.id} and seq = 2`,
            );
            await owner.db.execute(sql`alter table case_events enable trigger all`);
          } finally {
            await owner.close();
          }
          const rewritten = (await list(region, `?from=${day}&to=${day}&city=${reported.city}`)).json();
          expect(rewritten.anchors).toEqual([
            expect.objectContaining({
              signature: 'valid',
              matchesDatabase: false,
              problems: [expect.objectContaining({ caseId: reported.id, seq: 2, kind: 'rewritten' })],
            }),
          ]);
          // Another city's supervisor may not look.
          const supervisor = (await loginAs(app, 'supervisor1')).token;
          expectProblem(await list(supervisor, '?city=9999'), 403, 'FORBIDDEN');
        } finally {
          await app.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  redisTest(
    'a district supervisor sees the rewritten cases of their district only',
    async ({ database, redis }) => {
      const engine = createEngineContext({ db: database.db });
      const grid = await gridOutsideDemoDistrict(database.db);
      const inDistrict = (await reportTestCase(engine)).case.id;
      const elsewhere = (
        await reportTestCase(engine, {
          location: { lat: grid.lat, lng: grid.lng },
          gridCode: grid.code,
        })
      ).case.id;
      const keys = newKeys();
      const dir = await mkdtemp(path.join(tmpdir(), 'urbangrid-anchors-'));
      const app = await buildTestApp(
        { database, redis },
        { services: [supervisionService({ engine, anchors: { dir, keys } })] },
      );
      try {
        const { written } = await anchorFinishedDays(database.db, {
          keys,
          dir,
          now: new Date(Date.now() + 86_400_000),
        });
        const day = written.find((w) => w.city === '1501' && w.cases > 0)?.day ?? '';
        const owner = createDatabase(database.ownerUrl, { max: 1 });
        try {
          await owner.db.execute(sql`alter table case_events disable trigger all`);
          await owner.db.execute(
            sql`update case_events set hash = repeat('a', 64) where case_id in (${inDistrict}, ${elsewhere})`,
          );
          await owner.db.execute(sql`alter table case_events enable trigger all`);
        } finally {
          await owner.close();
        }
        const problemCases = async (username: string) => {
          const response = await app.inject({
            url: `/api/supervision/audit/anchors?from=${day}&to=${day}`,
            headers: bearer((await loginAs(app, username)).token),
          });
          expect(response.statusCode, response.body).toBe(200);
          const [anchor] = response.json().anchors;
          return new Set(anchor.problems.map((problem: { caseId: string }) => problem.caseId));
        };
        expect(await problemCases('supervisor1')).toEqual(new Set([inDistrict, elsewhere]));
        expect(await problemCases('supervisor-150102')).toEqual(new Set([inDistrict]));
      } finally {
        await app.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
