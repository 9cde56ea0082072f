/**
 * The simulator's HTTP client: one signed-in session per demo user, and requests that survive a
 * system that goes away for a while. A request that fails without an answer (connection refused
 * or reset, a timeout) or with a 5xx / 503 is sent again, the same body under the same
 * Idempotency-Key, until it gets an answer or the retry budget runs out; a 401 signs in again.
 * Answers with a problem+json body are returned to the caller, who decides what a 409 means.
 */
import { z } from 'zod';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

export interface ApiCallOptions {
  idempotencyKey?: string;
  /** Extra headers (an integration's x-api-key). */
  headers?: Record<string, string>;
}

export interface ApiClientOptions {
  baseUrl: string;
  password: string;
  /** How long one attempt may take. */
  timeoutMs?: number;
  /** How long a request keeps retrying while the system does not answer. */
  retryForMs?: number;
  /** Called on every retried attempt (for the tally). */
  onRetry?: (reason: string) => void;
}

export interface ApiClient {
  readonly baseUrl: string;
  post<T = unknown>(
    user: string,
    path: string,
    body?: unknown,
    options?: ApiCallOptions,
  ): Promise<ApiAnswer<T>>;
  get<T = unknown>(user: string, path: string): Promise<ApiAnswer<T>>;
  /** A valid access token of `user` (for the live WebSocket). */
  token(user: string): Promise<string>;
}

const loginAnswer = z.object({ token: z.string().min(1) });

/** Thrown when the system did not answer within the retry budget. */
export class SystemUnavailableError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Statuses that say "not now": the request is sent again (no input may produce a 5xx, so a 5xx is an outage). */
const retriedStatus = (status: number) => status >= 500 || status === 429;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retryForMs = options.retryForMs ?? 120_000;
  const tokens = new Map<string, Promise<string>>();

  async function attempt(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<ApiAnswer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON (an HTML error page from a proxy): keep the text.
    }
    return { status: response.status, body: parsed };
  }

  /** Sends until an answer that is not a 5xx arrives, or the budget is spent. */
  async function persistently(
    method: 'GET' | 'POST',
    path: string,
    headers: () => Promise<Record<string, string>>,
    body: unknown,
  ): Promise<ApiAnswer> {
    const giveUpAt = Date.now() + retryForMs;
    let pause = 100;
    let lastReason = '';
    for (;;) {
      try {
        const answer = await attempt(method, path, await headers(), body);
        if (!retriedStatus(answer.status)) return answer;
        lastReason = `HTTP ${answer.status}`;
      } catch (error) {
        lastReason =
          error instanceof Error
            ? error.cause instanceof Error
              ? error.cause.message
              : error.message
            : String(error);
      }
      if (Date.now() + pause > giveUpAt) {
        throw new SystemUnavailableError(`${method} ${path}: no answer for ${retryForMs} ms (${lastReason})`);
      }
      options.onRetry?.(lastReason);
      await sleep(pause);
      pause = Math.min(pause * 2, 2_000);
    }
  }

  async function login(user: string): Promise<string> {
    const answer = await persistently('POST', '/api/auth/login', async () => ({}), {
      username: user,
      password: options.password,
    });
    const parsed = loginAnswer.safeParse(answer.body);
    if (answer.status !== 200 || !parsed.success) {
      throw new Error(`login as ${user} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return parsed.data.token;
  }

  function token(user: string): Promise<string> {
    let pending = tokens.get(user);
    if (pending === undefined) {
      pending = login(user);
      // A failed sign-in is not cached: the next call tries again.
      pending.catch(() => tokens.delete(user));
      tokens.set(user, pending);
    }
    return pending;
  }

  async function call(
    method: 'GET' | 'POST',
    user: string,
    path: string,
    body: unknown,
    callOptions: ApiCallOptions = {},
  ): Promise<ApiAnswer> {
    const headers = async () => ({
      authorization: `Bearer ${await token(user)}`,
      ...(callOptions.idempotencyKey === undefined ? {} : { 'idempotency-key': callOptions.idempotencyKey }),
      ...callOptions.headers,
    });
    const answer = await persistently(method, path, headers, body);
    if (answer.status !== 401) return answer;
    // The token expired or the server's secret changed: sign in again, once.
    tokens.delete(user);
    return persistently(method, path, headers, body);
  }

  return {
    baseUrl,
    post: <T>(user: string, path: string, body: unknown = {}, callOptions?: ApiCallOptions) =>
      call('POST', user, path, body, callOptions) as Promise<ApiAnswer<T>>,
    get: <T>(user: string, path: string) => call('GET', user, path, undefined) as Promise<ApiAnswer<T>>,
    token,
  };
}

/** The `code` of a problem+json answer, if it is one. */
export function problemCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('code' in body)) return undefined;
  return typeof body.code === 'string' ? body.code : undefined;
}
