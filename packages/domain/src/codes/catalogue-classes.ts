/**
 * The component and event catalogue (部件事件分类, GB/T 30428.2), versioned so both revisions can
 * coexist: v2013 (2-digit minor classes) and v2026 (reported as GB/T 47678.5: 3-digit minor
 * classes, events renamed matters 事项).
 */

export const catalogueVersions = ['2013', '2026'] as const;
export type CatalogueVersion = (typeof catalogueVersions)[number];

/** 部件 (things broken, lost or damaged) or 事件 / 事项 (behaviour or situations). */
export const categoryKinds = ['component', 'event'] as const;
export type CategoryKind = (typeof categoryKinds)[number];

/** Major classes of catalogue v2013 (domain.md §4). Codes 90–99 are local extensions in every version. */
export const majorClasses2013: Readonly<Record<CategoryKind, Readonly<Record<string, string>>>> = {
  component: {
    '01': '公用设施 public facilities',
    '02': '道路交通 roads and traffic',
    '03': '市容环境 city appearance',
    '04': '园林绿化 landscaping',
    '05': '房屋土地 housing and land',
    '06': '其他设施 other',
  },
  event: {
    '01': '市容环境 city appearance',
    '02': '宣传广告 advertising',
    '03': '施工管理 construction',
    '04': '突发事件 emergencies',
    '05': '街面秩序 street order',
    '06': '扩展事件 extended events',
  },
};

export function isLocalMajorClass(major: string): boolean {
  return /^9[0-9]$/.test(major);
}

/**
 * Why a major class is not valid for this catalogue, or null. For v2026 we check only the shape
 * (01–99): the revision's class table is reference data a city loads, not something we assume.
 */
export function majorClassProblem(
  version: CatalogueVersion,
  kind: CategoryKind,
  major: string,
): string | null {
  if (major === '00') return 'major class 00 does not exist';
  if (isLocalMajorClass(major) || version === '2026') return null;
  if (major in majorClasses2013[kind]) return null;
  const known = Object.keys(majorClasses2013[kind]).join(', ');
  return `major class ${major} is not ${kind === 'event' ? 'an' : 'a'} ${kind} class of catalogue 2013 (${known}, or 9x for local extensions)`;
}

/** Digits of the minor class in each version. */
export const minorDigits: Readonly<Record<CatalogueVersion, number>> = { '2013': 2, '2026': 3 };
