/**
 * The intake service over a test file's own database and Redis prefix, with the engine's business
 * clock in the test's hands and photos in a temporary directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngineContext } from '@urbangrid/engine';
import type { App, RateLimitSettings } from '@urbangrid/platform';
import { buildTestApp, type TestInfrastructure } from '@urbangrid/platform/test-support';
import { intakeService } from '../index.js';
import type { IntakeSettingsOverride } from '../intake-context.js';

export interface IntakeTestApp {
  app: App;
  /** Moves the engine's clock (reports are stamped with it). */
  setNow(at: Date): void;
  /** Where the app keeps photo bytes (MEDIA_DIR). */
  mediaDir: string;
  close(): Promise<void>;
}

export async function buildIntakeTestApp(
  infra: TestInfrastructure,
  options: { settings?: IntakeSettingsOverride; rateLimits?: Partial<RateLimitSettings> } = {},
): Promise<IntakeTestApp> {
  let now: Date | undefined;
  const engine = createEngineContext({ db: infra.database.db, now: () => now ?? new Date() });
  const mediaDir = await mkdtemp(path.join(tmpdir(), 'urbangrid-intake-'));
  const app = await buildTestApp(infra, {
    live: false,
    services: [intakeService({ engine, settings: options.settings })],
    env: { MEDIA_DIR: mediaDir },
    rateLimits: options.rateLimits,
  });
  await app.ready();
  return {
    app,
    mediaDir,
    setNow(at) {
      now = at;
    },
    async close() {
      await app.close();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}

/** A point inside a grid of Hohhot's Xincheng district, and others around it. */
export const insideHohhot = { lat: 40.83, lng: 111.67 };
/** Beijing: outside every demo grid. */
export const outsideEveryGrid = { lat: 39.9, lng: 116.4 };

/** A point `metres` north of `from` (1° of latitude ≈ 111,195 m). */
export function northOf(from: { lat: number; lng: number }, metres: number) {
  return { lat: from.lat + metres / 111_195, lng: from.lng };
}
