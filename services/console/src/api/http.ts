/**
 * The one place the console talks HTTP: bearer token, JSON in and out, problem+json errors turned
 * into ApiError with the stable `code` of api.md. The auth store plugs itself in with
 * configureHttp, so this module never imports a store.
 */

export type ProblemCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'OUTSIDE_GRID'
  | 'TRANSITION_NOT_ALLOWED'
  | 'VERSION_CONFLICT'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'NETWORK'
  | 'UNKNOWN';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode | string,
    readonly detail: string,
    readonly title = '',
  ) {
    super(detail || title || code);
    this.name = 'ApiError';
  }
}

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

export interface RequestOptions {
  query?: Query;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Send without a token (login, refresh). */
  anonymous?: boolean;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof problem.code === 'string' ? problem.code : fallbackCode(response.status);
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  const title = typeof problem.title === 'string' ? problem.title : response.statusText;
  return new ApiError(response.status, code, detail, title);
}

function fallbackCode(status: number): ProblemCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  return 'UNKNOWN';
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (!options.anonymous) {
    const token = await hooks.accessToken();
    if (token) headers.authorization = `Bearer ${token}`;
  }
  try {
    return await fetch(withQuery(path, options.query), { method, headers, body });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError(0, 'NETWORK', detail);
  }
}

/** A raw response for downloads; throws ApiError when it is not 2xx. */
export async function requestRaw(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const response = await send(method, path, options);
  if (response.ok) return response;
  const error = await problemOf(response);
  if (response.status === 401 && !options.anonymous) hooks.onUnauthenticated();
  throw error;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await requestRaw(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
export const post = <T>(path: string, json: unknown, headers?: Record<string, string>) =>
  request<T>('POST', path, { json, headers });
