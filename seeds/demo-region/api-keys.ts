import { createHash } from 'node:crypto';
import { type ApiKeyRow, SEEDED_AT } from './rows.js';

/** Integration keys of the demo (stored as SHA-256 hex, never in clear). */
export const demoApiKeys = {
  open311: 'open311-demo-key',
  hotline: 'hotline-demo-key',
  video: 'video-demo-key',
} as const;

export const apiKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');

const reportScopes = ['report:create', 'report:read'];

export function buildApiKeys(city: string): ApiKeyRow[] {
  const key = (id: string, name: string, plain: string, source: string): ApiKeyRow => ({
    id,
    city,
    name,
    keyHash: apiKeyHash(plain),
    scopes: reportScopes,
    source,
    createdAt: SEEDED_AT,
    revokedAt: null,
  });
  return [
    key('apikey-open311-demo', 'Open311 demo app', demoApiKeys.open311, 'public'),
    key('apikey-hotline-demo', '12345 hotline integration', demoApiKeys.hotline, 'hotline'),
    key('apikey-video-demo', 'Video analytics integration', demoApiKeys.video, 'video'),
  ];
}
