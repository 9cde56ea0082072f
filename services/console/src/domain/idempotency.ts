/**
 * One key per report the user means to send: a retried submit (double Enter, a dropped answer)
 * sends the same key, so the server makes one case of it (api.md `Idempotency-Key`).
 * `crypto.randomUUID` exists only on secure origins; a console served over plain http on the
 * LAN has only `getRandomValues`, which is enough for a random version-4 UUID.
 */
export function newIdempotencyKey(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
