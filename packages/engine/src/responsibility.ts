/**
 * The responsibility matrix (权责清单): category × area → department, the most specific area
 * winning (community, then street, then district), else the category's default department.
 */
import { type DbOrTx, findDepartmentByCode, listResponsibilities } from '@urbangrid/db';
import type { ReferenceData } from './reference-data.js';

export interface CasePlace {
  city: string;
  categoryCode: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
}

export async function responsibleDepartment(
  db: DbOrTx,
  reference: ReferenceData,
  place: CasePlace,
): Promise<string | null> {
  const areas = [place.communityCode, place.streetCode, place.districtCode];
  const rows = await listResponsibilities(db, place.city, place.categoryCode, areas);
  for (const area of areas) {
    const row = rows.find((candidate) => candidate.areaCode === area);
    if (row !== undefined) return row.departmentId;
  }
  const category = await reference.category(place.categoryCode);
  if (category?.defaultDepartmentCode == null) return null;
  const fallback = await findDepartmentByCode(db, place.city, category.defaultDepartmentCode);
  return fallback?.id ?? null;
}
