import { describe, expect, it } from 'vitest';
import { webhookEventOf } from './webhook-events.js';

const plan = (command: string, to: string, set = {}, increment = {}) =>
  ({ command, to, changes: { set, increment } }) as Parameters<typeof webhookEventOf>[0];

describe('webhook events', () => {
  it('names a step by its command and where it led', () => {
    expect(webhookEventOf(plan('dispatch', 'dispatched'))).toBe('case.dispatched');
    expect(webhookEventOf(plan('verify', 'rejected'))).toBe('case.rejected');
    expect(webhookEventOf(plan('verify', 'verified'))).toBe('case.verified');
    expect(webhookEventOf(plan('check', 'handling'))).toBe('case.reworked');
    expect(webhookEventOf(plan('close', 'closed'))).toBe('case.closed');
  });

  it('says nothing of bookkeeping, refusals or a repeated timer', () => {
    expect(webhookEventOf(plan('assignVerification', 'verifying'))).toBeNull();
    expect(webhookEventOf(plan('requestExtension', 'handling'))).toBeNull();
    expect(webhookEventOf(plan('decideExtension', 'handling', { pendingRequest: null }))).toBeNull();
    expect(webhookEventOf(plan('decideSuspension', 'handling'))).toBeNull();
    expect(webhookEventOf(plan('markOverdue', 'handling', { light: 'yellow' }))).toBeNull();
    expect(webhookEventOf(plan('markOverdue', 'handling'))).toBeNull();
    expect(webhookEventOf(plan('markOverdue', 'handling', { light: 'red' }))).toBe('case.overdue');
    expect(webhookEventOf(plan('decideExtension', 'handling', {}, { extensionCount: 1 }))).toBe(
      'case.extended',
    );
  });
});
