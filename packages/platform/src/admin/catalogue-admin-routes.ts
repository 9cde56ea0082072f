/**
 * `/api/admin/catalogues…` (分类目录管理): the catalogue's versions, a new one (a copy of another, or
 * from the body's categories), its categories edited while it is not in force, the day it comes into
 * force, and a category withdrawn. Edits carry If-Match (409 when stale); each change is audited and
 * published (`catalogue`), so every process's reports and filings follow within seconds.
 */
import {
  type CatalogueVersionRecord,
  type CategoryRecord,
  listCatalogueCategories,
  listCatalogueVersions,
  listCityQuestions,
} from '@urbangrid/db';
import { categoryCodeString, cityCodeString, serviceQuestionSchema } from '@urbangrid/domain';
import type { FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { RouteAccess } from '../auth/route-access.js';
import { NotFoundError, validationFailed } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';
import { changeRecorder, etagOf, expectedVersionOf, ifMatchHeaders, publishChange } from './admin-changes.js';
import { administeredCity } from './admin-scope.js';
import {
  type CatalogueEditor,
  categoryFieldsSchema,
  categoryInputSchema,
  createCatalogueVersion,
  editCatalogueVersion,
  inForce,
  saveCategory,
  saveServiceQuestions,
  visibleTo,
  withdrawCategory,
} from './catalogue-admin.js';

const admins: RouteAccess = { roles: ['admin'] };
const tags = ['admin'];
const versionId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,23}$/, 'a version id such as v2027: lower-case letters, digits and -');
const versionParams = z.object({ version: versionId });
const categoryParams = versionParams.extend({ code: categoryCodeString });

const versionView = z
  .object({
    version: z.string(),
    name: z.string(),
    nameEn: z.string(),
    effectiveFrom: z.string().nullable().describe('The day it comes into force; null for a draft'),
    inForce: z.boolean(),
    revision: z.number().int().describe('The ETag an edit names in If-Match'),
    categories: z.number().int(),
    withdrawn: z.number().int(),
  })
  .meta({ id: 'CatalogueVersion' });

const categoryView = categoryFieldsSchema
  .extend({
    code: z.string(),
    catalogueVersion: z.string(),
    kind: z.enum(['component', 'event']),
    majorCode: z.string(),
    minorCode: z.string(),
    stageCalendars: z.record(z.string(), z.string()),
    timeLimits: z.record(z.string(), z.record(z.string(), z.number())),
    active: z.boolean().describe('False once withdrawn (撤销)'),
    version: z.number().int().describe('The ETag an edit names in If-Match'),
  })
  .meta({ id: 'CatalogueCategory' });

/** A stored category as answered: its limits and calendars as written (validated when saved). */
const categoryOut = (category: CategoryRecord) => ({
  ...category,
  timeLimits: category.timeLimits as Record<string, Record<string, number>>,
  stageCalendars: category.stageCalendars as Record<string, string>,
});

const questionsView = z
  .object({
    categoryCode: z.string(),
    city: z.string(),
    questions: z.array(serviceQuestionSchema),
    version: z.number().int().describe('The ETag an edit names in If-Match (0: none written yet)'),
  })
  .meta({ id: 'CategoryQuestions' });
const questionsOut = (row: { categoryCode: string; city: string; questions: unknown; version: number }) => ({
  ...row,
  questions: row.questions as z.infer<typeof serviceQuestionSchema>[],
});
const cityQuery = z.object({
  city: cityCodeString.optional().describe("The city whose questions; default the admin's own"),
});

const versionFields = {
  name: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(200),
};
const effectiveFrom = z.iso.date().nullable().describe('The first day (local date) new reports may use it');

export const catalogueAdminRoutes: ServicePlugin = async (app) => {
  /** The latest local date of any city: a version dated after it is in force nowhere yet. */
  const today = async () => {
    const dates = (await app.reference.cities()).map(
      (city) => DateTime.now().setZone(city.timeZone).toISODate() ?? '',
    );
    return dates.length === 0 ? (DateTime.utc().toISODate() ?? '') : (dates.sort().at(-1) ?? '');
  };
  /** The audit recorder of the request's admin, and what they may edit (their reach, today). */
  const editorOf = async (request: FastifyRequest) => {
    const { actor, record } = changeRecorder(request);
    const editor: CatalogueEditor = { reach: actor.city, today: await today() };
    return { record, editor };
  };
  const viewOf = (version: CatalogueVersionRecord, categories: readonly CategoryRecord[], day: string) => {
    const own = categories.filter((c) => c.catalogueVersion === version.version);
    return {
      version: version.version,
      name: version.name,
      nameEn: version.nameEn,
      effectiveFrom: version.effectiveFrom,
      inForce: inForce(version, day),
      revision: version.revision,
      categories: own.length,
      withdrawn: own.filter((c) => !c.active).length,
    };
  };
  const published = () => publishChange(app, { parts: ['catalogue'] });
  /** The city whose questions are read or written: the one asked (in the admin's reach), else their own. */
  const questionsCity = async (request: FastifyRequest, asked: string | undefined) => {
    const { actor } = changeRecorder(request);
    const city = asked ?? actor.city;
    if (city === null) {
      const message = 'a region admin names the city (?city=)';
      throw validationFailed(message, [{ in: 'querystring', path: 'city', message }]);
    }
    await administeredCity(actor, city, app.reference);
    return city;
  };

  app.get(
    '/catalogues',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'The catalogue versions, with the day each comes into force',
        response: { 200: z.object({ today: z.string(), versions: z.array(versionView) }) },
      },
    },
    async (request) => {
      const { editor } = await editorOf(request);
      const [versions, categories] = await Promise.all([
        listCatalogueVersions(app.db),
        listCatalogueCategories(app.db),
      ]);
      const visible = categories.filter((c) => visibleTo(editor, c));
      const day = editor.today ?? '';
      return { today: day, versions: versions.map((v) => viewOf(v, visible, day)) };
    },
  );

  app.get(
    '/catalogues/:version',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "A version and its categories (a city's admin: national ones and the city's own)",
        params: versionParams,
        response: { 200: z.object({ version: versionView, categories: z.array(categoryView) }) },
      },
    },
    async (request, reply) => {
      const { editor } = await editorOf(request);
      const versions = await listCatalogueVersions(app.db);
      const version = versions.find((v) => v.version === request.params.version);
      if (version === undefined)
        throw new NotFoundError(`catalogue version ${request.params.version} does not exist`);
      const categories = (await listCatalogueCategories(app.db)).filter(
        (c) => c.catalogueVersion === version.version && visibleTo(editor, c),
      );
      reply.header('etag', etagOf(version.revision));
      return {
        version: viewOf(version, categories, editor.today ?? ''),
        categories: categories.map(categoryOut),
      };
    },
  );

  app.post(
    '/catalogues',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'A new catalogue version (region admins): a copy of another, or the categories given',
        description:
          '`copyOf` starts the version with the categories of another one that are not withdrawn, their ' +
          'codes in the 2026 shape (C0101 → C01001, E0505 → M05005): a code is what cases keep, so it ' +
          'belongs to one version, and a copied code another version has already is left out (`skipped`). ' +
          '`categories` add to (or replace) the copied ones. Without `effectiveFrom` the version is a draft.',
        body: z.object({
          version: versionId,
          ...versionFields,
          effectiveFrom: effectiveFrom.optional(),
          copyOf: versionId.optional(),
          categories: z.array(categoryInputSchema).max(2000).optional(),
        }),
        response: {
          201: z.object({
            version: versionView,
            categories: z.array(categoryView),
            skipped: z.array(z.string()).describe('Copied codes another version has already'),
          }),
        },
      },
    },
    async (request, reply) => {
      const { record, editor } = await editorOf(request);
      const { version: id, name, nameEn, effectiveFrom: from, copyOf, categories } = request.body;
      const created = await createCatalogueVersion(
        app.db,
        record,
        {
          version: id,
          name,
          nameEn,
          ...(from === undefined ? {} : { effectiveFrom: from }),
          ...(copyOf === undefined ? {} : { copyOf }),
          ...(categories === undefined ? {} : { categories }),
        },
        editor,
      );
      await published();
      reply.code(201).header('etag', etagOf(created.version.revision));
      return {
        version: viewOf(created.version, created.categories, editor.today ?? ''),
        categories: created.categories.map(categoryOut),
        skipped: created.skipped,
      };
    },
  );

  app.patch(
    '/catalogues/:version',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Renames a version, or sets the day it comes into force (null: a draft again)',
        description:
          'The day can be set or cleared only while the version is not in force, and not before today.',
        params: versionParams,
        headers: ifMatchHeaders,
        body: z.object({
          name: versionFields.name.optional(),
          nameEn: versionFields.nameEn.optional(),
          effectiveFrom: effectiveFrom.optional(),
        }),
        response: { 200: versionView },
      },
    },
    async (request, reply) => {
      const { record, editor } = await editorOf(request);
      // A version's If-Match names its revision.
      const { expectedVersion: expectedRevision } = expectedVersionOf(request);
      const { name, nameEn, effectiveFrom: from } = request.body;
      const version = await editCatalogueVersion(
        app.db,
        record,
        {
          version: request.params.version,
          ...(name === undefined ? {} : { name }),
          ...(nameEn === undefined ? {} : { nameEn }),
          ...(from === undefined ? {} : { effectiveFrom: from }),
          ...(expectedRevision === undefined ? {} : { expectedRevision }),
        },
        editor,
      );
      await published();
      reply.header('etag', etagOf(version.revision));
      const categories = await listCatalogueCategories(app.db);
      return viewOf(version, categories, editor.today ?? '');
    },
  );

  app.put(
    '/catalogues/:version/categories/:code',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Creates or replaces a category of a version not in force yet',
        description:
          "Region admins any category, a city's admin the city's local classes (9x). The kind and the " +
          'major and minor classes follow from the code; one version holds codes of one shape (2013 or 2026).',
        params: categoryParams,
        headers: ifMatchHeaders,
        body: categoryFieldsSchema,
        response: { 200: categoryView, 201: categoryView },
      },
    },
    async (request, reply) => {
      const { record, editor } = await editorOf(request);
      const { created, category } = await saveCategory(
        app.db,
        record,
        {
          version: request.params.version,
          category: { ...request.body, code: request.params.code },
          ...expectedVersionOf(request),
        },
        editor,
      );
      await published();
      reply.code(created ? 201 : 200).header('etag', etagOf(category.version));
      return categoryOut(category);
    },
  );

  app.get(
    '/catalogues/:version/questions',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "A city's questions (追问) of the version's categories: Open311's service definitions",
        params: versionParams,
        querystring: cityQuery,
        response: { 200: z.object({ city: z.string(), items: z.array(questionsView) }) },
      },
    },
    async (request) => {
      const city = await questionsCity(request, request.query.city);
      const codes = (await listCatalogueCategories(app.db))
        .filter((c) => c.catalogueVersion === request.params.version)
        .map((c) => c.code);
      return { city, items: (await listCityQuestions(app.db, city, codes)).map(questionsOut) };
    },
  );

  app.put(
    '/catalogues/:version/categories/:code/questions',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Sets the questions a category asks in a city (its Open311 service definition attributes)',
        description:
          "A city's admin for their city, a region admin for the city named (?city=). Each question is a " +
          'GeoReport v2 attribute: code, datatype (string, number, datetime, text, singlevaluelist, ' +
          'multivaluelist), required, order, the question in Chinese and English, and a list’s values ' +
          '(key, name, nameEn). An empty list asks nothing (metadata false). If-Match names the version ' +
          'seen (0 before any); stale answers 409. Recorded in the admin audit log (category_questions).',
        params: categoryParams,
        querystring: cityQuery,
        headers: ifMatchHeaders,
        body: z.object({ questions: z.array(serviceQuestionSchema).max(20) }),
        response: { 200: questionsView },
      },
    },
    async (request, reply) => {
      const city = await questionsCity(request, request.query.city);
      const { record, editor } = await editorOf(request);
      const saved = await saveServiceQuestions(
        app.db,
        record,
        {
          version: request.params.version,
          code: request.params.code,
          city,
          questions: request.body.questions,
          ...expectedVersionOf(request),
        },
        editor,
      );
      reply.header('etag', etagOf(saved.version));
      return questionsOut(saved);
    },
  );

  app.post(
    '/catalogues/:version/categories/:code/withdraw',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Withdraws a category (撤销): no new report or filing names it, filed cases keep it',
        params: categoryParams,
        headers: ifMatchHeaders,
        response: { 200: categoryView },
      },
    },
    async (request, reply) => {
      const { record, editor } = await editorOf(request);
      const category = await withdrawCategory(
        app.db,
        record,
        {
          version: request.params.version,
          code: request.params.code,
          ...expectedVersionOf(request),
        },
        editor,
      );
      await published();
      reply.header('etag', etagOf(category.version));
      return categoryOut(category);
    },
  );
};
