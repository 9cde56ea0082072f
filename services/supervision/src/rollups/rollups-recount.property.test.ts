/**
 * The rollups the engine keeps in each command's transaction equal, exactly, a full recount of the
 * cases and their event logs (packages/db rollup-recount), after any sequence of commands: random
 * lifecycles through the real engine, a business clock that crosses days, refused commands mixed in.
 */
import {
  type CaseRow,
  departments,
  findCaseById,
  grids,
  officerGridsDimension,
  recountRollups,
  rollupDimensions,
  rollupMetrics,
  staffDimension,
  sumRollups,
} from '@urbangrid/db';
import { type Actor, type CaseCommand, integrationActor, systemActor, userActor } from '@urbangrid/domain';
import { applyCommand, createEngineContext, type EngineContext, reportCase } from '@urbangrid/engine';
import { dbTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect } from 'vitest';

const city = '1501';
const officers = ['officer1', 'officer2'];
const operators = ['operator1', 'operator9'];
const shiftLeads = ['shiftlead1', 'shiftlead9'];
const dispatchers = ['dispatcher1', 'dispatcher9'];
const worker = systemActor('test-worker');

const step = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant('report'), weight: 1 },
    { arbitrary: fc.constant('command'), weight: 7 },
  ),
  caseIndex: fc.nat(),
  choice: fc.nat(),
  flag: fc.boolean(),
  pick: fc.nat(),
  /** Business minutes that pass before the step: sometimes past midnight. */
  minutes: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 60, max: 900 })),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function pickOf<T>(items: readonly T[], n: number): T {
  const item = items[n % items.length];
  if (item === undefined) throw new Error('empty pool');
  return item;
}

/** A plausible next command for the case's state (sometimes one the rules refuse). */
function nextCommand(
  row: CaseRow,
  s: Step,
  departmentIds: readonly string[],
): { command: CaseCommand; actor: Actor } {
  const shiftLead = userActor(pickOf(shiftLeads, s.pick), ['shift_lead']);
  const dispatcher = userActor(pickOf(dispatchers, s.pick), ['dispatcher']);
  const handler = userActor('handler-x', ['department_handler'], row.departmentId ? [row.departmentId] : []);
  const assigned = userActor(row.assignee ?? pickOf(officers, s.pick), ['grid_officer']);
  const stage = (
    {
      reported: 'verify',
      verifying: 'verify',
      verified: 'file',
      filed: 'dispatch',
      dispatched: 'handle',
      handling: 'handle',
      suspended: 'handle',
      handled: 'check',
      reviewing: 'check',
      reviewed: 'close',
    } as const
  )[row.state as 'reported'];
  const overdue = {
    command: { type: 'markOverdue', stage: stage ?? 'verify', light: s.flag ? 'red' : 'yellow' } as const,
    actor: worker,
  };
  const cancel = { command: { type: 'cancel', reason: 'duplicate' } as const, actor: shiftLead };
  // 改派: another officer than the one holding the task, and never the reporter to check a fix.
  const others = officers.filter((o) => o !== row.assignee && o !== row.reporterUsername);
  const reassign = others.map((assignee) => ({
    command: { type: 'reassign', assignee } as const,
    actor: shiftLead,
  }));
  const options: Array<{ command: CaseCommand; actor: Actor }> = (() => {
    switch (row.state) {
      case 'reported':
        return [
          { command: { type: 'assignVerification', assignee: pickOf(officers, s.pick) }, actor: worker },
          { command: { type: 'reject', reason: 'not real' }, actor: shiftLead },
          overdue,
          ...reassign,
        ];
      case 'verifying':
        return [
          { command: { type: 'verify', found: s.flag || s.pick % 5 > 0 }, actor: assigned },
          overdue,
          ...reassign,
        ];
      case 'verified':
        return [{ command: { type: 'file' }, actor: shiftLead }, overdue, cancel];
      case 'filed':
        return [
          { command: { type: 'dispatch', departmentId: pickOf(departmentIds, s.pick) }, actor: dispatcher },
          overdue,
          cancel,
        ];
      case 'dispatched':
        return [
          { command: { type: 'accept' }, actor: handler },
          { command: { type: 'return', reason: 'not ours' }, actor: handler },
          overdue,
        ];
      case 'handling':
        return [
          { command: { type: 'complete' }, actor: handler },
          { command: { type: 'requestExtension', workMinutes: 60, reason: 'parts' }, actor: handler },
          { command: { type: 'decideExtension', approve: s.flag }, actor: dispatcher },
          { command: { type: 'requestSuspension', reason: 'winter' }, actor: handler },
          { command: { type: 'decideSuspension', approve: s.flag }, actor: dispatcher },
          { command: { type: 'return', reason: 'not ours' }, actor: handler },
          overdue,
          cancel,
        ];
      case 'suspended':
        return [{ command: { type: 'resume' }, actor: handler }];
      case 'handled':
        return [
          { command: { type: 'startReview', assignee: pickOf(officers, s.pick) }, actor: worker },
          ...reassign,
        ];
      case 'reviewing':
        return [
          { command: { type: 'check', fixed: s.flag || s.pick % 3 > 0 }, actor: assigned },
          overdue,
          ...reassign,
        ];
      case 'reviewed':
        return [{ command: { type: 'close' }, actor: shiftLead }, overdue];
      default:
        return [{ command: { type: 'close' }, actor: shiftLead }];
    }
  })();
  // Mostly the step forward (listed first), so lifecycles get far before a side path ends them.
  return s.choice % 3 === 0 ? pickOf(options, Math.floor(s.choice / 3)) : pickOf(options, 0);
}

describe('report rollups', () => {
  dbTest(
    'equal a full recount of cases and events after random lifecycles',
    async ({ database }) => {
      const { db } = database;
      const gridRows = await db.select().from(grids).where(eq(grids.city, city)).limit(3);
      const departmentIds = (await db.select().from(departments).where(eq(departments.city, city)))
        .slice(0, 2)
        .map((d) => d.id);
      let clock = new Date('2026-03-02T08:30:00+08:00');
      const engine: EngineContext = createEngineContext({ db, now: () => clock });
      const caseIds: string[] = [];

      async function run(s: Step): Promise<void> {
        clock = new Date(clock.getTime() + s.minutes * 60_000);
        if (s.kind === 'report' || caseIds.length === 0) {
          const grid = pickOf(gridRows, s.pick);
          const source = pickOf(['officer', 'hotline', 'public', 'app'] as const, s.choice);
          const actor =
            source === 'officer'
              ? userActor(pickOf(officers, s.pick), ['grid_officer'])
              : source === 'public'
                ? integrationActor('open311')
                : userActor(pickOf(operators, s.pick), ['intake_operator']);
          const created = await reportCase(engine, {
            actor,
            source,
            categoryCode: s.pick % 2 === 0 ? 'C0101' : 'C0103',
            description: 'random lifecycle',
            location: { lat: (grid.minLat + grid.maxLat) / 2, lng: (grid.minLng + grid.maxLng) / 2 },
            gridCode: grid.code,
            selfHandled: source === 'officer' && s.flag && s.choice % 3 === 0,
          });
          caseIds.push(created.case.id);
          return;
        }
        // Mostly the latest cases, so lifecycles get far.
        const row = await findCaseById(
          db,
          caseIds[caseIds.length - 1 - (s.caseIndex % Math.min(4, caseIds.length))] ?? '',
        );
        if (row === null) throw new Error('case vanished');
        const { command, actor } = nextCommand(row, s, departmentIds);
        await applyCommand(engine, { caseId: row.id, command, actor }).catch((error: unknown) => {
          // Refusals are part of the game; anything else is a bug.
          if (!(error instanceof Error && 'code' in error)) throw error;
        });
      }

      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 120 }), async (steps) => {
          for (const s of steps) await run(s);
          // A tail that always steps forward, so every run closes at least one case.
          await run({ kind: 'report', caseIndex: 0, choice: 0, flag: false, pick: 0, minutes: 5 });
          for (let i = 0; i < 12; i += 1) {
            await run({ kind: 'command', caseIndex: 0, choice: 1, flag: true, pick: 1, minutes: 5 });
          }
          const range = { city, fromDay: '2026-01-01', toDay: '2030-12-31' };
          const recount = await recountRollups(db, range);
          for (const dimension of [...rollupDimensions, staffDimension, officerGridsDimension] as const) {
            const kept = await sumRollups(db, { ...range, dimension });
            const recounted = new Map<string, Record<string, number>>();
            for (const row of recount.filter((r) => r.dimension === dimension)) {
              const total = recounted.get(row.key) ?? Object.fromEntries(rollupMetrics.map((m) => [m, 0]));
              for (const metric of rollupMetrics) total[metric] = (total[metric] ?? 0) + row[metric];
              recounted.set(row.key, total);
            }
            const keptByKey = Object.fromEntries(kept.map(({ key, ...counts }) => [key, counts]));
            expect(keptByKey, `dimension ${dimension}`).toEqual(Object.fromEntries(recounted));
          }
        }),
        { numRuns: 12 },
      );
      // The runs did reach the end of the loop.
      const recount = await recountRollups(db, { city, fromDay: '2026-01-01', toDay: '2030-12-31' });
      const total = (metric: (typeof rollupMetrics)[number]) =>
        recount.filter((r) => r.dimension === 'district').reduce((sum, r) => sum + r[metric], 0);
      expect(total('closed')).toBeGreaterThan(0);
    },
    240_000,
  );
});
