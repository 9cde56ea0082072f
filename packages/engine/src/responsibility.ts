/**
 * The responsibility matrix (权责清单): category × area → department, the most specific area
 * winning (community, then street, then district), else the category's default department while it
 * is in service (not retired). A department in `passOver` (one that returned the case) is never the
 * answer: the next one is, or none, and the dispatcher chooses.
 */
import type { ReferenceData } from '@urbangrid/reference';

export interface CasePlace {
  city: string;
  categoryCode: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
}

export async function responsibleDepartment(
  reference: ReferenceData,
  place: CasePlace,
  passOver: readonly string[] = [],
): Promise<string | null> {
  const matrix = await reference.matrix(place.city);
  for (const area of [place.communityCode, place.streetCode, place.districtCode]) {
    const departmentId = matrix.departmentFor(place.categoryCode, area);
    if (departmentId !== undefined && !passOver.includes(departmentId)) return departmentId;
  }
  const category = await reference.category(place.categoryCode);
  if (category?.defaultDepartmentCode == null) return null;
  const fallback = await reference.departmentByCode(place.city, category.defaultDepartmentCode);
  if (fallback === null || fallback.retiredOn !== null || passOver.includes(fallback.id)) return null;
  return fallback.id;
}
