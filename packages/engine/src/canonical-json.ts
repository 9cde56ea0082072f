/**
 * A canonical JSON text: object keys sorted at every depth, no whitespace, `undefined` members
 * dropped, dates as ISO strings. The same value always gives the same bytes, whatever order its
 * keys were built or stored in (jsonb reorders keys), which is what hashing needs.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function normalise(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot hash the number ${value}`);
      return value;
    case 'object': {
      const out: { [key: string]: Json } = {};
      for (const key of Object.keys(value).sort()) {
        const member = (value as Record<string, unknown>)[key];
        if (member !== undefined) out[key] = normalise(member);
      }
      return out;
    }
    default:
      throw new TypeError(`cannot hash a ${typeof value}`);
  }
}
