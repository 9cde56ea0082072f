import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, ensureTemplateDatabase, runMigrations } from '@urbangrid/db';
import type { TestProject } from 'vitest/node';
import { testEnvironment } from './environment.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Fingerprint of everything that shapes the template: migrations, seeds with the admin functions
 * they call, and the public-holiday loader with the package release it loads from.
 */
function fingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith('.test.ts')) hash.update(name).update(readFileSync(full));
    }
  };
  walk(path.join(root, 'migrations'));
  walk(path.join(root, 'seeds'));
  // The seed makes its cities, areas and keys through the admin's functions.
  walk(path.join(root, 'packages/platform/src/admin'));
  walk(path.join(root, 'packages/reference/src'));
  hash.update(readFileSync(path.join(root, 'node_modules/chinese-days/package.json')));
  return hash.digest('hex').slice(0, 12);
}

async function seedTemplate(url: string): Promise<void> {
  // As the owner; the app's role (urbangrid_app, global to the server) gets its login, and every
  // clone the grants of the migrations.
  await runMigrations(url, { appUrl: testEnvironment.appUrl(url) });
  // The seed module arrives with the seeds; until then the template is migrated only.
  const seedModule = path.join(root, 'seeds/seed.ts');
  try {
    statSync(seedModule);
  } catch {
    return;
  }
  const { seedDemoRegion } = (await import(seedModule)) as {
    seedDemoRegion: (db: unknown, options: { demoPassword: string }) => Promise<unknown>;
  };
  const database = createDatabase(url, { max: 2 });
  try {
    await seedDemoRegion(database.db, { demoPassword: testEnvironment.demoPassword });
  } finally {
    await database.close();
  }
}

/** Builds (once per fingerprint) the migrated and seeded template every test file clones. */
export default async function setup(project: TestProject): Promise<void> {
  const name = `urbangrid_tpl_${fingerprint()}`;
  await ensureTemplateDatabase(testEnvironment.adminUrl, name, seedTemplate);
  project.provide('templateDatabase', name);
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
