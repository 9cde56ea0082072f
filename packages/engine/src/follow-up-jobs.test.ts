import type { CaseRow } from '@urbangrid/db';
import { assignTask, notify, suggestDepartment } from '@urbangrid/domain';
import { describe, expect, it } from 'vitest';
import { outboxRowsFor } from './follow-up-jobs.js';

// The columns the follow-ups read of the case after the command.
const after = { id: 'case-1', city: '1501', version: 4, departmentId: 'dept-1' } as CaseRow;
const context = { after, eventId: 'event-1', departmentBefore: null };
const timer = {
  stage: 'handle',
  light: 'yellow',
  at: new Date('2026-03-02T08:00:00Z'),
  armedVersion: 4,
} as const;

describe('one job per transition', () => {
  it("a task or a suggestion carries the transition's notices, each under the id its own job had", () => {
    const rows = outboxRowsFor(
      [assignTask('verification'), notify('intake_operator', 'case.reported')],
      [],
      context,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      queue: 'task',
      jobId: 'event-1-0',
      payload: {
        task: 'verification',
        notices: [
          { id: 'event-1-1', audience: 'intake_operator', event: 'case.reported', departmentId: null },
        ],
      },
    });
    const filed = outboxRowsFor([suggestDepartment, notify('dispatcher', 'case.filed')], [], context);
    expect(filed.map((row) => [row.queue, row.jobId])).toEqual([['dispatchSuggestion', 'event-1-0']]);
    expect(filed[0]?.payload).toMatchObject({ notices: [{ id: 'event-1-1', event: 'case.filed' }] });
  });

  it('notices alone are one notice job; the deadline keeps its own timer', () => {
    const rows = outboxRowsFor(
      [notify('department', 'deadline.overdue'), notify('supervisor', 'deadline.overdue')],
      [timer],
      context,
    );
    expect(rows.map((row) => [row.queue, row.jobId])).toEqual([
      ['notice', 'event-1-0'],
      ['deadline', 'deadline-case-1-handle-v4-yellow'],
    ]);
    expect(rows[0]?.payload).toMatchObject({
      audience: 'department',
      departmentId: 'dept-1',
      notices: [{ id: 'event-1-1', audience: 'supervisor', departmentId: null }],
    });
    // A single notice travels as before, with nothing carried.
    const [single] = outboxRowsFor([notify('shift_lead', 'case.verified')], [], context);
    expect(single?.payload).not.toHaveProperty('notices');
  });
});
