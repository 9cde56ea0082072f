/** The backend's API as a person uses it, for browser tests that set a case up or act beside a page. */
/**
 * A point of the demo grid 150102003002007 (新城区), officer15's, not officer1's: officer1 still sees
 * the cases reported here, as the officer sees every case they reported. (packages/engine's
 * demoGrid pairs this point with the code 150102001001001, which lies elsewhere.)
 */
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

/** Calls the API as `username` (a body is POSTed unless `method` says PUT); fails on 400 or more. */
export async function apiAs<T = ApiCase>(
  baseUrl: string,
  username: string,
  path: string,
  body?: Record<string, unknown>,
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : method,
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

/** Uploads a photo as `username` (the media route takes one image); answers its media id. */
export async function uploadPhoto(baseUrl: string, username: string, png: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'photo.png');
  const response = await fetch(`${baseUrl}/api/intake/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenOf(baseUrl, username)}` },
    body: form,
  });
  if (response.status !== 201) throw new Error(`media upload: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** The demo handler of a department (`handler-<departmentCode>`, api.md "Demo data"). */
export async function handlerOf(baseUrl: string, departmentId: string): Promise<string> {
  const departments = await apiAs<{ id: string; code: string }[]>(baseUrl, 'dispatcher1', '/api/departments');
  const code = departments.find((d) => d.id === departmentId)?.code;
  if (!code) throw new Error(`no department ${departmentId}`);
  return `handler-${code}`;
}

/** A hotline call at the demo grid, with its caller: it goes to `verifying`, the grid's officer assigned. */
export function hotlineReport(
  baseUrl: string,
  description: string,
  extra: Record<string, unknown> = {},
): Promise<ApiCase & { assignee: string | null }> {
  return apiAs(baseUrl, 'operator1', '/api/intake/reports', {
    source: 'hotline',
    categoryCode: 'E0101',
    description,
    location: demoGridPoint,
    reporter: { name: '张三丰', phone: '13812345678' },
    ...extra,
  });
}
