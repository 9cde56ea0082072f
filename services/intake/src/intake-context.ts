/**
 * What every intake route and service function needs, built once when the service is mounted:
 * the engine, the grid layer (point → grid), photo storage and the tunable rules.
 */
import type { Db } from '@urbangrid/db';
import type { EngineContext } from '@urbangrid/engine';
import type { ReferenceData } from '@urbangrid/reference';
import type { MediaStorage } from './media/media-storage.js';

export interface IntakeSettings {
  media: {
    /** Largest photo accepted, in bytes. */
    maxBytes: number;
  };
  photoChecks: {
    /** A photo whose EXIF GPS lies further than this from the reported point is flagged. */
    maxDistanceMetres: number;
    /** A photo taken longer than this before the report is flagged. */
    maxAgeMinutes: number;
  };
  duplicates: {
    /** Open cases of the same category within this distance … */
    radiusMetres: number;
    /** … reported within this many hours are possible duplicates. */
    windowHours: number;
    /** At most this many are suggested. */
    limit: number;
  };
  open311: {
    /** The jurisdiction (city code) Open311 reads use when a client names none. */
    defaultJurisdiction: string;
  };
  cameraBursts: {
    /**
     * A camera's detection of the same category at the same place within this many minutes of the
     * burst's last one joins its case (a count and the latest photo) instead of opening another.
     */
    windowMinutes: number;
  };
}

export const defaultIntakeSettings: IntakeSettings = {
  media: { maxBytes: 10 * 1024 * 1024 },
  photoChecks: { maxDistanceMetres: 200, maxAgeMinutes: 24 * 60 },
  duplicates: { radiusMetres: 50, windowHours: 72, limit: 10 },
  open311: { defaultJurisdiction: '1501' },
  cameraBursts: { windowMinutes: 10 },
};

/** Settings with only the parts a caller wants to change. */
export type IntakeSettingsOverride = { [K in keyof IntakeSettings]?: Partial<IntakeSettings[K]> };

export function intakeSettings(override: IntakeSettingsOverride = {}): IntakeSettings {
  return {
    media: { ...defaultIntakeSettings.media, ...override.media },
    photoChecks: { ...defaultIntakeSettings.photoChecks, ...override.photoChecks },
    duplicates: { ...defaultIntakeSettings.duplicates, ...override.duplicates },
    open311: { ...defaultIntakeSettings.open311, ...override.open311 },
    cameraBursts: { ...defaultIntakeSettings.cameraBursts, ...override.cameraBursts },
  };
}

export interface IntakeContext {
  readonly db: Db;
  readonly engine: EngineContext;
  readonly reference: ReferenceData;
  readonly storage: MediaStorage;
  readonly settings: IntakeSettings;
  /** Decrypts and encrypts reporters' phones (config.phoneEncryptionKey). */
  readonly phoneKey: Buffer;
}
