import { describe, expect, it } from 'vitest';
import { reporterUpdateEventOf, reporterUpdateMessage } from './reporter-updates.js';

const plan = (command: string, to: string) =>
  ({ command, to, changes: { set: {}, increment: {} } }) as Parameters<typeof reporterUpdateEventOf>[0];

describe('reporter updates', () => {
  it('tells the reporter of filing, dispatch and closing only', () => {
    expect(reporterUpdateEventOf(plan('file', 'filed'))).toBe('case.filed');
    expect(reporterUpdateEventOf(plan('dispatch', 'dispatched'))).toBe('case.dispatched');
    expect(reporterUpdateEventOf(plan('close', 'closed'))).toBe('case.closed');
    for (const [command, to] of [
      ['report', 'verifying'],
      ['verify', 'verified'],
      ['accept', 'handling'],
      ['complete', 'handled'],
      ['return', 'filed'],
      ['cancel', 'cancelled'],
    ] as const) {
      expect(reporterUpdateEventOf(plan(command, to))).toBeNull();
    }
  });

  it('writes in the language asked, with the case number and the link; the close asks for satisfaction', () => {
    const facts = { caseNo: '1501-20260302-0001', pageUrl: 'https://city.example/r/abc.def' };
    const zh = reporterUpdateMessage('case.filed', 'zh-CN', facts);
    expect(zh.subject).toBe('您反映的问题已立案 (1501-20260302-0001)');
    expect(zh.sms).toContain('案件编号 1501-20260302-0001');
    expect(zh.sms).toContain(facts.pageUrl);
    expect(zh.text).not.toContain('满意');
    const en = reporterUpdateMessage('case.closed', 'en', facts);
    expect(en.text).toContain(
      'Are you satisfied with the outcome? Tell us here: https://city.example/r/abc.def',
    );
    expect(en.sms).toContain('Are you satisfied');
    expect(reporterUpdateMessage('case.closed', 'zh-CN', facts).text).toContain('您对处理结果是否满意');
  });
});
