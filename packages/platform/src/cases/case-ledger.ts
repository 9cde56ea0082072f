/**
 * The case ledger (案件台账) as an export table: the same cases as the search, with Chinese headers
 * and names in place of codes and ids (category, district, grid and department with their codes
 * beside them, the assignee by display name). No reporter's name or phone: a ledger travels; it
 * says only whether the reporter's data was erased (the retention period).
 */
import type { CaseLedgerRow } from '@urbangrid/db';
import { caseNames, type Light } from '@urbangrid/domain';
import type { ExportTable } from '../exports/table-export.js';

const { states: stateNames, sources: sourceNames, urgency: urgencyNames } = caseNames['zh-CN'];
const lightNames: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

const columns = [
  { key: 'caseNo', header: '案件编号' },
  { key: 'createdAt', header: '上报时间' },
  { key: 'source', header: '来源' },
  { key: 'category', header: '案件类别' },
  { key: 'urgency', header: '紧急程度' },
  { key: 'state', header: '案件状态' },
  { key: 'description', header: '问题描述' },
  { key: 'address', header: '地址' },
  { key: 'district', header: '所属区' },
  { key: 'grid', header: '单元网格' },
  { key: 'department', header: '处置部门' },
  { key: 'assignee', header: '当前处理人' },
  { key: 'light', header: '时限' },
  { key: 'returnCount', header: '回退次数' },
  { key: 'reworkCount', header: '返工次数' },
  { key: 'closedAt', header: '结案时间' },
  { key: 'reporterData', header: '反映人信息' },
] as const;

/** "name (code)", the name alone when the code says nothing more, the code when no name is known. */
export function nameWithCode(name: string | null, code: string | null): string {
  if (code === null) return name ?? '';
  return name === null ? code : `${name}（${code}）`;
}

const pick = (names: Record<string, string>, value: string): string => names[value] ?? value;

/** Local time 'YYYY-MM-DD HH:mm' in the city's zone (sv-SE writes dates that way). */
function localTime(timeZone: string) {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (at: Date | null) => (at === null ? '' : format.format(at));
}

export function caseLedgerTable(
  rows: readonly CaseLedgerRow[],
  options: { title: string; timeZone: string },
): ExportTable {
  const time = localTime(options.timeZone);
  return {
    title: options.title,
    columns,
    rows: rows.map((row) => ({
      caseNo: row.caseNo,
      createdAt: time(row.createdAt),
      source: pick(sourceNames, row.source),
      category: nameWithCode(row.categoryName, row.categoryCode),
      urgency: pick(urgencyNames, row.urgency),
      state: pick(stateNames, row.state),
      description: row.description,
      address: row.address ?? '',
      district: nameWithCode(row.districtName, row.districtCode),
      grid: nameWithCode(row.gridName, row.gridCode),
      department: row.departmentCode === null ? '' : nameWithCode(row.departmentName, row.departmentCode),
      assignee: row.assignee === null ? '' : (row.assigneeName ?? row.assignee),
      light: pick(lightNames, row.light),
      returnCount: row.returnCount,
      reworkCount: row.reworkCount,
      closedAt: time(row.closedAt),
      // The ledger never carries the reporter's data; it says when that data is gone for good.
      reporterData: row.reporterErasedAt === null ? '' : `已于${time(row.reporterErasedAt)}按保存期限删除`,
    })),
  };
}
