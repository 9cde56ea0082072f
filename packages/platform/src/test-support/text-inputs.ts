/**
 * Where a route takes text, read from its declared zod schemas: each path parameter, and each
 * string (or enum/literal text) field of its query string and JSON body, at any depth. Tests use it
 * to send bad text to every text input of the app's whole route table, so a route added later is
 * covered without editing a list.
 *
 *   for (const route of app.registeredRoutes)
 *     for (const input of textInputsOf(route)) await app.inject(requestWithText(route, input, '\u0001'));
 */
import { z } from 'zod';
import type { RouteSummary } from '../app.js';

export interface TextInput {
  in: 'params' | 'querystring' | 'body';
  /** Field names (array items as '0'); a path parameter is one name. */
  path: string[];
}

const paramPattern = /:([A-Za-z0-9_]+)/g;

function isZodSchema(value: unknown): value is z.core.$ZodTypes {
  return value instanceof z.core.$ZodType;
}

/** Every path to a text leaf of `schema` (as a client would send it, before any transform). */
export function textPathsOf(schema: unknown, path: string[] = [], seen = new Set<unknown>()): string[][] {
  if (!isZodSchema(schema) || seen.has(schema)) return [];
  const def = schema._zod.def;
  const walk = (inner: unknown, at = path) => textPathsOf(inner, at, new Set([...seen, schema]));
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'template_literal':
      return [path];
    case 'literal':
      return def.values.some((v) => typeof v === 'string') ? [path] : [];
    case 'object':
      return Object.entries(def.shape).flatMap(([key, inner]) => walk(inner, [...path, key]));
    case 'array':
      return walk(def.element, [...path, '0']);
    case 'tuple':
      return def.items.flatMap((inner, i) => walk(inner, [...path, String(i)]));
    case 'record':
      return walk(def.valueType, [...path, 'key']);
    case 'union':
      return dedupe(def.options.flatMap((inner) => walk(inner)));
    case 'intersection':
      return dedupe([...walk(def.left), ...walk(def.right)]);
    case 'optional':
    case 'nullable':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return walk(def.innerType);
    case 'lazy':
      return walk(def.getter());
    case 'pipe':
      // z.preprocess(fn, schema) is a pipe from a transform: the client's input is the schema's.
      return isZodSchema(def.in) && def.in._zod.def.type === 'transform' ? walk(def.out) : walk(def.in);
    default:
      return [];
  }
}

function dedupe(paths: string[][]): string[][] {
  const byKey = new Map(paths.map((p) => [p.join('.'), p]));
  return [...byKey.values()];
}

/** The text inputs of a route: path parameters, query string fields and JSON body fields. */
export function textInputsOf(route: RouteSummary): TextInput[] {
  const params = [...route.url.matchAll(paramPattern)].map((m) => ({
    in: 'params' as const,
    path: [m[1] ?? ''],
  }));
  const query = textPathsOf(route.schema.querystring).map((path) => ({ in: 'querystring' as const, path }));
  const body = textPathsOf(route.schema.body).map((path) => ({ in: 'body' as const, path }));
  return [...params, ...query, ...body];
}

function nest(path: string[], leaf: string): unknown {
  return path.reduceRight<unknown>((inner, key) => (/^\d+$/.test(key) ? [inner] : { [key]: inner }), leaf);
}

/**
 * A request to `route` carrying `text` in `input` and harmless values elsewhere: other path
 * parameters 'x', the body only that one field. URL parts are percent-encoded, so `text` there
 * must be well-formed UTF-16 (control characters are; a lone surrogate only fits a JSON body).
 */
export function requestWithText(
  route: RouteSummary,
  input: TextInput,
  text: string,
): { method: RouteSummary['method']; url: string; payload?: string; headers?: Record<string, string> } {
  const path = route.url.replace(paramPattern, (_m, name: string) =>
    input.in === 'params' && input.path[0] === name ? encodeURIComponent(text) : 'x',
  );
  if (input.in === 'querystring') {
    // A nested query field is sent as its top-level name: query strings here are flat.
    return {
      method: route.method,
      url: `${path}?${encodeURIComponent(input.path[0] ?? 'q')}=${encodeURIComponent(text)}`,
    };
  }
  if (input.in === 'body') {
    return {
      method: route.method,
      url: path,
      payload: JSON.stringify(nest(input.path, text)),
      headers: { 'content-type': 'application/json' },
    };
  }
  return { method: route.method, url: path };
}
