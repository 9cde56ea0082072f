import { describe, expect, it } from 'vitest';
import {
  type CaseChangedMessage,
  encodeLiveMessage,
  liveChannel,
  type NoticeMessage,
  parseLiveEvent,
  parseLiveMessage,
  toLiveEvent,
} from './live-messages.js';

const change: CaseChangedMessage = {
  type: 'case.changed',
  caseId: 'c1',
  caseNo: '1501022607010001',
  state: 'filed',
  version: 3,
  at: '2026-07-01T08:00:00.000Z',
  city: '1501',
  gridCode: '150102001001001',
  districtCode: '150102',
  departmentId: null,
  assignee: 'officer1',
};

const notice: NoticeMessage = {
  type: 'notice',
  id: 'n1',
  caseId: 'c1',
  caseNo: '1501022607010001',
  audience: 'assignee',
  event: 'task.verification',
  urgent: false,
  at: '2026-07-01T08:00:00+08:00',
  recipients: ['officer1'],
};

describe('the live channel contract', () => {
  it('names one channel per prefix', () => {
    expect(liveChannel('urbangrid')).toBe('urbangrid:live');
  });

  it('reads back what it encodes, and nothing else', () => {
    expect(parseLiveMessage(encodeLiveMessage(change))).toEqual(change);
    expect(parseLiveMessage(encodeLiveMessage(notice))).toEqual(notice);
    expect(parseLiveMessage('not json')).toBeNull();
    expect(parseLiveMessage(JSON.stringify({ type: 'case.changed', caseId: 1 }))).toBeNull();
    expect(parseLiveMessage(JSON.stringify({ ...notice, type: 'other' }))).toBeNull();
  });

  it('refuses to publish an invalid message', () => {
    expect(() => encodeLiveMessage({ ...change, version: 0 })).toThrow();
    expect(() => encodeLiveMessage({ ...notice, at: 'yesterday' })).toThrow();
  });

  it('gives clients the event without who it was addressed to', () => {
    expect(toLiveEvent(change)).toEqual({
      type: 'case.changed',
      caseId: 'c1',
      caseNo: '1501022607010001',
      state: 'filed',
      version: 3,
      at: '2026-07-01T08:00:00.000Z',
    });
    const event = toLiveEvent(notice);
    expect(event).not.toHaveProperty('recipients');
    expect(event).toMatchObject({ type: 'notice', id: 'n1', event: 'task.verification' });
  });

  it('lets a client read an event and drop anything more it carries', () => {
    expect(parseLiveEvent(JSON.stringify(change))).toEqual(toLiveEvent(change));
    expect(parseLiveEvent(JSON.stringify(notice))).not.toHaveProperty('recipients');
    expect(parseLiveEvent({ type: 'notice' })).toBeNull();
  });
});
