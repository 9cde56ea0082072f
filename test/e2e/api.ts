/** The backend's API as a person uses it, for browser tests that set a case up or act beside a page. */
/** A point of the demo grid 150102001001001, officer1's (packages/engine's demoGrid). */
const demoGridPoint = { lat: 40.85, lng: 111.7 };

const password = process.env.DEMO_PASSWORD ?? 'urbangrid';
const tokens = new Map<string, string>();

async function tokenOf(baseUrl: string, username: string): Promise<string> {
  const known = tokens.get(username);
  if (known) return known;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login as ${username}: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  tokens.set(username, token);
  return token;
}

export interface ApiCase {
  id: string;
  caseNo: string;
  state: string;
  version: number;
  suggestedDepartmentId: string | null;
}

/** Calls the API as `username`; fails on an answer of 400 or more. */
export async function apiAs<T = ApiCase>(
  baseUrl: string,
  username: string,
  path: string,
  body?: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${await tokenOf(baseUrl, username)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 400) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A case an officer reported on patrol: it starts verified (核实 is the officer's own report). */
export function officerReport(baseUrl: string, description: string): Promise<ApiCase> {
  return apiAs(baseUrl, 'officer1', '/api/intake/reports', {
    source: 'officer',
    categoryCode: 'E0101',
    description,
    location: demoGridPoint,
  });
}
