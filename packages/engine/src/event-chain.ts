/**
 * The case history as a hash chain (防篡改): each event stores the previous event's hash and its own
 * hash = SHA-256 over a canonical serialisation of its content plus that previous hash. Editing,
 * reordering or deleting an event breaks the chain at that event; `cases.last_event_hash` and
 * `cases.version` (= the last seq) anchor the head, so a deleted last event is noticed too.
 */
import { createHash } from 'node:crypto';
import {
  type CaseChainFilter,
  type CaseChainHead,
  type CaseEventRow,
  type DbOrTx,
  eventCaseIdsWithoutCase,
  findCaseById,
  listEventsOfCases,
  type NewCaseEventRow,
  pageCaseChainHeads,
} from '@urbangrid/db';
import { canonicalJson } from './canonical-json.js';

/** The prevHash of every case's first event. */
export const genesisHash = '0'.repeat(64);

/** What an event says: everything of the row except its two hashes. */
export type EventContent = Omit<NewCaseEventRow, 'prevHash' | 'hash'> & {
  id: string;
  at: Date;
  data: Record<string, unknown>;
};

type HashedFields = Pick<
  CaseEventRow,
  | 'id'
  | 'caseId'
  | 'seq'
  | 'city'
  | 'command'
  | 'fromState'
  | 'toState'
  | 'actorId'
  | 'actorName'
  | 'actorRole'
> & { at: Date; data: unknown; prevHash: string };

export function eventHash(fields: HashedFields): string {
  const text = canonicalJson({
    id: fields.id,
    caseId: fields.caseId,
    seq: fields.seq,
    city: fields.city,
    command: fields.command,
    fromState: fields.fromState ?? null,
    toState: fields.toState,
    actorId: fields.actorId ?? null,
    actorName: fields.actorName,
    actorRole: fields.actorRole ?? null,
    at: fields.at,
    data: fields.data,
    prevHash: fields.prevHash,
  });
  return createHash('sha256').update(text).digest('hex');
}

/** The row to insert: the content chained onto `prevHash`. */
export function sealEvent(content: EventContent, prevHash: string): NewCaseEventRow & { hash: string } {
  const base = {
    ...content,
    fromState: content.fromState ?? null,
    actorId: content.actorId ?? null,
    actorRole: content.actorRole ?? null,
  };
  return { ...base, prevHash, hash: eventHash({ ...base, prevHash }) };
}

export type ChainProblemKind =
  /** The event's content no longer matches its hash. */
  | 'edited'
  /** The event's hash is intact for another seq: it was moved. */
  | 'reordered'
  /** The event does not link to the one before it (an event in between vanished or was inserted). */
  | 'broken_link'
  /** Events with these seqs are missing. */
  | 'deleted'
  /** Two events claim the same seq. */
  | 'duplicate'
  /** The case's recorded chain head does not match its last event. */
  | 'head_mismatch'
  /** Events of a case that no longer exists. */
  | 'orphaned';

export interface ChainProblem {
  caseId: string;
  seq: number | null;
  kind: ChainProblemKind;
  detail: string;
}

export interface ChainReport {
  casesChecked: number;
  eventsChecked: number;
  ok: boolean;
  problems: ChainProblem[];
}

/** Checks one case's events (in seq order) against each other and against the case's head. */
export function checkChain(head: CaseChainHead, events: readonly CaseEventRow[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const caseId = head.id;
  const seqs = events.map((event) => event.seq);
  let expectedSeq = 1;
  let previous: CaseEventRow | null = null;
  // A moved event breaks the links around it too; the move is the finding, not its echoes.
  let previousMoved = false;
  for (const event of events) {
    let moved = false;
    if (previous !== null && event.seq === previous.seq) {
      problems.push({ caseId, seq: event.seq, kind: 'duplicate', detail: `seq ${event.seq} appears twice` });
    } else if (event.seq > expectedSeq) {
      problems.push({
        caseId,
        seq: expectedSeq,
        kind: 'deleted',
        detail: `events ${describeRange(expectedSeq, event.seq - 1)} are missing`,
      });
    }
    const recomputed = eventHash(event);
    if (recomputed !== event.hash) {
      const movedFrom = seqs.find((seq) => seq !== event.seq && eventHash({ ...event, seq }) === event.hash);
      moved = movedFrom !== undefined;
      problems.push(
        movedFrom === undefined
          ? {
              caseId,
              seq: event.seq,
              kind: 'edited',
              detail: `event ${event.seq} (${event.command}) was changed`,
            }
          : {
              caseId,
              seq: event.seq,
              kind: 'reordered',
              detail: `event ${event.seq} (${event.command}) was recorded as seq ${movedFrom}`,
            },
      );
    }
    const expectedPrev = previous === null ? genesisHash : previous.hash;
    if (event.prevHash !== expectedPrev && event.seq === expectedSeq && !moved && !previousMoved) {
      problems.push({
        caseId,
        seq: event.seq,
        kind: 'broken_link',
        detail: `event ${event.seq} does not follow event ${previous?.seq ?? 'genesis'}`,
      });
    }
    expectedSeq = event.seq + 1;
    previous = event;
    previousMoved = moved;
  }
  const lastSeq = previous?.seq ?? 0;
  if (lastSeq < head.version) {
    problems.push({
      caseId,
      seq: lastSeq + 1,
      kind: 'deleted',
      detail: `events ${describeRange(lastSeq + 1, head.version)} are missing (the case is at version ${head.version})`,
    });
  } else if (previous !== null && head.lastEventHash !== null && head.lastEventHash !== previous.hash) {
    problems.push({
      caseId,
      seq: previous.seq,
      kind: 'head_mismatch',
      detail: `the case's chain head does not match event ${previous.seq}`,
    });
  }
  return problems;
}

function describeRange(from: number, to: number): string {
  return from === to ? `${from}` : `${from}–${to}`;
}

/** Verifies one case's history. */
export async function verifyCaseChain(db: DbOrTx, caseId: string): Promise<ChainReport> {
  const row = await findCaseById(db, caseId);
  const events = await listEventsOfCases(db, [caseId]);
  if (row === null) {
    const problems: ChainProblem[] =
      events.length === 0
        ? []
        : [
            {
              caseId,
              seq: null,
              kind: 'orphaned',
              detail: `${events.length} events of a case that does not exist`,
            },
          ];
    return { casesChecked: 0, eventsChecked: events.length, ok: problems.length === 0, problems };
  }
  const problems = checkChain(row, events);
  return { casesChecked: 1, eventsChecked: events.length, ok: problems.length === 0, problems };
}

export interface VerifyChainsOptions extends CaseChainFilter {
  /** Cases read per round trip. */
  pageSize?: number;
  /** Called after each page, e.g. for a progress line. */
  onProgress?: (casesChecked: number) => void;
}

/**
 * Verifies the histories of many cases (a city, a creation window, a list), a page of cases at a
 * time so memory stays flat over millions of events. Without `caseIds` or `districtCode`, it also
 * reports events whose case row is gone.
 */
export async function verifyChains(db: DbOrTx, options: VerifyChainsOptions = {}): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 500;
  const report: ChainReport = { casesChecked: 0, eventsChecked: 0, ok: true, problems: [] };
  let after: string | null = null;
  for (;;) {
    const heads = await pageCaseChainHeads(db, options, after, pageSize);
    if (heads.length === 0) break;
    const events = await listEventsOfCases(
      db,
      heads.map((head) => head.id),
    );
    const byCase = new Map<string, CaseEventRow[]>();
    for (const event of events) {
      const list = byCase.get(event.caseId) ?? [];
      list.push(event);
      byCase.set(event.caseId, list);
    }
    for (const head of heads) report.problems.push(...checkChain(head, byCase.get(head.id) ?? []));
    report.casesChecked += heads.length;
    report.eventsChecked += events.length;
    options.onProgress?.(report.casesChecked);
    after = heads[heads.length - 1]?.id ?? null;
    if (heads.length < pageSize) break;
  }
  // A case row that is gone has no district: orphaned events count for a whole city's audit only.
  if (options.caseIds === undefined && options.districtCode === undefined) {
    for (const caseId of await eventCaseIdsWithoutCase(db, options.city)) {
      report.problems.push({
        caseId,
        seq: null,
        kind: 'orphaned',
        detail: 'events of a case that does not exist',
      });
    }
  }
  report.ok = report.problems.length === 0;
  return report;
}
