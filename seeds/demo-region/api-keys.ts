import type { ApiKeySource, NewApiKey } from '@urbangrid/platform';
import { SEEDED_AT } from './rows.js';

/** Integration keys of the demo (api.md); the seed stores them as SHA-256, never in clear. */
export const demoApiKeys = {
  open311: 'open311-demo-key',
  hotline: 'hotline-demo-key',
  video: 'video-demo-key',
} as const;

/** A demo key as the admin API creates one, with its documented secret and id. */
export type DemoApiKey = NewApiKey & { fixed: { id: string; key: string; createdAt: Date } };

export function buildApiKeys(city: string): DemoApiKey[] {
  const key = (id: string, name: string, secret: string, source: ApiKeySource, rate: number): DemoApiKey => ({
    city,
    name,
    source,
    scopes: ['report:create', 'report:read'],
    rateLimitPerMinute: rate,
    fixed: { id, key: secret, createdAt: SEEDED_AT },
  });
  return [
    key('apikey-open311-demo', 'Open311 demo app', demoApiKeys.open311, 'public', 60),
    key('apikey-hotline-demo', '12345 hotline integration', demoApiKeys.hotline, 'hotline', 120),
    // A video-analytics feed reports in bursts.
    key('apikey-video-demo', 'Video analytics integration', demoApiKeys.video, 'video', 600),
  ];
}
