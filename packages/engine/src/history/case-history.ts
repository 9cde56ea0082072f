/**
 * A case's past, made by the lifecycle's own rules: each step of a journey is planned by
 * `planTransition` and applied by `applyPlan` — exactly what a command does — and its event is
 * sealed onto the chain as the engine seals it, so a made history verifies (`verifyChains`) and
 * recounts (`recountRollups`) like one the engine wrote. What it leaves out is what a command does
 * beside the rules: queues, notices and deadline timers (a past case has none left to run).
 */
import { type CaseChanges, caseSnapshotColumns, type NewCaseEventRow } from '@urbangrid/db';
import {
  type Actor,
  applyPlan,
  type CaseCommand,
  type CaseSnapshot,
  planTransition,
} from '@urbangrid/domain';
import { genesisHash } from '../event-chain.js';
import { newId } from '../ids.js';
import type { EventData } from '../transition-checks.js';
import { sealDraft, stampColumns } from '../transition-writes.js';

/** One step of a journey: who did what, when. `data` is what the person added (a note). */
export interface HistoryStep {
  command: CaseCommand;
  actor: Actor;
  at: Date;
  data?: EventData;
}

export interface HistoryCase {
  id: string;
  city: string;
  categoryCode: string;
  /** The first step must be a `report`. */
  steps: readonly HistoryStep[];
}

export interface MadeHistory {
  /** The case row's lifecycle columns after the last step (state, counters, stamps, chain head). */
  columns: CaseChanges & { version: number; lastEventHash: string; updatedAt: Date };
  events: Array<NewCaseEventRow & { hash: string }>;
  snapshot: CaseSnapshot;
}

/** Plays the steps through the rules; throws on a step the rules refuse (a bad journey is a bug). */
export function makeCaseHistory(history: HistoryCase): MadeHistory {
  let snapshot: CaseSnapshot | null = null;
  let prevHash = genesisHash;
  let stamps: CaseChanges = {};
  const events: MadeHistory['events'] = [];
  for (const [index, step] of history.steps.entries()) {
    const decision = planTransition(snapshot, step.command, step.actor);
    if (!decision.ok) {
      throw new Error(
        `history of ${history.id}: step ${index + 1} (${step.command.type}) refused: ${decision.reason}`,
      );
    }
    const plan = decision;
    snapshot = applyPlan(snapshot, plan);
    stamps = { ...stamps, ...stampColumns(plan, step.at) };
    const { type: _type, ...fields } = step.command;
    const data =
      step.command.type === 'report'
        ? {
            source: snapshot.source,
            categoryCode: history.categoryCode,
            urgency: snapshot.urgency,
            ...step.data,
          }
        : { ...fields, ...step.data };
    const sealed = sealDraft(
      {
        id: newId(step.at),
        caseId: history.id,
        city: history.city,
        seq: index + 1,
        plan,
        actor: step.actor,
        at: step.at,
        data,
      },
      prevHash,
    );
    events.push(sealed);
    prevHash = sealed.hash;
  }
  const last = history.steps.at(-1);
  if (snapshot === null || last === undefined) throw new Error(`history of ${history.id} has no step`);
  return {
    columns: {
      ...caseSnapshotColumns(snapshot),
      ...stamps,
      version: events.length,
      lastEventHash: prevHash,
      updatedAt: last.at,
    },
    events,
    snapshot,
  };
}
