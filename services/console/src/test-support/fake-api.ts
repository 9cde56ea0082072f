/**
 * A stand-in for the backend in unit tests: `fetch` answered from a table of handlers, each call
 * recorded. Browser tests against the real backend live in test/e2e.
 */
import { vi } from 'vitest';
import type { CaseRecord, SessionUser } from '../api/contract';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (
  call: Call,
) => { status?: number; json?: unknown; headers?: Record<string, string> } | undefined;

export function fakeApi(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    // The generated client sends a Request; raw downloads and uploads send a path and its init.
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input), 'http://console.test');
    const method = request?.method ?? init.method ?? 'GET';
    const text = request ? await request.text() : init.body;
    const call: Call = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: typeof text === 'string' ? (text === '' ? undefined : JSON.parse(text)) : text,
      headers: Object.fromEntries(new Headers(request?.headers ?? init.headers).entries()),
    };
    calls.push(call);
    const handler = handlers[`${method} ${url.pathname}`];
    const answer = handler?.(call) ?? {
      status: 404,
      json: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'no route', code: 'NOT_FOUND' },
    };
    const status = answer.status ?? 200;
    return new Response(answer.json === undefined ? null : JSON.stringify(answer.json), {
      status,
      headers: {
        'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
        ...answer.headers,
      },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/** The method of a call to the stubbed `fetch`, whichever of its two forms the caller used. */
export function methodOf(input: RequestInfo | URL, init?: RequestInit): string {
  return input instanceof Request ? input.method : (init?.method ?? 'GET');
}

/** A problem+json answer; `detailZh` is the server's Chinese detail, which a zh-CN user is shown. */
export function problem(status: number, code: string, detail = '', detailZh?: string) {
  return {
    status,
    json: {
      type: `urn:urbangrid:problem:${code}`,
      title: code,
      status,
      detail,
      code,
      ...(detailZh === undefined ? {} : { detailZh }),
    },
  };
}

let seq = 0;

export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  seq += 1;
  return {
    id: String(seq),
    caseNo: `150102260701${String(seq).padStart(4, '0')}`,
    city: '1501',
    source: 'hotline',
    state: 'verified',
    version: 1,
    categoryCode: 'C0101',
    urgency: 'normal',
    description: '井盖缺失',
    location: { lat: 40.83, lng: 111.67 },
    address: '新华大街 1 号',
    gridCode: '150102001001001',
    districtCode: '150102',
    streetCode: '150102001',
    communityCode: '150102001001',
    departmentId: null,
    suggestedDepartmentId: null,
    assignee: null,
    deadline: { stage: 'file', due: '2026-07-01T10:00:00+08:00', light: 'green', beyondCalendar: false },
    reworkCount: 0,
    returnCount: 0,
    returnedByDepartmentIds: [],
    lastReturnReason: null,
    extensionCount: 0,
    suspensionCount: 0,
    supervised: false,
    selfHandled: false,
    flags: [],
    duplicateOf: null,
    pendingRequest: null,
    reporter: null,
    reporterErasedAt: null,
    closureType: null,
    createdAt: '2026-07-01T08:00:00+08:00',
    updatedAt: '2026-07-01T08:00:00+08:00',
    closedAt: null,
    allowedCommands: [],
    ...overrides,
  };
}

/** A signed-in user of Hohhot (Asia/Shanghai), as the session answers name one. */
export function aUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: '1',
    username: 'u',
    displayName: 'U',
    roles: [],
    city: '1501',
    timeZones: { '1501': 'Asia/Shanghai' },
    ...overrides,
  };
}
