import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caseOfReporterToken, reporterLinkToken, reporterPageUrl } from './reporter-links.js';

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

  it('is a URL of the public base', () => {
    expect(reporterPageUrl('https://city.example/', key, 'case-1')).toBe(
      `https://city.example/r/${reporterLinkToken(key, 'case-1')}`,
    );
  });
});
