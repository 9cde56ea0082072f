/**
 * Signed anchors of the case histories (architecture.md): for each city and local day, the chain
 * heads the day left behind (each case's last event of the day: case, seq, hash) are signed with a
 * key the database does not hold and kept outside the database, one JSON file per city and day
 * under ANCHOR_DIR. Whoever rewrites a history consistently — recomputing every SHA-256 and the
 * case's last_event_hash as the database's owner — changes the hash of an anchored event, and
 * `npm run audit:verify` names the case. An anchor once written is never replaced.
 */

import { createHash, sign, verify } from 'node:crypto';
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type DbOrTx, type EventChainHead, findEventHashes, listChainHeadsOfWindow } from '@urbangrid/db';
import { cityCodePattern } from '@urbangrid/domain';
import type { AuditKeys } from './audit-keys.js';
import { canonicalJson } from './canonical-json.js';

export interface ChainAnchor {
  version: 1;
  city: string;
  /** The city's local day (YYYY-MM-DD). */
  day: string;
  /** The day as instants: events with `at` in [from, to). */
  from: string;
  to: string;
  cases: number;
  /** SHA-256 over the canonical JSON of `heads`. */
  digest: string;
  keyId: string;
  /** Ed25519 over the canonical JSON of everything above (base64). */
  signature: string;
  heads: EventChainHead[];
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function headsDigest(heads: readonly EventChainHead[]): string {
  return createHash('sha256')
    .update(canonicalJson(heads.map((h) => ({ caseId: h.caseId, seq: h.seq, hash: h.hash }))))
    .digest('hex');
}

function signedText(anchor: Omit<ChainAnchor, 'signature' | 'heads'>): Buffer {
  const { version, city, day, from, to, cases, digest, keyId } = anchor;
  return Buffer.from(canonicalJson({ version, city, day, from, to, cases, digest, keyId }));
}

/** Reads the day's chain heads and signs them (the same day and history always give the same anchor). */
export async function makeChainAnchor(
  db: DbOrTx,
  keys: AuditKeys,
  target: { city: string; day: string; from: Date; to: Date },
): Promise<ChainAnchor> {
  if (keys.signingKey === undefined)
    throw new Error('no signing key: anchors are made where AUDIT_SIGNING_KEY is');
  const heads = (await listChainHeadsOfWindow(db, target.city, target)).sort((a, b) =>
    a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0,
  );
  const unsigned = {
    version: 1 as const,
    city: target.city,
    day: target.day,
    from: target.from.toISOString(),
    to: target.to.toISOString(),
    cases: heads.length,
    digest: headsDigest(heads),
    keyId: keys.keyId,
  };
  // Ed25519 signatures are deterministic: a second run signs the same bytes the same way.
  const signature = sign(null, signedText(unsigned), keys.signingKey).toString('base64');
  return { ...unsigned, signature, heads };
}

export const anchorFile = (dir: string, city: string, day: string) => path.join(dir, city, `${day}.json`);

const anchorText = (anchor: ChainAnchor) => `${JSON.stringify(anchor, null, 1)}\n`;

/**
 * Writes the anchor unless its file exists: 'written', 'unchanged' (the same bytes were there) or
 * 'differs' (the file signed earlier says otherwise: it is kept, and audit:verify will tell why).
 */
export async function writeChainAnchor(
  dir: string,
  anchor: ChainAnchor,
): Promise<'written' | 'unchanged' | 'differs'> {
  const file = anchorFile(dir, anchor.city, anchor.day);
  const text = anchorText(anchor);
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  await writeFile(partial, text, { mode: 0o644 });
  try {
    // A hard link never replaces a file: of two writers at once, one writes and the other compares.
    await link(partial, file);
    return 'written';
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')) === text ? 'unchanged' : 'differs';
  } finally {
    await rm(partial, { force: true });
  }
}

/** The anchors under `dir` (a city's, days between `from` and `to` inclusive), oldest first. */
export async function readChainAnchors(
  dir: string,
  filter: { city?: string; from?: string; to?: string } = {},
): Promise<Array<{ file: string; anchor: ChainAnchor | null }>> {
  const cities = filter.city !== undefined ? [filter.city] : await readdir(dir).catch(() => [] as string[]);
  const found: Array<{ file: string; day: string; city: string }> = [];
  for (const city of cities.filter((c) => cityCodePattern.test(c)).sort()) {
    for (const name of (await readdir(path.join(dir, city)).catch(() => [] as string[])).sort()) {
      const day = name.replace(/\.json$/, '');
      if (!name.endsWith('.json') || !dayPattern.test(day)) continue;
      if ((filter.from !== undefined && day < filter.from) || (filter.to !== undefined && day > filter.to))
        continue;
      found.push({ file: path.join(dir, city, name), day, city });
    }
  }
  found.sort((a, b) => (a.day === b.day ? a.city.localeCompare(b.city) : a.day < b.day ? -1 : 1));
  return Promise.all(
    found.map(async ({ file }) => {
      try {
        return { file, anchor: JSON.parse(await readFile(file, 'utf8')) as ChainAnchor };
      } catch {
        return { file, anchor: null };
      }
    }),
  );
}

export type AnchorProblemKind =
  /** The file is not an anchor, or its signature or digest does not hold. */
  | 'anchor_invalid'
  /** Signed with another key than the one configured. */
  | 'anchor_unknown_key'
  /** An anchored event now has another hash: its history was rewritten. */
  | 'rewritten'
  /** An anchored event is gone. */
  | 'anchored_event_missing';

export interface AnchorProblem {
  city: string;
  day: string;
  caseId: string | null;
  seq: number | null;
  kind: AnchorProblemKind;
  detail: string;
}

/** Whether the anchor's signature and digest hold under `keys` (undefined when they do). */
export function anchorSignatureProblem(anchor: ChainAnchor, keys: AuditKeys): AnchorProblemKind | undefined {
  if (anchor.keyId !== keys.keyId) return 'anchor_unknown_key';
  if (!Array.isArray(anchor.heads) || anchor.heads.length !== anchor.cases) return 'anchor_invalid';
  if (headsDigest(anchor.heads) !== anchor.digest) return 'anchor_invalid';
  const valid = verify(null, signedText(anchor), keys.verifyKey, Buffer.from(anchor.signature, 'base64'));
  return valid ? undefined : 'anchor_invalid';
}

/** Compares one signed anchor with the events the database holds now. */
export async function checkAnchorAgainstDatabase(
  db: DbOrTx,
  anchor: ChainAnchor,
  keys: AuditKeys,
  options: { caseIds?: readonly string[] } = {},
): Promise<AnchorProblem[]> {
  const at = { city: anchor.city, day: anchor.day };
  const signatureProblem = anchorSignatureProblem(anchor, keys);
  if (signatureProblem !== undefined) {
    return [
      {
        ...at,
        caseId: null,
        seq: null,
        kind: signatureProblem,
        detail:
          signatureProblem === 'anchor_unknown_key'
            ? `the anchor of ${anchor.city} ${anchor.day} is signed with key ${anchor.keyId}, not ${keys.keyId}`
            : `the anchor of ${anchor.city} ${anchor.day} does not verify (its signature or digest does not hold)`,
      },
    ];
  }
  const wanted = options.caseIds === undefined ? undefined : new Set(options.caseIds);
  const heads = anchor.heads.filter((head) => wanted === undefined || wanted.has(head.caseId));
  const problems: AnchorProblem[] = [];
  for (let i = 0; i < heads.length; i += 500) {
    const page = heads.slice(i, i + 500);
    const stored = new Map(
      (await findEventHashes(db, page)).map((row) => [`${row.caseId}\u0000${row.seq}`, row.hash]),
    );
    for (const head of page) {
      const hash = stored.get(`${head.caseId}\u0000${head.seq}`);
      if (hash === head.hash) continue;
      problems.push(
        hash === undefined
          ? {
              ...at,
              caseId: head.caseId,
              seq: head.seq,
              kind: 'anchored_event_missing',
              detail: `event ${head.seq}, signed in the anchor of ${anchor.day}, is gone`,
            }
          : {
              ...at,
              caseId: head.caseId,
              seq: head.seq,
              kind: 'rewritten',
              detail: `event ${head.seq} differs from the one signed in the anchor of ${anchor.day}: the history up to it was rewritten`,
            },
      );
    }
  }
  return problems;
}

export interface AnchorReport {
  anchorsChecked: number;
  headsChecked: number;
  ok: boolean;
  problems: AnchorProblem[];
}

/** Checks every anchor under `dir` (filtered) against the database. */
export async function verifyAgainstAnchors(
  db: DbOrTx,
  dir: string,
  keys: AuditKeys,
  filter: { city?: string; from?: string; to?: string; caseIds?: readonly string[] } = {},
): Promise<AnchorReport> {
  const report: AnchorReport = { anchorsChecked: 0, headsChecked: 0, ok: true, problems: [] };
  for (const { file, anchor } of await readChainAnchors(dir, filter)) {
    report.anchorsChecked += 1;
    if (anchor === null) {
      const [city = '', day = ''] = file.split(path.sep).slice(-2);
      report.problems.push({
        city,
        day: day.replace(/\.json$/, ''),
        caseId: null,
        seq: null,
        kind: 'anchor_invalid',
        detail: `${file} is not an anchor`,
      });
      continue;
    }
    report.headsChecked += anchor.heads?.length ?? 0;
    report.problems.push(
      ...(await checkAnchorAgainstDatabase(db, anchor, keys, { caseIds: filter.caseIds })),
    );
  }
  report.ok = report.problems.length === 0;
  return report;
}
