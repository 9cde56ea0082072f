/**
 * Catalogue administration (分类目录管理): versions of the category catalogue, each a draft until it
 * is given the date it comes into force; the categories of a version not yet in force are created and
 * edited (codes of either code shape, names, 立案条件/结案条件, stage limits per urgency, the calendar
 * each stage counts on), and any category can be withdrawn (撤销). A category's code is what cases
 * keep, so it belongs to one version: a new version copied from a catalogue 2013 one takes the 2026
 * shape of its codes. Every change runs under the catalogue lock with its audit entry; the caller
 * publishes it (`catalogue`). The region's admins manage the national catalogue, a city's admin the
 * city's own categories (local classes 9x).
 */
import {
  type CatalogueVersionRecord,
  type CategoryQuestionsRecord,
  type CategoryRecord,
  type DbOrTx,
  findCatalogueVersion,
  findCategoryQuestions,
  findCategoryRecord,
  independentReads,
  insertCatalogueVersion,
  listCalendarCodesByCity,
  listCatalogueCategories,
  listVersionCategories,
  lockCatalogue,
  type NewCategoryRecord,
  saveCategoryQuestions,
  saveCategoryRecord,
  updateCatalogueVersion,
} from '@urbangrid/db';
import {
  type CatalogueVersion,
  CodeError,
  categoryCodeString,
  cityCodeString,
  parseCategoryCode,
  serviceQuestionsSchema,
  stages,
  widenCategoryCode,
} from '@urbangrid/domain';
import { z } from 'zod';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  validationFailed,
} from '../errors.js';
import { checkVersion } from './admin-changes.js';
import type { RecordChange } from './calendar-admin.js';

const workingMinutes = z.number().int().positive().max(525_600);
const stageMinutes = z.object({
  verify: workingMinutes,
  file: workingMinutes,
  dispatch: workingMinutes,
  handle: workingMinutes,
  check: workingMinutes,
  close: workingMinutes,
});

/** Working minutes per urgency and stage; an urgent case never has longer than a normal one. */
export const categoryTimeLimitsSchema = z
  .object({ normal: stageMinutes, urgent: stageMinutes })
  .superRefine((limits, context) => {
    for (const stage of stages) {
      if (limits.urgent[stage] > limits.normal[stage])
        context.addIssue({
          code: 'custom',
          path: ['urgent', stage],
          message: `the urgent ${stage} limit cannot be longer than the normal one`,
        });
    }
  });

/** A category as an admin writes it; kind and classes follow from the code. */
export const categoryFieldsSchema = z.object({
  majorName: z.string().trim().min(1).max(60).describe('大类名称'),
  name: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(120),
  filingCondition: z.string().trim().min(1).max(2000).describe('立案条件'),
  closingCondition: z.string().trim().min(1).max(2000).describe('结案条件'),
  timeLimits: categoryTimeLimitsSchema,
  stageCalendars: z
    .partialRecord(z.enum(stages), z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a calendar code'))
    .default({})
    .describe(
      "The calendar each stage counts on (e.g. verify: 'patrol'); a stage not named uses its default",
    ),
  defaultDepartmentCode: z.string().trim().min(1).max(40).nullable().default(null),
  city: cityCodeString
    .nullable()
    .default(null)
    .describe('The city of a local class (9x); null for a national category'),
});
export const categoryInputSchema = categoryFieldsSchema.extend({ code: categoryCodeString });
export type CategoryInput = z.input<typeof categoryInputSchema>;
type CategoryFields = z.output<typeof categoryInputSchema>;

/** Who makes the change: `reach` is the city their admin rights cover (null: the region); `today`
 * the latest local date of any city, or null to load history (the demo seed's past versions). */
export interface CatalogueEditor {
  reach: string | null;
  today: string | null;
}

/** Whether the version is in force on `today` (a draft or a later date is not). */
export function inForce(version: Pick<CatalogueVersionRecord, 'effectiveFrom'>, today: string | null) {
  return version.effectiveFrom !== null && (today === null || version.effectiveFrom <= today);
}

const codeVersion = (code: string): CatalogueVersion => parseCategoryCode(code).version;

function regionOnly(editor: CatalogueEditor, what: string): void {
  if (editor.reach !== null)
    throw new ForbiddenError(`${what} is for the region's admins; you administer city ${editor.reach}`);
}

async function versionOf(db: DbOrTx, version: string): Promise<CatalogueVersionRecord> {
  const found = await findCatalogueVersion(db, version);
  if (found === null) throw new NotFoundError(`catalogue version ${version} does not exist`);
  return found;
}

function notInForce(version: CatalogueVersionRecord, editor: CatalogueEditor): void {
  if (inForce(version, editor.today))
    throw new ConflictError(
      `catalogue version ${version.version} is in force since ${version.effectiveFrom}: its categories ` +
        'are kept as cases were filed under them (withdraw one, or make a new version)',
    );
}

/**
 * Every problem of the categories a version is to hold: one code shape per version, a local class
 * with its city and a national one without, stage calendars every city of the category has, and
 * codes not belonging to another version.
 */
async function categoryProblems(
  db: DbOrTx,
  version: string,
  shape: CatalogueVersion | undefined,
  input: readonly CategoryFields[],
  path: (index: number) => string,
): Promise<FieldError[]> {
  const [calendarsByCity, all] = await independentReads(db, [
    () => listCalendarCodesByCity(db),
    () => listCatalogueCategories(db),
  ]);
  const owner = new Map(all.map((c) => [c.code, c.catalogueVersion]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  let expected = shape;
  input.forEach((category, index) => {
    const bad = (field: string, message: string) =>
      errors.push({ in: 'body', path: `${path(index)}${field}`, message: `${category.code}: ${message}` });
    const code = parseCategoryCode(category.code);
    expected ??= code.version;
    if (code.version !== expected)
      bad('code', `version ${version} holds catalogue ${expected} codes, this is a ${code.version} code`);
    if (seen.has(category.code)) bad('code', 'named twice');
    seen.add(category.code);
    const other = owner.get(category.code);
    if (other !== undefined && other !== version) bad('code', `belongs to catalogue version ${other}`);
    if (code.local && category.city === null) bad('city', 'a local class (9x) belongs to one city');
    if (!code.local && category.city !== null) bad('city', 'only a local class (9x) belongs to one city');
    if (category.city !== null && !calendarsByCity.has(category.city))
      bad('city', `no city ${category.city}`);
    const cities = category.city === null ? [...calendarsByCity.keys()] : [category.city];
    for (const [stage, calendar] of Object.entries(category.stageCalendars)) {
      const lacking = cities.filter((city) => !calendarsByCity.get(city)?.has(calendar));
      if (lacking.length > 0)
        bad(`stageCalendars.${stage}`, `no calendar '${calendar}' in city ${lacking.join(', ')}`);
    }
  });
  return errors;
}

function recordOf(version: string, category: CategoryFields, active = true): NewCategoryRecord {
  const code = parseCategoryCode(category.code);
  return {
    ...category,
    catalogueVersion: version,
    kind: code.kind,
    majorCode: code.major,
    minorCode: code.minor,
    active,
  };
}

const categoryState = ({ catalogueVersion: _v, ...rest }: CategoryRecord) => rest;

export interface NewCatalogueVersion {
  version: string;
  name: string;
  nameEn: string;
  /** In force from this day; a draft without. */
  effectiveFrom?: string | null;
  /** A version whose categories (not withdrawn) the new one starts with, in the 2026 code shape. */
  copyOf?: string;
  /** Categories of the new version (over the copied ones with the same code). */
  categories?: readonly CategoryInput[];
}

/**
 * Creates a version with its categories. A copied category whose code another version has already
 * is left out and named in `skipped`. 409 when the version exists.
 */
export async function createCatalogueVersion(
  db: DbOrTx,
  record: RecordChange,
  input: NewCatalogueVersion,
  editor: CatalogueEditor,
): Promise<{ version: CatalogueVersionRecord; categories: CategoryRecord[]; skipped: string[] }> {
  regionOnly(editor, 'a new catalogue version');
  const given = z.array(categoryInputSchema).parse(input.categories ?? []);
  if (input.effectiveFrom && editor.today !== null && input.effectiveFrom < editor.today)
    throw validationFailed(`a new version cannot come into force before today (${editor.today})`, [
      { in: 'body', path: 'effectiveFrom', message: `before today (${editor.today})` },
    ]);
  return db.transaction(async (tx) => {
    await lockCatalogue(tx);
    if ((await findCatalogueVersion(tx, input.version)) !== null)
      throw new ConflictError(`catalogue version ${input.version} exists already`);
    const { copied, skipped } = await copiedCategories(tx, input.copyOf, input.version);
    const byCode = new Map(copied.map((c) => [c.code, c]));
    for (const category of given) byCode.set(category.code, category);
    const categories = [...byCode.values()];
    const errors = await categoryProblems(tx, input.version, undefined, categories, (i) => {
      const index = given.indexOf(categories[i] as CategoryFields);
      return index < 0 ? `copyOf[${categories[i]?.code}].` : `categories.${index}.`;
    });
    if (errors.length > 0) throw validationFailed(`${errors.length} problem(s) in the categories`, errors);
    if (categories.length === 0 && input.effectiveFrom)
      throw validationFailed('a version without categories cannot come into force', [
        { in: 'body', path: 'categories', message: 'empty' },
      ]);
    const version = await insertCatalogueVersion(tx, {
      version: input.version,
      name: input.name,
      nameEn: input.nameEn,
      active: true,
      effectiveFrom: input.effectiveFrom ?? null,
    });
    if (version === null) throw new ConflictError(`catalogue version ${input.version} exists already`);
    const saved: CategoryRecord[] = [];
    for (const category of categories)
      saved.push(await saveCategoryRecord(tx, recordOf(version.version, category)));
    await record(tx, {
      city: null,
      entity: 'catalogue_version',
      entityKey: version.version,
      action: 'create',
      before: null,
      after: { ...version, copyOf: input.copyOf ?? null, categories: saved.map(categoryState), skipped },
    });
    return { version, categories: saved, skipped };
  });
}

/** The categories of `copyOf` not withdrawn, with their codes widened; those taken already skipped. */
async function copiedCategories(tx: DbOrTx, copyOf: string | undefined, into: string) {
  if (copyOf === undefined) return { copied: [], skipped: [] };
  await versionOf(tx, copyOf);
  const source = (await listVersionCategories(tx, copyOf)).filter((c) => c.active);
  const taken = new Map((await listCatalogueCategories(tx)).map((c) => [c.code, c.catalogueVersion]));
  const copied: CategoryFields[] = [];
  const skipped: string[] = [];
  for (const category of source) {
    let code: string;
    try {
      code = widenCategoryCode(category.code);
    } catch (error) {
      if (!(error instanceof CodeError)) throw error;
      throw validationFailed(
        `version ${copyOf} has catalogue 2026 codes, which a copy cannot take again: name the new version's categories with codes of their own`,
        [{ in: 'body', path: 'copyOf', message: error.message }],
      );
    }
    if (taken.has(code) && taken.get(code) !== into) {
      skipped.push(code);
      continue;
    }
    copied.push(
      categoryInputSchema.parse({
        ...category,
        code,
        stageCalendars: category.stageCalendars ?? {},
      }),
    );
  }
  return { copied, skipped };
}

export interface CategoryEdit {
  version: string;
  category: CategoryInput;
  /** The category's version the editor saw (If-Match); stale answers 409. */
  expectedVersion?: number;
}

/**
 * Creates or replaces a category of a version not in force yet; the region's admins any, a city's
 * admin their city's local classes. Whether it was new, and the stored row.
 */
export async function saveCategory(
  db: DbOrTx,
  record: RecordChange,
  edit: CategoryEdit,
  editor: CatalogueEditor,
): Promise<{ created: boolean; category: CategoryRecord }> {
  const category = categoryInputSchema.parse(edit.category);
  if (editor.reach !== null && category.city !== editor.reach)
    throw new ForbiddenError(
      `you administer city ${editor.reach}: only its local classes (9x with city ${editor.reach})`,
    );
  return db.transaction(async (tx) => {
    await lockCatalogue(tx);
    const version = await versionOf(tx, edit.version);
    notInForce(version, editor);
    const siblings = (await listVersionCategories(tx, edit.version)).filter((c) => c.code !== category.code);
    const shape = siblings[0] === undefined ? undefined : codeVersion(siblings[0].code);
    const errors = await categoryProblems(tx, edit.version, shape, [category], () => '');
    if (errors.length > 0) throw validationFailed(errors.map((e) => e.message).join('; '), errors);
    const before = await findCategoryRecord(tx, category.code);
    if (before !== null && editor.reach !== null && before.city !== editor.reach)
      throw new ForbiddenError(`category ${category.code} is not a local class of city ${editor.reach}`);
    checkVersion(before?.version ?? null, edit.expectedVersion, `category ${category.code}`);
    const after = await saveCategoryRecord(tx, recordOf(edit.version, category, before?.active ?? true));
    await record(tx, {
      city: after.city,
      entity: 'category',
      entityKey: after.code,
      action: before === null ? 'create' : 'update',
      before: before === null ? null : categoryState(before),
      after: categoryState(after),
    });
    return { created: before === null, category: after };
  });
}

export interface VersionEdit {
  version: string;
  name?: string;
  nameEn?: string;
  /** The day it comes into force; null makes it a draft again. Only while it is not in force. */
  effectiveFrom?: string | null;
  /** The revision the editor saw (If-Match); stale answers 409. */
  expectedRevision?: number;
}

/** Renames a version, or sets (or clears) the day it comes into force while it is not in force. */
export async function editCatalogueVersion(
  db: DbOrTx,
  record: RecordChange,
  edit: VersionEdit,
  editor: CatalogueEditor,
): Promise<CatalogueVersionRecord> {
  regionOnly(editor, 'a catalogue version');
  return db.transaction(async (tx) => {
    await lockCatalogue(tx);
    const before = await versionOf(tx, edit.version);
    checkVersion(before.revision, edit.expectedRevision, `catalogue version ${edit.version}`);
    const change: Partial<Pick<CatalogueVersionRecord, 'name' | 'nameEn' | 'effectiveFrom'>> = {};
    if (edit.name !== undefined) change.name = edit.name;
    if (edit.nameEn !== undefined) change.nameEn = edit.nameEn;
    if (edit.effectiveFrom !== undefined && edit.effectiveFrom !== before.effectiveFrom) {
      notInForce(before, editor);
      if (edit.effectiveFrom !== null) {
        if (editor.today !== null && edit.effectiveFrom < editor.today)
          throw validationFailed(`a version cannot come into force before today (${editor.today})`, [
            { in: 'body', path: 'effectiveFrom', message: `before today (${editor.today})` },
          ]);
        const active = (await listVersionCategories(tx, edit.version)).filter((c) => c.active);
        if (active.length === 0)
          throw validationFailed('a version without categories cannot come into force', [
            { in: 'body', path: 'effectiveFrom', message: `version ${edit.version} has no categories` },
          ]);
      }
      change.effectiveFrom = edit.effectiveFrom;
    }
    const after = await updateCatalogueVersion(tx, edit.version, change);
    await record(tx, {
      city: null,
      entity: 'catalogue_version',
      entityKey: edit.version,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

export interface CategoryWithdrawal {
  version: string;
  code: string;
  expectedVersion?: number;
}

/**
 * Withdraws a category (撤销): no new report or filing names it from now on, cases filed under it
 * keep it. 409 when stale or withdrawn already.
 */
export async function withdrawCategory(
  db: DbOrTx,
  record: RecordChange,
  edit: CategoryWithdrawal,
  editor: CatalogueEditor,
): Promise<CategoryRecord> {
  return db.transaction(async (tx) => {
    await lockCatalogue(tx);
    const before = await findCategoryRecord(tx, edit.code);
    if (before === null || before.catalogueVersion !== edit.version)
      throw new NotFoundError(`catalogue version ${edit.version} has no category ${edit.code}`);
    if (editor.reach !== null && before.city !== editor.reach)
      throw new ForbiddenError(`category ${edit.code} is not a local class of city ${editor.reach}`);
    checkVersion(before.version, edit.expectedVersion, `category ${edit.code}`);
    if (!before.active) throw new ConflictError(`category ${edit.code} is withdrawn already`);
    const { version: _v, ...fields } = before;
    const after = await saveCategoryRecord(tx, { ...fields, active: false });
    await record(tx, {
      city: after.city,
      entity: 'category',
      entityKey: after.code,
      action: 'withdraw',
      before: categoryState(before),
      after: categoryState(after),
    });
    return after;
  });
}

/** Whether a category is visible to an editor: national ones and their own city's. */
export const visibleTo = (editor: Pick<CatalogueEditor, 'reach'>, category: CategoryRecord) =>
  editor.reach === null || category.city === null || category.city === editor.reach;

export interface QuestionsEdit {
  version: string;
  code: string;
  city: string;
  questions: unknown;
  /** The version of the city's questions the editor saw (If-Match; 0 while it has none); stale answers 409. */
  expectedVersion?: number;
}

/**
 * Writes the questions (追问) a category asks in a city, its Open311 service definition: the city's
 * admin for their city, a region admin for any. Any category of the version the city may use (a
 * national one, or the city's own local class), in force or not — the questions are not part of
 * what a filed case keeps, each case keeps its own answers. 404 unknown, 403 out of reach, 409
 * stale or withdrawn; audited with the questions before and after.
 */
export async function saveServiceQuestions(
  db: DbOrTx,
  record: RecordChange,
  edit: QuestionsEdit,
  editor: CatalogueEditor,
): Promise<CategoryQuestionsRecord> {
  const parsed = serviceQuestionsSchema.safeParse(edit.questions);
  if (!parsed.success)
    throw validationFailed(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      parsed.error.issues.map((issue) => ({
        in: 'body',
        path: ['questions', ...issue.path].join('.'),
        message: issue.message,
      })),
    );
  if (editor.reach !== null && edit.city !== editor.reach)
    throw new ForbiddenError(`you administer city ${editor.reach}, not ${edit.city}`);
  return db.transaction(async (tx) => {
    await lockCatalogue(tx);
    const category = await findCategoryRecord(tx, edit.code);
    if (category === null || category.catalogueVersion !== edit.version)
      throw new NotFoundError(`catalogue version ${edit.version} has no category ${edit.code}`);
    if (category.city !== null && category.city !== edit.city)
      throw new ForbiddenError(`category ${edit.code} is a local class of city ${category.city}`);
    if (!category.active) throw new ConflictError(`category ${edit.code} is withdrawn`);
    const before = await findCategoryQuestions(tx, edit.code, edit.city, { forUpdate: true });
    checkVersion(before?.version ?? 0, edit.expectedVersion, `the questions of ${edit.code} in ${edit.city}`);
    const after = await saveCategoryQuestions(tx, {
      categoryCode: edit.code,
      city: edit.city,
      questions: parsed.data,
    });
    await record(tx, {
      city: edit.city,
      entity: 'category_questions',
      entityKey: `${edit.code}@${edit.city}`,
      action: before === null ? 'create' : 'update',
      before: before?.questions ?? null,
      after: after.questions,
    });
    return after;
  });
}
