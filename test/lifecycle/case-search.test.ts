/**
 * Case search (GET /api/cases?q=, issue 16.4): case number, address, description and — for intake
 * operators only — the phone of the reporter or of a caller attached to the case, each combined
 * with the other filters and `from`/`to`, always inside what the caller may see; and the same
 * result as a ledger (台账) in CSV and XLSX with Chinese headers and names in place of ids.
 */
import { caseFilterConditions, cases } from '@urbangrid/db';
import { userActor } from '@urbangrid/domain';
import { expectProblem } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { parse } from 'csv-parse/sync';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { enforcement, lifecycleForFile, type Person, sanitation } from './lifecycle-harness.js';

interface Found {
  total: number;
  items: Array<{ id: string; caseNo: string }>;
}

describe('case search and its ledger', () => {
  const life = lifecycleForFile();
  const ids: Record<'bus' | 'manhole' | 'bike' | 'old', string> = { bus: '', manhole: '', bike: '', old: '' };
  let busCaseNo = '';

  /** A hotline call of operator1 in Xincheng district, walked to `departmentId`. */
  async function reportAndDispatch(
    fields: { description: string; address: string; phone: string; categoryCode: string },
    departmentId: string,
  ): Promise<{ id: string; caseNo: string }> {
    const reported = await life.post('operator1', '/api/intake/reports', {
      source: 'hotline',
      categoryCode: fields.categoryCode,
      description: fields.description,
      address: fields.address,
      location: { lat: 40.85, lng: 111.7 },
      reporter: { name: '王先生', phone: fields.phone },
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const { id, caseNo } = reported.body as { id: string; caseNo: string };
    await life.engine.settle();
    // Verified by whichever officer the grid's task went to (not what this test is about).
    const { assignee } = await life.read(id);
    await life.direct({
      caseId: id,
      command: { type: 'verify', found: true },
      actor: userActor(assignee ?? 'officer1', ['grid_officer']),
    });
    await life.command('shiftlead1', `/api/dispatch/cases/${id}/file`);
    await life.command('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, { departmentId });
    return { id, caseNo };
  }

  redisTest.beforeAll(async ({ database }) => {
    const bus = await reportAndDispatch(
      {
        description: '公交站旁垃圾堆积，气味很大',
        address: '新华大街100号',
        phone: '138 1234 5678',
        categoryCode: 'E0101',
      },
      sanitation,
    );
    ids.bus = bus.id;
    busCaseNo = bus.caseNo;
    const reports = [
      [
        'manhole',
        { description: '人行道井盖破损，有人绊倒', address: '中山西路8号', phone: '13900001111' },
        enforcement,
      ],
      [
        'bike',
        { description: 'Ofo 共享单车堆放占道（20辆）', address: '青山路1号', phone: '13600003333' },
        sanitation,
      ],
    ] as const;
    for (const [key, fields, departmentId] of reports) {
      ids[key] = (await reportAndDispatch({ ...fields, categoryCode: 'E0103' }, departmentId)).id;
    }
    // The same street a month earlier: the period decides.
    life.clock.now = new Date('2026-02-02T10:00:00+08:00');
    ids.old = (
      await reportAndDispatch(
        {
          description: '新华大街路面有油渍',
          address: '新华大街12号',
          phone: '13700002222',
          categoryCode: 'E0103',
        },
        sanitation,
      )
    ).id;
    await database.db
      .update(cases)
      .set({ createdAt: new Date('2026-02-02T10:00:00+08:00') })
      .where(eq(cases.id, ids.old));
  });

  const search = async (who: Person, query: string): Promise<string[]> => {
    const answer = await life.get(who, `/api/cases?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return (answer.body as Found).items
      .map((item) => item.id)
      .filter((id) => Object.values(ids).includes(id));
  };
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  redisTest('finds a case by part of its number, its address or its description', async () => {
    expect(await search('dispatcher1', q(busCaseNo.slice(4)))).toEqual([ids.bus]);
    expect(await search('dispatcher1', q(busCaseNo))).toEqual([ids.bus]);
    expect(await search('dispatcher1', q('中山西路'))).toEqual([ids.manhole]);
    expect(await search('dispatcher1', q('井盖'))).toEqual([ids.manhole]);
    // Address and description both: newest first.
    expect(await search('dispatcher1', q('新华大街'))).toEqual([ids.bus, ids.old]);
    expect(await search('dispatcher1', q('没有这种案件'))).toEqual([]);
    // Wildcards are text, not patterns.
    expect(await search('dispatcher1', q('%'))).toEqual([]);
  });

  redisTest(
    'finds a word of one or two characters as it finds a longer one, through an index of its own',
    async ({ database }) => {
      expect(await search('dispatcher1', q('绊'))).toEqual([ids.manhole]);
      expect(await search('dispatcher1', q('绊倒'))).toEqual([ids.manhole]);
      expect(await search('dispatcher1', q('油'))).toEqual([ids.old]);
      expect(await search('dispatcher1', q('oF'))).toEqual([ids.bike]);
      expect(await search('dispatcher1', q('鲸'))).toEqual([]);
      // The description's end and the address's start are not one word.
      expect(await search('dispatcher1', q('倒中'))).toEqual([]);
      expect(await search('dispatcher1', `address=${encodeURIComponent('青山')}`)).toEqual([ids.bike]);
      expect(await search('dispatcher1', `address=${encodeURIComponent('绊')}`)).toEqual([]);
      expect(await search('dispatcher1', `caseNo=${busCaseNo.slice(-2)}`)).toContain(ids.bus);
      // The search's tripled text is the index's expression, so the index answers it (a drift between
      // the two would read the city's whole history again, row by row).
      const plan = await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const query = tx
          .select({ id: cases.id })
          .from(cases)
          .where(and(...caseFilterConditions({ search: { text: '绊' } })));
        return (await tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${query}`)).rows;
      });
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('cases_short_text_idx');
    },
  );

  redisTest(
    'a text search is not counted: its total ends with the page while more cases follow',
    async () => {
      const page = async (n: number) => {
        const answer = await life.get('dispatcher1', `/api/cases?${q('新华大街')}&pageSize=1&page=${n}`);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        return answer.body as Found & { totalExact: boolean; nextCursor: string | null };
      };
      expect(await page(1)).toMatchObject({ total: 1, totalExact: false, items: [{ id: ids.bus }] });
      expect(await page(2)).toMatchObject({
        total: 2,
        totalExact: true,
        items: [{ id: ids.old }],
        nextCursor: null,
      });
      // A list without words is counted.
      const counted = await life.get('dispatcher1', `/api/cases?departmentId=${enforcement}&pageSize=1`);
      expect(counted.body).toMatchObject({ totalExact: true });
    },
  );

  redisTest(
    'letters match whatever their case; Chinese, digits and punctuation match as written',
    async () => {
      expect(await search('dispatcher1', q('ofo'))).toEqual([ids.bike]);
      expect(await search('dispatcher1', q('OFO 共享'))).toEqual([ids.bike]);
      expect(await search('dispatcher1', q('单车堆放'))).toEqual([ids.bike]);
      expect(await search('dispatcher1', q('（20辆）'))).toEqual([ids.bike]);
      expect(await search('dispatcher1', q('(20辆)'))).toEqual([]);
      expect(await search('dispatcher1', `address=${encodeURIComponent('青山路1')}`)).toEqual([ids.bike]);
    },
  );

  redisTest('combines the text with the filters and the period', async () => {
    expect(await search('dispatcher1', `${q('新华大街')}&from=2026-03-01&to=2026-03-31`)).toEqual([ids.bus]);
    expect(await search('dispatcher1', `${q('新华大街')}&to=2026-02-28`)).toEqual([ids.old]);
    expect(await search('dispatcher1', `${q('新华大街')}&categoryCode=E0103`)).toEqual([ids.old]);
    expect(await search('dispatcher1', `departmentId=${enforcement}&districtCode=150102`)).toEqual([
      ids.manhole,
    ]);
    expect(await search('dispatcher1', `${q('新华大街')}&state=filed`)).toEqual([]);
    // One field only: the address, or the number.
    expect(await search('dispatcher1', `address=${encodeURIComponent('新华大街')}`)).toEqual([
      ids.bus,
      ids.old,
    ]);
    expect(await search('dispatcher1', `address=${encodeURIComponent('井盖')}`)).toEqual([]);
    expect(await search('dispatcher1', `caseNo=${busCaseNo.slice(4)}`)).toEqual([ids.bus]);
    expectProblem(
      await life.app.inject({
        url: '/api/cases?from=2026-03-02&to=2026-03-01',
        headers: { authorization: `Bearer ${life.tokens.dispatcher1}` },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  redisTest(
    'a whole case number finds its case and the longer numbers beginning with it, nothing else',
    async ({ database }) => {
      // A day past 99,999 cases writes its sequence in six digits: 12345 and 123456 share a start.
      const numbered = async (id: string, caseNo: string) =>
        database.db.update(cases).set({ caseNo }).where(eq(cases.id, id));
      await numbered(ids.bike, '2026030212345');
      await numbered(ids.manhole, '20260302123456');
      // Both were reported at the same instant of the test's clock: their order is not the point.
      const both = [ids.bike, ids.manhole].sort();
      expect((await search('dispatcher1', 'caseNo=2026030212345')).sort()).toEqual(both);
      expect(await search('dispatcher1', 'caseNo=20260302123456')).toEqual([ids.manhole]);
      expect(await search('dispatcher1', 'caseNo=2026030212346')).toEqual([]);
      expect((await search('dispatcher1', 'caseNo=202603021234')).sort()).toEqual(both);
      expect(await search('dispatcher1', `caseNo=${busCaseNo}`)).toEqual([ids.bus]);
      // Only what the caller may see, as for any search.
      expect(await search('handler-enforcement-150102', 'caseNo=2026030212345')).toEqual([ids.manhole]);
    },
  );

  redisTest('a department finds only its own cases, whatever it searches', async () => {
    expect(await search('handler-sanitation-150102', q('新华大街'))).toEqual([ids.bus, ids.old]);
    expect(await search('handler-sanitation-150102', q('中山西路'))).toEqual([]);
    expect(await search('handler-enforcement-150102', q('新华大街'))).toEqual([]);
    expect(await search('handler-enforcement-150102', q('井盖'))).toEqual([ids.manhole]);
  });

  redisTest('the reporter’s phone finds the case for intake operators only', async () => {
    // However the number is written.
    expect(await search('operator1', q('13812345678'))).toEqual([ids.bus]);
    expect(await search('operator1', q('+86 138-1234-5678'))).toEqual([ids.bus]);
    expect(await search('operator1', `phone=${encodeURIComponent('139 0000 1111')}`)).toEqual([ids.manhole]);
    // Anyone else: the number matches nothing, and asking by phone is refused.
    expect(await search('dispatcher1', q('13812345678'))).toEqual([]);
    expect(await search('shiftlead1', q('13812345678'))).toEqual([]);
    const refused = await life.get('dispatcher1', '/api/cases?phone=13812345678');
    expect(refused.status).toBe(403);
  });

  redisTest('an attached caller’s phone finds the case too, for intake operators only', async () => {
    const attached = await life.post('operator1', `/api/intake/cases/${ids.manhole}/attach`, {
      description: '井盖还没修，第二位市民来电',
      reporter: { name: '李女士', phone: '136 5555 7777' },
    });
    expect(attached.status, JSON.stringify(attached.body)).toBe(201);
    expect(await search('operator1', q('13655557777'))).toEqual([ids.manhole]);
    expect(await search('operator1', `phone=${encodeURIComponent('+86 136-5555-7777')}`)).toEqual([
      ids.manhole,
    ]);
    // With the other filters still applied, and still not for other roles.
    expect(await search('operator1', `${q('13655557777')}&categoryCode=E0101`)).toEqual([]);
    expect(await search('dispatcher1', q('13655557777'))).toEqual([]);
  });

  redisTest('exports the same result as a ledger in CSV and XLSX, with names, not ids', async () => {
    const headers = { authorization: `Bearer ${life.tokens.dispatcher1}` };
    const csv = await life.app.inject({ url: `/api/cases?${q('新华大街')}&format=csv`, headers });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [, header, ...rows] = parse(csv.body.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
    }) as string[][];
    expect(header).toContain('案件编号');
    expect(header).toContain('处置部门');
    expect(rows).toHaveLength(2);
    const bus = rows[0] ?? [];
    const column = (name: string) => bus[(header ?? []).indexOf(name)];
    expect(column('案件编号')).toBe(busCaseNo);
    expect(column('案件类别')).toBe('暴露垃圾（E0101）');
    expect(column('案件状态')).toBe('待签收');
    expect(column('处置部门')).toMatch(/^新城区环卫所（sanitation-150102）$/);
    const detail = await life.read(ids.bus);
    expect(column('单元网格')).toBe(`${detail.names.grid?.name}（${detail.gridCode}）`);
    // The case's detail names the same places, and its people by display name (issue 16.7).
    expect(detail.names.district).toMatchObject({ code: '150102', name: '新城区' });
    expect(detail.names.people.operator1).toBeTruthy();
    expect(detail.names.people.operator1).not.toBe('operator1');
    expect(column('所属区')).toBe('新城区（150102）');
    // No internal id, no phone anywhere in the file.
    expect(csv.body).not.toContain(sanitation);
    expect(csv.body).not.toContain(ids.bus);
    expect(csv.body).not.toContain('1234');

    const xlsx = await life.app.inject({ url: `/api/cases?${q('新华大街')}&format=xlsx`, headers });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe('案件编号');
    expect(sheet?.getRow(3).getCell(1).value).toBe(busCaseNo);
    expect(sheet?.rowCount).toBe(4);

    // A department's ledger holds its cases only.
    const own = await life.app.inject({
      url: `/api/cases?${q('中山西路')}&format=csv`,
      headers: { authorization: `Bearer ${life.tokens['handler-sanitation-150102']}` },
    });
    expect(own.body).not.toContain('中山西路');
  });
});
