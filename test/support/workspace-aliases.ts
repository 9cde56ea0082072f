import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The workspace packages as their TypeScript sources, for every vitest config: tests never run a
 * stale dist/.
 */
export const workspaceAliases = [
  {
    find: /^@urbangrid\/(domain|geo|db|redis|live|reference|engine|platform)$/,
    replacement: root('packages/$1/src/index.ts'),
  },
  {
    find: /^@urbangrid\/(intake|dispatch|handling|supervision|app|simulator)$/,
    replacement: root('services/$1/src/index.ts'),
  },
  {
    find: /^@urbangrid\/domain\/case-names$/,
    replacement: root('packages/domain/src/lifecycle/case-names.ts'),
  },
  { find: /^@urbangrid\/seeds$/, replacement: root('seeds/seed.ts') },
  { find: /^@urbangrid\/test-support$/, replacement: root('test/support/fixtures.ts') },
  {
    find: /^@urbangrid\/test-support\/environment$/,
    replacement: root('test/support/environment.ts'),
  },
  {
    find: /^@urbangrid\/test-support\/two-processes$/,
    replacement: root('test/support/two-processes.ts'),
  },
  {
    find: /^@urbangrid\/test-support\/connection-overlaps$/,
    replacement: root('test/support/connection-overlaps.ts'),
  },
];
