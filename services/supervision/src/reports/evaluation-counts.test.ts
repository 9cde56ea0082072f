import { type RollupCounts, zeroRollupCounts } from '@urbangrid/db';
import { defaultEvaluationConfig } from '@urbangrid/domain';
import { describe, expect, it } from 'vitest';
import { departmentCounts, officerCounts, shiftLeadCounts } from './evaluation-counts.js';
import { evaluate } from './evaluation-report.js';

const counts = (values: Partial<RollupCounts>): RollupCounts => ({ ...zeroRollupCounts(), ...values });

describe('evaluation from rollups (hand-computed)', () => {
  it('scores a department: 10 dispatched, 1 returned, 1 rework, 9 handled (8 on time), 1 still late', () => {
    const input = departmentCounts(
      counts({
        dispatched: 10,
        returns: 1,
        reworks: 1,
        handled: 9,
        handledOnTime: 8,
        handlingOverdue: 2,
        extensions: 1,
      }),
    );
    // due to handle = 10 − 1 + 1 = 10; overdue pending = 2 red − 1 handled late = 1.
    expect(input).toMatchObject({ dueToHandle: 10, dueToClose: 9, overduePending: 1 });
    const [row] = evaluate('department', [{ key: 'd', name: 'D', counts: input }], defaultEvaluationConfig);
    expect(row?.indicators).toEqual({
      handlingRate: 0.9,
      onTimeHandlingRate: 0.8,
      reworkRate: 1 / 9,
      overduePendingRate: 0.1,
      extensionRate: 0.1,
    });
    // 30·0.9 + 20·0.8 + 20·(8/9) + 20·0.9 + 10·0.9 = 87.78 → B
    expect(row).toMatchObject({ score: 87.78, grade: 'B', rank: 1 });
  });

  it('scores an officer from their own counts and their grids', () => {
    const input = officerCounts(
      counts({
        received: 10,
        filed: 8,
        verifications: 4,
        verificationsOnTime: 3,
        checks: 5,
        checksOnTime: 5,
      }),
      counts({ filed: 20, publicFiled: 4 }),
    );
    const [row] = evaluate('officer', [{ key: 'o', name: 'O', counts: input }], defaultEvaluationConfig);
    expect(row?.indicators).toEqual({
      validReportRate: 0.8,
      onTimeVerificationRate: 0.75,
      onTimeCheckRate: 1,
      missedReportRate: 0.2,
    });
    // 40·0.8 + 20·0.8 + 20·0.75 + 20·1 = 83
    expect(row).toMatchObject({ score: 83, grade: 'B' });
  });

  it('ranks ties together and skips the next rank; nothing to score is unranked', () => {
    const lead = (filed: number, cancelled: number) =>
      shiftLeadCounts(
        counts({ filed, filedOnTime: filed, filedThenCancelled: cancelled, closed: 1, closingsOnTime: 1 }),
      );
    const rows = evaluate(
      'shift_lead',
      [
        { key: 'a', name: 'A', counts: lead(4, 1) },
        { key: 'b', name: 'B', counts: lead(10, 0) },
        { key: 'c', name: 'C', counts: lead(8, 2) },
        { key: 'd', name: 'D', counts: shiftLeadCounts(zeroRollupCounts()) },
      ],
      defaultEvaluationConfig,
    );
    expect(rows.map((row) => [row.key, row.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', null],
    ]);
    expect(rows[3]).toMatchObject({ score: null, grade: null });
  });
});
