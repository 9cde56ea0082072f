import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  caseOfReporterToken,
  reporterLinkToken,
  reporterOfToken,
  reporterPageUrl,
} from './reporter-links.js';

describe("the reporter's link", () => {
  const key = randomBytes(32);

  it('names its case and no other; an altered token or another key opens nothing', () => {
    const token = reporterLinkToken(key, 'case-1');
    expect(caseOfReporterToken(key, token)).toBe('case-1');
    const [, mac] = token.split('.');
    const other = `${Buffer.from('case-2').toString('base64url')}.${mac}`;
    expect(caseOfReporterToken(key, other)).toBeNull();
    expect(caseOfReporterToken(randomBytes(32), token)).toBeNull();
    expect(caseOfReporterToken(key, `${token}x`)).toBeNull();
    expect(caseOfReporterToken(key, 'nonsense')).toBeNull();
  });

  it("an attached caller's link names that caller, and cannot be turned into another's", () => {
    const token = reporterLinkToken(key, 'case-1', 'caller-9');
    expect(reporterOfToken(key, token)).toEqual({ caseId: null, callerId: 'caller-9' });
    expect(caseOfReporterToken(key, token)).toBeNull();
    expect(reporterOfToken(key, reporterLinkToken(key, 'case-1'))).toEqual({
      caseId: 'case-1',
      callerId: null,
    });
    const [, mac] = token.split('.');
    expect(reporterOfToken(key, `${Buffer.from('caller:caller-8').toString('base64url')}.${mac}`)).toBeNull();
    // Short enough for a path parameter (fastify's 100 characters) with real ids.
    const uuid = '0192f0c2-7a1b-7cc3-9d4e-5f6a7b8c9d0e';
    expect(reporterLinkToken(key, uuid, uuid).length).toBeLessThanOrEqual(100);
  });

  it('is a URL of the public base', () => {
    expect(reporterPageUrl('https://city.example/', key, 'case-1')).toBe(
      `https://city.example/r/${reporterLinkToken(key, 'case-1')}`,
    );
  });
});
