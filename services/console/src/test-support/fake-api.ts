/**
 * A stand-in for the backend in unit tests: `fetch` answered from a table of handlers, each call
 * recorded. Browser tests against the real backend live in test/e2e.
 */
import { vi } from 'vitest';
import type { CaseRecord } from '../api/types';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (call: Call) => { status?: number; json?: unknown } | undefined;

export function fakeApi(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://console.test');
    const method = init.method ?? 'GET';
    const call: Call = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      headers: (init.headers ?? {}) as Record<string, string>,
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
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

export function problem(status: number, code: string, detail = '') {
  return { status, json: { type: `urn:urbangrid:problem:${code}`, title: code, status, detail, code } };
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
    departmentId: null,
    suggestedDepartmentId: null,
    assignee: null,
    deadline: { stage: 'file', due: '2026-07-01T10:00:00+08:00', light: 'green' },
    reworkCount: 0,
    createdAt: '2026-07-01T08:00:00+08:00',
    updatedAt: '2026-07-01T08:00:00+08:00',
    closedAt: null,
    ...overrides,
  };
}
