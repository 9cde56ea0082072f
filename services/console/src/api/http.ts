/**
 * The one place the console talks HTTP: the generated client with the bearer token, problem+json
 * errors turned into ApiError with the stable `code` of api.md. The auth store plugs itself in with
 * configureHttp, so this module never imports a store.
 */
import createClient from 'openapi-fetch';
import { ref } from 'vue';
import type { paths } from './generated/schema';

/**
 * The codes an error can carry: the server's catalogue (packages/platform/src/errors.ts) and the
 * console's own two. Each has a message in every language (test/catalogues keeps them in step).
 */
export const serverProblemCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'OUTSIDE_GRID',
  'CITY_RETIRED',
  'AREA_RETIRED',
  'TRANSITION_NOT_ALLOWED',
  'VALUE_OUT_OF_RANGE',
  'PERIOD_CLOSED',
  'VERSION_CONFLICT',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
] as const;
/** No answer at all (`NETWORK`), or one that is not problem+json (`UNKNOWN`). */
export const clientProblemCodes = ['NETWORK', 'UNKNOWN'] as const;
export type ProblemCode = (typeof serverProblemCodes)[number] | (typeof clientProblemCodes)[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode | string,
    readonly detail: string,
    readonly title = '',
    /** RATE_LIMITED (and 503): how long the server asks to wait (Retry-After), in seconds. */
    readonly retryAfterSeconds: number | null = null,
    /** A refused spreadsheet import: every bad row by its number (nothing was imported). */
    readonly rowErrors: readonly RowError[] = [],
    /** The detail in zh-CN, where the server wrote one (`detailZh`); the detail itself is English. */
    readonly detailZh: string | null = null,
  ) {
    super(detail || title || code);
    this.name = 'ApiError';
  }
}

/** A bad row of a refused import, as the server names it (its number in the sheet). */
export interface RowError {
  row: number;
  column?: string;
  message: string;
}

const isRowError = (value: unknown): value is RowError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RowError).row === 'number' &&
  typeof (value as RowError).message === 'string';

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

interface HttpHooks {
  /** The current access token, refreshed first when it is about to expire. */
  accessToken: () => Promise<string | null>;
  /** Called after a 401 that a fresh token could not cure: the session is over. */
  onUnauthenticated: () => void;
}

let hooks: HttpHooks = {
  accessToken: async () => null,
  onUnauthenticated: () => undefined,
};

export function configureHttp(next: HttpHooks): void {
  hooks = next;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function fallbackCode(status: number): ProblemCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  return 'UNKNOWN';
}

/**
 * The API client, generated from the server's OpenAPI document (`generated/schema.ts`, written by
 * `npm run api:generate`): every path, parameter, body and answer is the server's own type, so a
 * renamed field breaks the console's build, not a screen. `fetch` is read at call time (tests stub it).
 */
const clientOptions = { fetch: (request: Request) => globalThis.fetch(request) };

/** For sign-in and refresh: no token, and a 401 means wrong credentials, not a lost session. */
export const anonymousApi = createClient<paths>(clientOptions);

/** For everything else: the current token, and a 401 ends the session. */
export const api = createClient<paths>(clientOptions);
api.use({
  async onRequest({ request }) {
    const token = await hooks.accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) hooks.onUnauthenticated();
    return undefined;
  },
});

/** Retry-After in seconds (delta-seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterOf(header: string | null, nowMs = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = /^\s*\d+\s*$/.test(header) ? Number(header) : (Date.parse(header) - nowMs) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : null;
}

function problemOf(response: Response, body: unknown): ApiError {
  const { status } = response;
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof problem.code === 'string' ? problem.code : fallbackCode(status);
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  const title = typeof problem.title === 'string' ? problem.title : response.statusText;
  const rowErrors = Array.isArray(problem.rowErrors) ? problem.rowErrors.filter(isRowError) : [];
  return new ApiError(
    status,
    code,
    detail,
    title,
    retryAfterOf(response.headers.get('retry-after')),
    rowErrors,
    typeof problem.detailZh === 'string' ? problem.detailZh : null,
  );
}

/**
 * Whether the server could not be reached at all by the last request (no answer, `NETWORK`): the
 * shell shows the offline banner and looks again until a request is answered.
 */
export const connectionLost = ref(false);

function networkError(error: unknown): ApiError {
  connectionLost.value = true;
  return new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
}

/** What every call of the client answers (openapi-fetch's FetchResponse, either side). */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or the problem+json as an ApiError (a failed connection as `NETWORK`). */
export async function ok<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (error) {
    throw networkError(error);
  }
  const { response } = answer;
  connectionLost.value = false;
  if (!response.ok) throw problemOf(response, answer.error);
  return answer.data as T;
}

/**
 * A raw response, for what is not JSON (photos, CSV and XLSX downloads, a multipart upload);
 * throws ApiError when it is not 2xx.
 */
export async function requestRaw(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = await hooks.accessToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await globalThis.fetch(path, { ...init, headers });
  } catch (error) {
    throw networkError(error);
  }
  connectionLost.value = false;
  if (response.ok) return response;
  if (response.status === 401) hooks.onUnauthenticated();
  const body: unknown = await response.json().catch(() => undefined);
  throw problemOf(response, body);
}
