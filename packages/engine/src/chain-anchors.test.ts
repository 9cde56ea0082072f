import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDatabase, listCaseEvents } from '@urbangrid/db';
import { userActor } from '@urbangrid/domain';
import { dbTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { applyCommand } from './apply-command.js';
import { type AuditKeys, auditKeyId, loadAuditKeys } from './audit-keys.js';
import { anchorFile, makeChainAnchor, verifyAgainstAnchors, writeChainAnchor } from './chain-anchors.js';
import { createEngineContext, type EngineContext } from './engine-context.js';
import { eventHash, verifyChains } from './event-chain.js';
import { localDay } from './local-day.js';
import { reportTestCase, staff } from './test-support/index.js';

async function caseWithHistory(context: EngineContext): Promise<{ id: string; city: string }> {
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
  return { id: reported.id, city: reported.city };
}

function newKeys(): { keys: AuditKeys; pkcs8: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    keys: { signingKey: privateKey, verifyKey: publicKey, keyId: auditKeyId(publicKey) },
    pkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** Today (the city's day) as the window the anchor signs: what the daily job does for yesterday. */
function today(city: string) {
  const now = new Date();
  return {
    city,
    day: localDay(now, 'Asia/Shanghai'),
    from: new Date(now.getTime() - 86_400_000),
    to: new Date(now.getTime() + 60_000),
  };
}

describe('signed anchors of the chain heads', () => {
  test('the same day anchors to the same file; a second writer changes nothing', async ({ database }) => {
    const context = createEngineContext({ db: database.db });
    const { id, city } = await caseWithHistory(context);
    const { keys } = newKeys();
    const dir = await mkdtemp(path.join(tmpdir(), 'urbangrid-anchors-'));
    try {
      const window = today(city);
      const anchor = await makeChainAnchor(database.db, keys, window);
      const events = await listCaseEvents(database.db, id);
      expect(anchor.heads).toContainEqual({ caseId: id, seq: events.length, hash: events.at(-1)?.hash });
      expect(await writeChainAnchor(dir, anchor)).toBe('written');
      const first = await readFile(anchorFile(dir, city, anchor.day), 'utf8');
      expect(await writeChainAnchor(dir, await makeChainAnchor(database.db, keys, window))).toBe('unchanged');
      expect(await readFile(anchorFile(dir, city, anchor.day), 'utf8')).toBe(first);
      expect((await verifyAgainstAnchors(database.db, dir, keys)).ok).toBe(true);
      // A file edited to match a rewritten history no longer verifies.
      const forged = JSON.parse(first);
      forged.heads[0].hash = '0'.repeat(64);
      await writeFile(anchorFile(dir, city, anchor.day), JSON.stringify(forged));
      const report = await verifyAgainstAnchors(database.db, dir, keys);
      expect(report.problems.map((p) => p.kind)).toEqual(['anchor_invalid']);
      // Another key's anchors are not taken for ours.
      expect(
        (await verifyAgainstAnchors(database.db, dir, newKeys().keys)).problems.map((p) => p.kind),
      ).toEqual(['anchor_unknown_key']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a consistent rewrite by the database's owner passes the chain check but not audit:verify, which names the case", async ({
    database,
  }) => {
    const context = createEngineContext({ db: database.db });
    const untouched = await caseWithHistory(context);
    const { id, city } = await caseWithHistory(context);
    const { keys, pkcs8 } = newKeys();
    const dir = await mkdtemp(path.join(tmpdir(), 'urbangrid-anchors-'));
    try {
      await writeChainAnchor(dir, await makeChainAnchor(database.db, keys, today(city)));

      // The owner rewrites the dispatch (event 3) to another department and recomputes the chain
      // from there on and the case's head, as someone who knows the unkeyed SHA-256 chain would.
      const owner = createDatabase(database.ownerUrl, { max: 1 });
      try {
        await owner.db.transaction(async (tx) => {
          await tx.execute(sql`alter table case_events disable trigger all`);
          let prevHash: string | null = null;
          for (const event of await listCaseEvents(tx, id)) {
            if (event.seq < 3) {
              prevHash = event.hash;
              continue;
            }
            const data =
              event.seq === 3
                ? { ...(event.data as Record<string, unknown>), departmentId: 'dept-elsewhere' }
                : event.data;
            const hash = eventHash({ ...event, data, prevHash: prevHash ?? '' });
            await tx.execute(
              sql`update case_events set data = ${JSON.stringify(data)}::jsonb, prev_hash = ${prevHash}, hash = ${hash} where id = ${event.id}`,
            );
            prevHash = hash;
          }
          await tx.execute(sql`update cases set last_event_hash = ${prevHash} where id = ${id}`);
          await tx.execute(sql`alter table case_events enable trigger all`);
        });
      } finally {
        await owner.close();
      }
      // The hash chain alone cannot see it.
      expect((await verifyChains(database.db)).ok).toBe(true);

      const run = promisify(execFile)(
        'npx',
        ['tsx', '--conditions=source', 'packages/engine/src/cli/audit-verify.ts'],
        {
          env: { ...process.env, DATABASE_URL: database.url, ANCHOR_DIR: dir, AUDIT_SIGNING_KEY: pkcs8 },
          cwd: new URL('../../..', import.meta.url).pathname,
        },
      );
      const failure = await run.then(
        (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
        (error: { code?: number; stdout?: string; stderr?: string }) => error,
      );
      expect(failure.code, `${failure.stdout}${failure.stderr}`).toBe(1);
      expect(failure.stdout).toContain('every chain holds');
      expect(failure.stdout).toMatch(new RegExp(`rewritten +case ${id} seq 4: `));
      expect(failure.stdout).not.toContain(untouched.id);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('outside production a key is made once under DATA_DIR and kept', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'urbangrid-keys-'));
    try {
      expect(await loadAuditKeys({ DATA_DIR: dataDir }, { generate: false })).toBeUndefined();
      const made = await loadAuditKeys({ DATA_DIR: dataDir }, { generate: true });
      const again = await loadAuditKeys({ DATA_DIR: dataDir }, { generate: true });
      expect(made?.keyId).toMatch(/^[0-9a-f]{16}$/);
      expect(again?.keyId).toBe(made?.keyId);
      await expect(
        loadAuditKeys({ DATA_DIR: dataDir, AUDIT_SIGNING_KEY: 'bm90IGEga2V5' }, { generate: false }),
      ).rejects.toThrow(/AUDIT_SIGNING_KEY: not a private key/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
