import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../support/workspace-aliases.js';

const workspace = (dir: string) => fileURLToPath(new URL(dir, import.meta.url));

/**
 * `npm run test:faults`: the fault suite alone (kept out of `npm test`, which must stay fast), once
 * against the all-in-one process and once against the split shape, and the reports read from a hot
 * standby (replica.test.ts). Each file runs its own
 * PostgreSQL, Redis and processes, so it needs no shared fixtures; the files run one after the
 * other, so each shape's figures are its own.
 */
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'faults',
    root: workspace('.'),
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
