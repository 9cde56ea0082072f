/**
 * Why the engine refused a command. Each code is a stable name services map to HTTP (api.md):
 * NOT_FOUND and OUTSIDE_GRID → 404, VERSION_CONFLICT, TRANSITION_NOT_ALLOWED and
 * IDEMPOTENCY_KEY_REUSED → 409, FORBIDDEN → 403, VALIDATION_FAILED → 400.
 */
export const engineErrorCodes = [
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'TRANSITION_NOT_ALLOWED',
  'FORBIDDEN',
  'VALIDATION_FAILED',
  'OUTSIDE_GRID',
  'IDEMPOTENCY_KEY_REUSED',
] as const;

export type EngineErrorCode = (typeof engineErrorCodes)[number];

export class EngineError extends Error {
  override readonly name: string = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class CaseNotFoundError extends EngineError {
  override readonly name = 'CaseNotFoundError';
  constructor(readonly caseId: string) {
    super('NOT_FOUND', `case ${caseId} not found`);
  }
}

/** A lost race or a stale `expectedVersion`: the client re-reads and decides again (409). */
export class VersionConflictError extends EngineError {
  override readonly name = 'VersionConflictError';
  constructor(
    readonly caseId: string,
    readonly currentVersion: number,
    expected: number,
  ) {
    super('VERSION_CONFLICT', `case ${caseId} is at version ${currentVersion}, not ${expected}`);
  }
}

/** The lifecycle rules (packages/domain) refused: wrong state, wrong person, malformed command. */
export class CommandRefusedError extends EngineError {
  override readonly name = 'CommandRefusedError';
}

export class OutsideGridError extends EngineError {
  override readonly name = 'OutsideGridError';
  constructor(lat: number, lng: number) {
    super('OUTSIDE_GRID', `(${lat}, ${lng}) lies outside every unit grid`);
  }
}

/** The same Idempotency-Key came with a different request body. */
export class IdempotencyKeyReusedError extends EngineError {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(key: string) {
    super('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key '${key}' was used before with a different request`);
  }
}

export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}
