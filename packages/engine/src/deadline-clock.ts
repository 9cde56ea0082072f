/**
 * The stage clock (时限) of a case inside a command's transaction: arming a stage's deadline on
 * entry (or re-arming it after an approved extension), stopping it on suspension and in a final
 * state, resuming it with the working time that was left. Each arm writes the due instant on the
 * case and ONE timer as an outbox row: the next light the stage can turn (yellow at 80 %, or red at
 * 100 % when the light is yellow already, as after a resume). The yellow timer, once it raises the
 * light, arms the red one in the same statement (`markOverdue`), so a stage done before 80 % of its
 * time — most of them — costs one timer, not two. A timer carries the version it was armed at, so
 * any re-arm or stop makes the older timers harmless.
 */
import type { CaseChanges, CaseRow } from '@urbangrid/db';
import {
  type CaseState,
  isBeyondKnownDays,
  isTerminal,
  lightThresholdInstants,
  type Stage,
  stageOf,
  type TransitionPlan,
  type Urgency,
  type WorkingCalendar,
  workingMinutesBetween,
} from '@urbangrid/domain';
import { type ReferenceData, stageCalendarCode } from '@urbangrid/reference';

export interface DeadlineTimer {
  stage: Stage;
  light: 'yellow' | 'red';
  at: Date;
  armedVersion: number;
}

export interface ClockInput {
  reference: ReferenceData;
  /** The case before the command (null for a report). */
  before: CaseRow | null;
  plan: TransitionPlan;
  city: string;
  categoryCode: string;
  urgency: Urgency;
  /** The department after the command (the handling clock runs on its calendar). */
  departmentId: string | null;
  /** The version the command gives the case. */
  newVersion: number;
  now: Date;
}

export interface ClockChange {
  columns: CaseChanges;
  timers: DeadlineTimer[];
}

/**
 * Which calendar counts a stage: the one the category names for it, else the department's own for
 * handling, else the stage's default (patrol/office).
 */
export async function stageCalendar(
  reference: ReferenceData,
  place: { city: string; categoryCode: string },
  stage: Stage,
  departmentId: string | null,
): Promise<WorkingCalendar> {
  const city = place.city;
  const category = await reference.category(place.categoryCode);
  if (category?.stageCalendars[stage] === undefined && stage === 'handle' && departmentId !== null) {
    const department = await reference.department(departmentId);
    if (department !== null) return reference.calendar(city, department.calendarCode);
  }
  return reference.calendar(city, stageCalendarCode(category, stage));
}

/** The clock columns and timers a plan's follow-ups ask for (none when the clock is untouched). */
export async function clockChanges(input: ClockInput): Promise<ClockChange> {
  const columns: CaseChanges = {};
  const timers: DeadlineTimer[] = [];
  // The clock as it stands, updated as follow-ups apply in order.
  let clock = {
    stage: input.before?.deadlineStage ?? null,
    startedAt: input.before?.deadlineStartedAt ?? null,
    limit: input.before?.deadlineLimitMinutes ?? null,
    clockFrom: input.before?.deadlineClockFrom ?? null,
    used: input.before?.deadlineUsedMinutes ?? 0,
  };
  const arm = async (stage: Stage, from: Date, used: number, limit: number | null): Promise<void> => {
    clock = { ...clock, stage, clockFrom: from, used, limit };
    Object.assign(columns, {
      deadlineStage: stage,
      deadlineStartedAt: clock.startedAt,
      deadlineLimitMinutes: limit,
      deadlineClockFrom: from,
      deadlineUsedMinutes: used,
      suspendedAt: null,
    } satisfies CaseChanges);
    if (limit === null) {
      // A category without a limit for this stage runs no clock.
      Object.assign(columns, {
        deadlineDue: null,
        deadlineArmedVersion: null,
        deadlineBeyondCalendar: false,
      } satisfies CaseChanges);
      return;
    }
    const calendar = await stageCalendar(input.reference, input, stage, input.departmentId);
    const { yellowAt, redAt } = lightThresholdInstants(calendar, from, limit, used);
    Object.assign(columns, {
      deadlineDue: redAt,
      deadlineArmedVersion: input.newVersion,
      // Counted past the calendar's known holidays: said on the case, never silently wrong.
      deadlineBeyondCalendar: isBeyondKnownDays(calendar, redAt),
    } satisfies CaseChanges);
    timers.splice(0, timers.length);
    // The light as the command leaves it: green on entering a stage or after an extension; a
    // resumed stage keeps the light it had when suspended.
    const light = input.plan.changes.set.light ?? input.before?.light ?? 'green';
    if (light === 'green')
      timers.push({ stage, light: 'yellow', at: yellowAt, armedVersion: input.newVersion });
    else if (light === 'yellow')
      timers.push({ stage, light: 'red', at: redAt, armedVersion: input.newVersion });
  };

  for (const followUp of input.plan.followUps) {
    if (followUp.kind === 'armDeadline') {
      const sameStage =
        input.plan.from !== null &&
        stageOf(input.plan.from) === followUp.stage &&
        clock.stage === followUp.stage;
      if (sameStage && clock.limit !== null && clock.clockFrom !== null) {
        // An approved extension (延期): the same stage, more working time, the clock keeps running.
        await arm(followUp.stage, clock.clockFrom, clock.used, clock.limit + grantedMinutes(input));
      } else {
        const limit = await input.reference.stageLimit(input.categoryCode, input.urgency, followUp.stage);
        clock = { ...clock, startedAt: input.now };
        await arm(followUp.stage, input.now, 0, limit);
      }
    } else if (followUp.kind === 'stopClock') {
      await stop(input, input.plan.to, clock, columns, timers);
    } else if (followUp.kind === 'resumeClock' && clock.stage !== null) {
      await arm(clock.stage, input.now, clock.used, clock.limit);
    }
  }
  const red = redAfterYellow(input);
  if (red !== null) timers.push(red);
  return { columns, timers };
}

/** The red timer of the deadline as armed, when this command is its yellow timer turning the light. */
function redAfterYellow(input: ClockInput): DeadlineTimer | null {
  const { plan, before } = input;
  if (plan.command !== 'markOverdue' || plan.changes.set.light !== 'yellow' || before === null) return null;
  const stage = before.deadlineStage;
  if (stage === null || before.deadlineDue === null || before.deadlineArmedVersion === null) return null;
  return { stage, light: 'red', at: before.deadlineDue, armedVersion: before.deadlineArmedVersion };
}

function grantedMinutes(input: ClockInput): number {
  // decideExtension increments extensionMinutes by exactly the granted working minutes.
  return input.plan.changes.increment.extensionMinutes ?? 0;
}

async function stop(
  input: ClockInput,
  to: CaseState,
  clock: { stage: Stage | null; clockFrom: Date | null; used: number },
  columns: CaseChanges,
  timers: DeadlineTimer[],
): Promise<void> {
  timers.splice(0, timers.length);
  if (isTerminal(to)) {
    Object.assign(columns, {
      deadlineStage: null,
      deadlineDue: null,
      deadlineArmedVersion: null,
      deadlineClockFrom: null,
      deadlineBeyondCalendar: false,
      suspendedAt: null,
    } satisfies CaseChanges);
    return;
  }
  // 挂账: bank the working time used so far; resuming re-arms with what is left.
  let used = clock.used;
  if (clock.stage !== null && clock.clockFrom !== null) {
    const calendar = await stageCalendar(input.reference, input, clock.stage, input.departmentId);
    used += workingMinutesBetween(calendar, clock.clockFrom, input.now);
  }
  clock.used = used;
  Object.assign(columns, {
    deadlineDue: null,
    deadlineArmedVersion: null,
    deadlineClockFrom: null,
    deadlineUsedMinutes: used,
    deadlineBeyondCalendar: false,
    suspendedAt: input.now,
  } satisfies CaseChanges);
}
