import { randomUUID } from 'node:crypto';
import { cases, type DbOrTx } from '@urbangrid/db';

export type TestCase = typeof cases.$inferInsert;

/** Inserts a case with plausible defaults (Hohhot, Xincheng district); override what the test is about. */
export async function insertTestCase(db: DbOrTx, fields: Partial<TestCase> = {}): Promise<TestCase> {
  const id = fields.id ?? `case-${randomUUID()}`;
  const gridCode = fields.gridCode ?? '150102001001001';
  const now = new Date();
  const row: TestCase = {
    id,
    caseNo: `T-${id}`,
    city: '1501',
    source: 'hotline',
    state: 'filed',
    categoryCode: '0101',
    description: 'test case',
    lat: 40.85,
    lng: 111.7,
    h3Cell: '8931aa5a5a7ffff',
    gridCode,
    districtCode: gridCode.slice(0, 6),
    streetCode: gridCode.slice(0, 9),
    communityCode: gridCode.slice(0, 12),
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await db.insert(cases).values(row);
  return row;
}
