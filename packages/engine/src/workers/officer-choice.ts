/**
 * Who gets a verification (核实) or check (核查) task: the officer on duty for the case's grid, the
 * least loaded first; when nobody of the grid is on duty, an on-duty officer of another grid of the
 * same street (the task is flagged `fallback`). A check prefers an officer who did not report the
 * case, so nobody confirms their own report's fix (domain.md §7).
 */
import {
  countOpenTasks,
  type DbOrTx,
  dutyOf,
  listGridOfficers,
  listStreetOfficers,
  type OfficerOfGrid,
} from '@urbangrid/db';

export interface OfficerChoice {
  officer: OfficerOfGrid;
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
  const grid = await listGridOfficers(db, input.gridCode);
  const street = await listStreetOfficers(db, input.streetCode, input.gridCode);
  const everyone = [...grid, ...street];
  const duty = await dutyOf(
    db,
    everyone.map((officer) => officer.id),
    input.at,
  );
  // An officer without any shift rows is not on a roster: always on duty.
  const onDuty = (officer: OfficerOfGrid) => duty.onShift.has(officer.id) || !duty.withShifts.has(officer.id);
  const welcome = (officer: OfficerOfGrid) => !avoid.has(officer.username);
  const tiers: Array<{ officers: OfficerOfGrid[]; fallback: boolean }> = [
    { officers: grid.filter((o) => onDuty(o) && welcome(o)), fallback: false },
    { officers: street.filter((o) => onDuty(o) && welcome(o)), fallback: true },
    { officers: grid.filter(onDuty), fallback: false },
    { officers: street.filter(onDuty), fallback: true },
    // Nobody on duty at all: the grid's own officer still gets it rather than nobody.
    { officers: grid, fallback: true },
    { officers: street, fallback: true },
  ];
  for (const tier of tiers) {
    if (tier.officers.length === 0) continue;
    const load = await countOpenTasks(
      db,
      tier.officers.map((officer) => officer.id),
    );
    const [officer] = [...tier.officers].sort(
      (a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.username.localeCompare(b.username),
    );
    if (officer !== undefined) return { officer, fallback: tier.fallback };
  }
  return null;
}
