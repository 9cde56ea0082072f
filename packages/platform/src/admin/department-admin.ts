/**
 * Department administration (部门管理): a city's departments (专业部门) with their codes, names in
 * Chinese and English, the department above them and a contact; created, edited (version-checked)
 * and retired from a date once nothing leans on them (no department in service under them, no
 * matrix cell naming them). Each change runs under the city's department lock with its audit entry
 * (the contact's telephone masked); the caller publishes it (`departments`). The demo seed creates
 * its departments through `createDepartment` as well.
 */
import { randomUUID } from 'node:crypto';
import {
  type DbOrTx,
  type DepartmentChange,
  type DepartmentRow,
  departmentDependants,
  findDepartmentByCode,
  findDepartmentRecord,
  insertDepartment,
  lockCityDepartments,
  updateDepartment,
} from '@urbangrid/db';
import { ConflictError, ForbiddenError, NotFoundError, validationFailed } from '../errors.js';
import { maskPhone } from '../personal-data/phone.js';
import { changeStoredRecord, refuseRetired } from './admin-changes.js';
import type { RecordChange } from './calendar-admin.js';

/** What an admin sets of a department. */
export interface DepartmentFields {
  code: string;
  name: string;
  nameEn: string;
  /** The department above it (same city, in service), or null for a top one. */
  parentId: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

export interface NewDepartment extends DepartmentFields {
  city: string;
  /** A fixed id (the demo seed's); else one is made. */
  id?: string;
  /** The calendar its handling clock runs on; `office` unless named. */
  calendarCode?: string;
}

/** What the audit log keeps of a department: the contact's telephone masked. */
export const departmentState = (row: DepartmentRow) => ({
  id: row.id,
  city: row.city,
  code: row.code,
  name: row.name,
  nameEn: row.nameEn,
  parentId: row.parentId,
  contactName: row.contactName,
  contactPhone: row.contactPhone === null ? null : maskPhone(row.contactPhone),
  retiredOn: row.retiredOn,
  version: row.version,
});

const bodyProblem = (path: string, message: string) =>
  validationFailed(message, [{ in: 'body', path, message }]);

async function checkCodeFree(tx: DbOrTx, city: string, code: string, id?: string): Promise<void> {
  const holder = await findDepartmentByCode(tx, city, code);
  if (holder !== null && holder.id !== id)
    throw new ConflictError(`city ${city} has a department with the code ${code} already`);
}

/** The parent must be a department in service of the same city, and not the department or under it. */
async function checkParent(tx: DbOrTx, city: string, parentId: string | null, id?: string): Promise<void> {
  if (parentId === null) return;
  const seen = new Set<string>();
  for (let at: string | null = parentId; at !== null; ) {
    if (at === id) throw bodyProblem('parentId', `department ${parentId} is under ${id}: no cycles`);
    if (seen.has(at)) break;
    seen.add(at);
    const row = await findDepartmentRecord(tx, at);
    if (row === null || row.city !== city)
      throw bodyProblem('parentId', `no department ${at} in city ${city}`);
    if (at === parentId && row.retiredOn !== null)
      throw bodyProblem('parentId', `department ${parentId} is retired (from ${row.retiredOn})`);
    at = row.parentId;
  }
}

export async function createDepartment(
  db: DbOrTx,
  record: RecordChange,
  input: NewDepartment,
): Promise<DepartmentRow> {
  return db.transaction(async (tx) => {
    await lockCityDepartments(tx, input.city);
    await checkCodeFree(tx, input.city, input.code);
    await checkParent(tx, input.city, input.parentId);
    const created = await insertDepartment(tx, {
      id: input.id ?? `dept-${randomUUID()}`,
      city: input.city,
      code: input.code,
      name: input.name,
      nameEn: input.nameEn,
      parentId: input.parentId,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      calendarCode: input.calendarCode ?? 'office',
    });
    if (created === null) throw new ConflictError(`department ${input.id} exists already`);
    await record(tx, {
      city: input.city,
      entity: 'department',
      entityKey: created.id,
      action: 'create',
      before: null,
      after: departmentState(created),
    });
    return created;
  });
}

export interface DepartmentEdit {
  id: string;
  /** The cities the admin manages. */
  cities: readonly string[] | 'all';
  /** The version the editor saw (If-Match); stale answers 409. */
  expectedVersion?: number;
}

/** One change of a department under its city's lock, version-checked and audited. */
async function changeDepartment(
  db: DbOrTx,
  record: RecordChange,
  edit: DepartmentEdit,
  action: 'update' | 'retire',
  change: (tx: DbOrTx, before: DepartmentRow) => Promise<DepartmentChange>,
): Promise<DepartmentRow> {
  const found = await findDepartmentRecord(db, edit.id);
  if (found === null) throw new NotFoundError(`department ${edit.id} does not exist`);
  if (edit.cities !== 'all' && !edit.cities.includes(found.city))
    throw new ForbiddenError(`department ${edit.id} belongs to city ${found.city}`);
  return db.transaction(async (tx) => {
    await lockCityDepartments(tx, found.city);
    return changeStoredRecord(tx, record, {
      what: `department ${edit.id}`,
      entity: 'department',
      entityKey: edit.id,
      action,
      ...(edit.expectedVersion === undefined ? {} : { expectedVersion: edit.expectedVersion }),
      find: (tx) => findDepartmentRecord(tx, edit.id, { forUpdate: true }),
      cityOf: (department) => department.city,
      state: departmentState,
      apply: async (tx, before) => {
        refuseRetired(`department ${edit.id}`, before.retiredOn);
        return updateDepartment(tx, edit.id, await change(tx, before));
      },
    });
  });
}

/** Changes a department's code, names, parent and contact. */
export const editDepartment = (
  db: DbOrTx,
  record: RecordChange,
  edit: DepartmentEdit & { fields: DepartmentFields },
) =>
  changeDepartment(db, record, edit, 'update', async (tx, before) => {
    await checkCodeFree(tx, before.city, edit.fields.code, before.id);
    await checkParent(tx, before.city, edit.fields.parentId, before.id);
    return edit.fields;
  });

/**
 * Retires a department from a date (撤销): refused (409) while a department in service sits under
 * it or the responsibility matrix names it — move those first, so no case is sent to it.
 */
export const retireDepartment = (
  db: DbOrTx,
  record: RecordChange,
  edit: DepartmentEdit & { retiredOn: string },
) =>
  changeDepartment(db, record, edit, 'retire', async (tx, before) => {
    const { children, matrixCells } = await departmentDependants(tx, before.id);
    if (children > 0)
      throw new ConflictError(`department ${before.code} has ${children} department(s) in service under it`);
    if (matrixCells > 0)
      throw new ConflictError(
        `the responsibility matrix names department ${before.code} in ${matrixCells} cell(s): reassign them first`,
      );
    return { retiredOn: edit.retiredOn };
  });
