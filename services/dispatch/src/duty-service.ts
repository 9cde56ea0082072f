/**
 * Duty (值班): the shift lead sets which grid officer is on duty when. A shift covers all of the
 * officer's grids; verification and check tasks go to the officer on duty for the grid (the
 * engine's workers read the same rows), falling back to another officer of the street.
 */
import {
  type DutyShiftWithOfficer,
  deleteDutyShift,
  findCityOfficer,
  findOverlappingShift,
  insertDutyShift,
  listDutyShifts,
  listGridOfficers,
  lockOfficerRota,
  officerCoverage,
} from '@urbangrid/db';
import { type EngineContext, EngineError, newId } from '@urbangrid/engine';
import { httpError } from '@urbangrid/platform';

/** The longest shift one entry may hold; longer cover is several shifts. */
export const maxShiftHours = 24;
/** The widest window one listing covers. */
export const maxWindowDays = 31;

export interface DutyShiftView {
  id: string;
  officer: string;
  officerName: string;
  startsAt: string;
  endsAt: string;
  /** Whether the shift covers the current instant. */
  onDutyNow: boolean;
  gridCount: number;
  streetCodes: string[];
}

const hour = 3_600_000;
const day = 24 * hour;

async function views(engine: EngineContext, shifts: DutyShiftWithOfficer[]): Promise<DutyShiftView[]> {
  const coverage = await officerCoverage(engine.db, [...new Set(shifts.map((s) => s.officerId))]);
  const now = engine.now().getTime();
  return shifts.map((shift) => ({
    id: shift.id,
    officer: shift.username,
    officerName: shift.displayName,
    startsAt: shift.startsAt.toISOString(),
    endsAt: shift.endsAt.toISOString(),
    onDutyNow: shift.startsAt.getTime() <= now && now < shift.endsAt.getTime(),
    gridCount: coverage.get(shift.officerId)?.gridCount ?? 0,
    streetCodes: coverage.get(shift.officerId)?.streetCodes ?? [],
  }));
}

export interface DutyQuery {
  city: string;
  from?: Date;
  to?: Date;
  /** Only the officers of this grid. */
  gridCode?: string;
  /** Only this officer (username). */
  officer?: string;
}

/** Shifts overlapping the window (default: the next 24 hours from now), earliest first. */
export async function listDuty(engine: EngineContext, query: DutyQuery): Promise<DutyShiftView[]> {
  const from = query.from ?? engine.now();
  const to = query.to ?? new Date(from.getTime() + day);
  if (to <= from) throw new EngineError('VALIDATION_FAILED', 'to: must be after from');
  if (to.getTime() - from.getTime() > maxWindowDays * day) {
    throw new EngineError('VALIDATION_FAILED', `the window may span at most ${maxWindowDays} days`);
  }
  let officerIds: string[] | undefined;
  if (query.gridCode !== undefined) {
    officerIds = (await listGridOfficers(engine.db, query.gridCode)).map((o) => o.id);
  }
  if (query.officer !== undefined) {
    const officer = await findCityOfficer(engine.db, query.city, query.officer);
    const id = officer?.id;
    officerIds = id === undefined ? [] : (officerIds?.filter((o) => o === id) ?? [id]);
  }
  return views(engine, await listDutyShifts(engine.db, { city: query.city, from, to, officerIds }));
}

export interface NewShift {
  city: string;
  officer: string;
  startsAt: Date;
  endsAt: Date;
}

/** Puts an officer on duty. One officer's shifts never overlap (409 CONFLICT). */
export async function addShift(engine: EngineContext, input: NewShift): Promise<DutyShiftView> {
  if (input.endsAt <= input.startsAt)
    throw new EngineError('VALIDATION_FAILED', 'endsAt: must be after startsAt');
  if (input.endsAt.getTime() - input.startsAt.getTime() > maxShiftHours * hour) {
    throw new EngineError('VALIDATION_FAILED', `a shift lasts at most ${maxShiftHours} hours`);
  }
  const officer = await findCityOfficer(engine.db, input.city, input.officer);
  if (officer === null) {
    throw new EngineError(
      'VALIDATION_FAILED',
      `officer: ${input.officer} is not an active grid officer of this city`,
    );
  }
  return engine.db.transaction(async (tx) => {
    // Two shift leads adding overlapping shifts at once: the second waits here, then sees the first.
    await lockOfficerRota(tx, officer.id);
    const clash = await findOverlappingShift(tx, officer.id, input.startsAt, input.endsAt);
    if (clash !== null) {
      throw httpError(
        'CONFLICT',
        `${officer.username} is already on duty ${clash.startsAt.toISOString()} – ${clash.endsAt.toISOString()}`,
      );
    }
    const row = await insertDutyShift(tx, {
      id: newId(engine.now()),
      city: input.city,
      officerId: officer.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
    });
    const [view] = await views(engine, [
      { ...row, username: officer.username, displayName: officer.displayName },
    ]);
    if (view === undefined) throw new Error('a written shift has no view');
    return view;
  });
}

/** Takes a shift off the rota (404 when the city has no such shift). */
export async function removeShift(engine: EngineContext, city: string, id: string): Promise<void> {
  if (!(await deleteDutyShift(engine.db, city, id)))
    throw httpError('NOT_FOUND', `duty shift ${id} not found`);
}
