/**
 * Who gets a verification (核实) or check (核查) task: the officer on duty for the case's grid, the
 * least loaded first; when nobody of the grid is on duty, an on-duty officer of another grid of the
 * same street (the task is flagged `fallback`). A check prefers an officer who did not report the
 * case, so nobody confirms their own report's fix (domain.md §7).
 */
import { type DbOrTx, listOfficerCandidates, type OfficerCandidate } from '@urbangrid/db';

export interface OfficerChoice {
  officer: OfficerCandidate;
  /** Not an officer of the case's grid on duty. */
  fallback: boolean;
}

export interface ChoiceInput {
  gridCode: string;
  streetCode: string;
  at: Date;
  /** Officers to avoid when anyone else can go (a check avoids the reporting officer). */
  avoid?: readonly string[];
}

export async function chooseOfficer(db: DbOrTx, input: ChoiceInput): Promise<OfficerChoice | null> {
  const avoid = new Set(input.avoid ?? []);
  const candidates = await listOfficerCandidates(db, input);
  const grid = candidates.filter((officer) => officer.inGrid);
  const street = candidates.filter((officer) => !officer.inGrid);
  // An officer without any shift rows is not on a roster: always on duty.
  const onDuty = (officer: OfficerCandidate) => officer.onShift || !officer.hasShifts;
  const welcome = (officer: OfficerCandidate) => !avoid.has(officer.username);
  const tiers: Array<{ officers: OfficerCandidate[]; fallback: boolean }> = [
    { officers: grid.filter((o) => onDuty(o) && welcome(o)), fallback: false },
    { officers: street.filter((o) => onDuty(o) && welcome(o)), fallback: true },
    { officers: grid.filter(onDuty), fallback: false },
    { officers: street.filter(onDuty), fallback: true },
    // Nobody on duty at all: the grid's own officer still gets it rather than nobody.
    { officers: grid, fallback: true },
    { officers: street, fallback: true },
  ];
  for (const tier of tiers) {
    // The least loaded first.
    const [officer] = [...tier.officers].sort(
      (a, b) => a.openTasks - b.openTasks || a.username.localeCompare(b.username),
    );
    if (officer !== undefined) return { officer, fallback: tier.fallback };
  }
  return null;
}
