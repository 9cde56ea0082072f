/**
 * Fuzzing every route an app has registered (fast-check): random path parameters, query strings,
 * JSON (valid, near-valid and malformed) and other content types, with and without credentials.
 * No input may produce a 5xx (api.md); errors under /api must be problem+json.
 *
 *   await fuzzRoutes(app, { token });
 */
import fc from 'fast-check';
import type { App, RouteSummary } from '../app.js';

export interface FuzzOptions {
  /** An access token used for some of the requests. */
  token?: string;
  /** An API key used for some of the requests. */
  apiKey?: string;
  /** Requests per route (default 40). */
  runs?: number;
  /** Which routes to fuzz (default: every route but the docs UI and WebSockets). */
  include?: (route: RouteSummary) => boolean;
  /** Which answers must be problem+json (default: routes under /api). */
  expectProblemJson?: (route: RouteSummary) => boolean;
  seed?: number;
}

// Field names of api.md, so random bodies often get past the first layer of validation.
const fieldNames = [
  'username',
  'password',
  'refreshToken',
  'source',
  'categoryCode',
  'description',
  'location',
  'lat',
  'lng',
  'address',
  'reporter',
  'name',
  'phone',
  'mediaIds',
  'urgency',
  'selfHandled',
  'expectedVersion',
  'found',
  'fixed',
  'note',
  'reason',
  'departmentId',
  'approve',
  'workMinutes',
  'start',
  'calendar',
  'state',
  'page',
  'pageSize',
] as const;

const oddStrings = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '..',
  '%',
  '%00',
  '\u0000',
  // What the text guard refuses: controls and unpaired surrogates; and what it lets through.
  '\u0001',
  '\u001b[2J',
  '\u007f',
  '\u0085',
  '\ud800',
  'a\udfffb',
  'tab\tline\r\nbreak',
  '😀',
  '呼和浩特',
  "' or 1=1 --",
  'x'.repeat(5000),
  '2026-02-30T25:61:00Z',
);

const text = fc.oneof(fc.string({ maxLength: 40 }), oddStrings);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const location = fc.record({ lat: fc.oneof(fc.double(), scalar), lng: fc.oneof(fc.double(), scalar) });
const nearValid = fc.dictionary(
  fc.constantFrom(...fieldNames),
  fc.oneof(scalar, location, fc.array(scalar, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
  { maxKeys: 8 },
);

interface FuzzBody {
  payload?: string;
  contentType?: string;
}

const body: fc.Arbitrary<FuzzBody> = fc.oneof(
  {
    weight: 4,
    arbitrary: nearValid.map((v) => ({ payload: JSON.stringify(v), contentType: 'application/json' })),
  },
  {
    weight: 2,
    arbitrary: fc.jsonValue().map((v) => ({ payload: JSON.stringify(v), contentType: 'application/json' })),
  },
  { weight: 1, arbitrary: fc.string().map((s) => ({ payload: s, contentType: 'application/json' })) },
  { weight: 1, arbitrary: fc.string().map((s) => ({ payload: s, contentType: 'text/plain' })) },
  {
    weight: 1,
    arbitrary: fc.string().map((s) => ({ payload: s, contentType: 'application/x-www-form-urlencoded' })),
  },
  { weight: 1, arbitrary: fc.constant({}) },
);

const query = fc.dictionary(
  fc.oneof(fc.constantFrom(...fieldNames, 'token', 'format', 'from', 'to'), text),
  text,
  {
    maxKeys: 4,
  },
);

const paramPattern = /:[A-Za-z0-9_]+(\([^)]*\))?|\*/g;

// A URL is UTF-8: an unpaired surrogate cannot be sent in one (it arrives as U+FFFD, as a browser sends it).
const wellFormed = (text: string) => text.replace(/\p{Cs}/gu, '\ufffd');

function fillPath(url: string, segments: string[]): string {
  let i = 0;
  return url.replace(paramPattern, () => encodeURIComponent(wellFormed(segments[i++] ?? 'x')) || 'x');
}

export interface FuzzFailure {
  method: string;
  url: string;
  status: number;
  body: string;
}

export async function fuzzRoutes(app: App, options: FuzzOptions = {}): Promise<void> {
  const include =
    options.include ??
    ((r: RouteSummary) => !r.websocket && r.url !== '/docs' && !r.url.startsWith('/docs/'));
  const problemJson = options.expectProblemJson ?? ((r: RouteSummary) => r.url.startsWith('/api'));
  const credentials = fc.constantFrom<Record<string, string>>(
    {},
    { authorization: 'Bearer not-a-token' },
    ...(options.token ? [{ authorization: `Bearer ${options.token}` }] : []),
    ...(options.apiKey ? [{ 'x-api-key': options.apiKey }] : []),
  );
  const failures: string[] = [];
  for (const route of app.registeredRoutes.filter(include)) {
    const request = fc.record({
      segments: fc.array(text, { minLength: 4, maxLength: 4 }),
      query,
      body,
      headers: credentials,
    });
    const result = await fc.check(
      fc.asyncProperty(request, async ({ segments, query: q, body: b, headers }) => {
        const search = new URLSearchParams(q).toString();
        const url = `${fillPath(route.url, segments)}${search ? `?${search}` : ''}`;
        const hasBody = route.method !== 'GET' && route.method !== 'DELETE' && b.payload !== undefined;
        const response = await app.inject({
          method: route.method,
          url,
          headers: { ...headers, ...(hasBody && b.contentType ? { 'content-type': b.contentType } : {}) },
          ...(hasBody ? { payload: b.payload } : {}),
        });
        if (response.statusCode >= 500) {
          throw new Error(
            `${route.method} ${url} answered ${response.statusCode}: ${response.body.slice(0, 500)}`,
          );
        }
        const type = String(response.headers['content-type'] ?? '');
        if (
          response.statusCode >= 400 &&
          problemJson(route) &&
          !type.startsWith('application/problem+json')
        ) {
          throw new Error(
            `${route.method} ${url} answered ${response.statusCode} as ${type}, not problem+json`,
          );
        }
      }),
      { numRuns: options.runs ?? 40, ...(options.seed === undefined ? {} : { seed: options.seed }) },
    );
    if (result.failed) {
      failures.push(`${route.method} ${route.url}: ${String(result.errorInstance ?? 'failed')}`);
    }
  }
  if (failures.length > 0)
    throw new Error(`fuzzing found ${failures.length} failing route(s):\n${failures.join('\n')}`);
}
