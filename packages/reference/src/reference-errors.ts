/**
 * Reference data a request or a command needs and the database does not hold: a city, a calendar,
 * a time zone. Always an error, never a fallback (Asia/Shanghai, a demo calendar), because a
 * deadline counted on another city's hours would be silently wrong.
 */
export class MissingReferenceError extends Error {
  override readonly name = 'MissingReferenceError';
  /**
   * The stable code the HTTP layer answers with (packages/platform's catalogue): the request is
   * fine, the city's set-up is incomplete until an admin adds what is missing.
   */
  readonly code = 'CONFLICT';
}
