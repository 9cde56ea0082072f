import type { CategorySpec } from './catalogue-spec.js';
import { componentsV2013, componentsV2026 } from './components.js';
import { eventsV2013, mattersV2026 } from './events.js';
import type { CatalogueVersionRow, CategoryRow } from './rows.js';

/**
 * The category catalogue (部件/事件 分类, domain.md §4) in two coexisting versions: v2013
 * (GB/T 30428.2: components `C` + major 2 + minor 2, events `E` + 4 digits, local extensions 9x) and
 * a handful of the 2026 revision (minor class widened to 3 digits, events renamed matters `M`).
 */

export const catalogueVersions: CatalogueVersionRow[] = [
  {
    version: 'v2013',
    name: '城市市政综合监管信息系统 部件和事件 (GB/T 30428.2-2013)',
    nameEn: 'Digital urban management components and events (GB/T 30428.2-2013)',
    active: true,
    effectiveFrom: '2013-01-01',
  },
  {
    version: 'v2026',
    name: '城市运行管理服务平台 部件和事项 (2026 修订)',
    nameEn: 'Urban operation platform components and matters (2026 revision)',
    active: true,
    effectiveFrom: '2026-01-01',
  },
];

const majorNames: Record<string, Record<string, string>> = {
  'v2013:C': {
    '01': '公用设施',
    '02': '道路交通',
    '03': '市容环境',
    '04': '园林绿化',
    '05': '房屋土地',
    '06': '其他设施',
  },
  'v2013:E': {
    '01': '市容环境',
    '02': '宣传广告',
    '03': '施工管理',
    '04': '突发事件',
    '05': '街面秩序',
    // GB/T 30428.2's 扩展事件; packages/domain's class table (01–05, 9x) does not list it yet.
    '06': '扩展事件',
    '91': '地方扩展',
  },
  'v2026:C': { '01': '公用设施' },
  'v2026:M': { '01': '市容环境', '05': '街面秩序' },
};

/**
 * Working minutes per stage: verification and check run on the patrol calendar, the rest on the
 * office one. Normal limits other than handling are packages/domain's defaultStageLimits; urgent
 * ones are half of them.
 */
function timeLimits([handle, urgentHandle]: readonly [number, number]) {
  return {
    normal: { verify: 30, file: 30, dispatch: 30, handle, check: 30, close: 60 },
    urgent: { verify: 15, file: 15, dispatch: 15, handle: urgentHandle, check: 15, close: 30 },
  };
}

function categoryRow(version: 'v2013' | 'v2026', spec: CategorySpec): CategoryRow {
  const prefix = spec.code.slice(0, 1);
  const majorCode = spec.code.slice(1, 3);
  const majorName = majorNames[`${version}:${prefix}`]?.[majorCode];
  if (!majorName) throw new Error(`category ${spec.code}: unknown major class`);
  return {
    code: spec.code,
    catalogueVersion: version,
    kind: prefix === 'C' ? 'component' : 'event',
    majorCode,
    minorCode: spec.code.slice(3),
    majorName,
    name: spec.name,
    nameEn: spec.nameEn,
    filingCondition: spec.filing,
    closingCondition: spec.closing,
    timeLimits: timeLimits(spec.handle),
    defaultDepartmentCode: spec.department,
    city: spec.city ?? null,
    active: true,
  };
}

export const categories: CategoryRow[] = [
  ...[...componentsV2013, ...eventsV2013].map((spec) => categoryRow('v2013', spec)),
  ...[...componentsV2026, ...mattersV2026].map((spec) => categoryRow('v2026', spec)),
];
