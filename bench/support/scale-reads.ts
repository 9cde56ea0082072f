/**
 * Every read the console makes, per role, and the integrations' Open311 lists, as the scale bench
 * sends them: work queues, the case list with each filter (first page with its total, the deepest
 * page `page=` reaches, a cursor halfway through the history), search, case detail (the newest case
 * and the oldest), map layers, the bell, callbacks, reports and exports of a month, the region.
 * Parameters come from the grown database (a case, its grid, department, words of its text).
 */
import { encodeCaseCursor } from '@urbangrid/platform';
import type pg from 'pg';
import { signIn } from './bench-system.js';
import type { TimedRead } from './read-timing.js';

interface Anchor {
  id: string;
  case_no: string;
  grid_code: string;
  district_code: string;
  department_id: string | null;
  category_code: string;
  description: string;
  address: string | null;
  lat: number;
  lng: number;
  created_at: Date;
}

/** The name of the read whose cost the cases do not change. */
export const baselineRead = 'baseline: who am I (operator1)';

const day = (at: Date) => at.toISOString().slice(0, 10);

export async function scaleReads(baseUrl: string, client: pg.ClientBase): Promise<TimedRead[]> {
  const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T> => {
    const row = (await client.query<T>(text, values)).rows[0];
    if (row === undefined) throw new Error(`scale reads: nothing for ${text}`);
    return row;
  };
  // The newest dispatched case of the seed (the simulator's): its city, grid, department and texts.
  const recent = await one<Anchor>(
    `select * from cases where id in (select id from scale_seed) and department_id is not null
     order by created_at desc limit 1`,
  );
  const oldest = await one<{ id: string }>('select id from cases order by created_at, id limit 1');
  const { n } = await one<{ n: string }>('select count(*) as n from cases where city = $1', ['1501']);
  const middle = await one<{ created_at: Date; id: string }>(
    `select created_at, id from cases where city = '1501'
     order by created_at desc, id desc offset $1 limit 1`,
    [Math.floor(Number(n) / 2)],
  );
  const today = new Date();
  const monthAgo = new Date(today.getTime() - 29 * 86_400_000);
  const month = `from=${day(monthAgo)}&to=${day(today)}`;
  const word = encodeURIComponent([...recent.description].slice(0, 4).join(''));
  const addressPart = encodeURIComponent([...(recent.address ?? '路')].slice(0, 3).join(''));
  const deep = encodeCaseCursor({ createdAt: middle.created_at, id: middle.id });

  const tokens = new Map<string, string>();
  const as = async (username: string) => {
    let token = tokens.get(username);
    if (token === undefined) {
      token = await signIn(baseUrl, username);
      tokens.set(username, token);
    }
    return { authorization: `Bearer ${token}` };
  };
  const reads: TimedRead[] = [];
  const read = async (name: string, username: string | null, path: string) => {
    reads.push({
      name: username === null ? name : `${name} (${username})`,
      url: `${baseUrl}${path}`,
      headers: username === null ? {} : await as(username),
    });
  };

  // The baseline: a read whose work does not depend on the cases (the caller's identity). Its change
  // between the two sizes is the machine's, and the ratios are corrected by it.
  reads.push({ name: baselineRead, url: `${baseUrl}/api/auth/me`, headers: await as('operator1') });
  // The hotline (intake operator).
  await read('callbacks due', 'operator1', '/api/intake/callbacks');
  await read('notices (bell)', 'operator1', '/api/notices');
  await read('search q=', 'operator1', `/api/cases?q=${word}`);
  await read(
    'duplicates near a report',
    'operator1',
    `/api/intake/duplicates?categoryCode=${recent.category_code}&lat=${recent.lat}&lng=${recent.lng}`,
  );
  // The desks' work queues and bells.
  await read('queue', 'shiftlead1', '/api/dispatch/queues/shift-lead');
  await read('notices (bell)', 'shiftlead1', '/api/notices');
  await read('queue', 'dispatcher1', '/api/dispatch/queues/dispatcher');
  await read('notices (bell)', 'dispatcher1', '/api/notices');
  await read('list overdue=true', 'dispatcher1', '/api/cases?overdue=true');
  await read('queue', 'officer1', '/api/dispatch/queues/officer');
  await read('field tasks state=verifying', 'officer1', '/api/cases?state=verifying&pageSize=100');
  await read('queue', 'handler-sanitation-150102', '/api/handling/queues/department');
  await read('list state=closed', 'handler-sanitation-150102', '/api/cases?state=closed');
  // The supervisor: the case list with each filter, search, detail, map, reports, exports.
  const supervisor = 'supervisor1';
  await read('list pageSize=50 with total', supervisor, '/api/cases?pageSize=50');
  await read('list page=200 (deepest page=)', supervisor, '/api/cases?page=200&pageSize=50');
  await read('list cursor halfway', supervisor, `/api/cases?cursor=${deep}`);
  await read('list overdue=true', supervisor, '/api/cases?overdue=true');
  await read('list state=closed', supervisor, '/api/cases?state=closed');
  await read('list state=handling (map board)', supervisor, '/api/cases?state=handling&pageSize=100');
  await read('list gridCode=', supervisor, `/api/cases?gridCode=${recent.grid_code}`);
  await read('list departmentId=', supervisor, `/api/cases?departmentId=${recent.department_id}`);
  await read('list a month', supervisor, `/api/cases?${month}`);
  await read('search q=', supervisor, `/api/cases?q=${word}`);
  // Two characters (a Chinese word's usual length): one most cases hold, and one none does.
  await read('search q= two characters', supervisor, `/api/cases?q=${encodeURIComponent('垃圾')}`);
  await read(
    'search q= two characters, none found',
    supervisor,
    `/api/cases?q=${encodeURIComponent('鲸鲨')}`,
  );
  await read('search caseNo=', supervisor, `/api/cases?caseNo=${recent.case_no}`);
  await read('search address=', supervisor, `/api/cases?address=${addressPart}`);
  await read('case detail, newest', supervisor, `/api/cases/${recent.id}`);
  await read('case detail, oldest', supervisor, `/api/cases/${oldest.id}`);
  await read(
    'map grids in a box',
    supervisor,
    `/api/grids?bbox=${recent.lng - 0.02},${recent.lat - 0.02},${recent.lng + 0.02},${recent.lat + 0.02}`,
  );
  await read('map districts', supervisor, '/api/areas?level=district');
  await read(
    'report timeliness, a month',
    supervisor,
    `/api/supervision/reports/timeliness?${month}&groupBy=department`,
  );
  await read(
    'report evaluation officers, a month',
    supervisor,
    `/api/supervision/reports/evaluation?${month}&subject=officer`,
  );
  await read(
    'report evaluation departments, a month',
    supervisor,
    `/api/supervision/reports/evaluation?${month}&subject=department`,
  );
  await read(
    'export timeliness xlsx, a month',
    supervisor,
    `/api/supervision/reports/timeliness?${month}&groupBy=district&format=xlsx`,
  );
  await read(
    'export ledger csv, a day',
    supervisor,
    `/api/cases?format=csv&from=${day(today)}&to=${day(today)}&districtCode=${recent.district_code}`,
  );
  await read('notices (bell)', supervisor, '/api/notices');
  // A district supervisor and the region.
  await read('list pageSize=50 with total', 'supervisor-150102', '/api/cases?pageSize=50');
  await read('report region, a month', 'region1', `/api/supervision/reports/region?${month}`);
  await read('list pageSize=50 with total', 'region1', '/api/cases?pageSize=50');
  // Open311 (public, no key).
  await read('open311 requests (90 days)', null, '/open311/v2/requests.json?jurisdiction_id=1501');
  await read(
    'open311 requests status=open',
    null,
    '/open311/v2/requests.json?jurisdiction_id=1501&status=open',
  );
  await read(
    'open311 one request',
    null,
    `/open311/v2/requests.json?jurisdiction_id=1501&service_request_id=${recent.case_no}`,
  );
  return reads;
}
