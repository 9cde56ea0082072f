/**
 * The admin screen's catalogue and matrix tabs against a stand-in backend: what they show, what they
 * send (the version each edit was made on as If-Match) and how a refusal reaches the admin.
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type Call, fakeApi, problem } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import AdminView from './AdminView.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const limits = {
  normal: { verify: 30, file: 30, dispatch: 30, handle: 240, check: 30, close: 60 },
  urgent: { verify: 15, file: 15, dispatch: 15, handle: 120, check: 15, close: 30 },
};
const category = (code: string, more: Record<string, unknown> = {}) => ({
  code,
  catalogueVersion: 'v2027',
  kind: 'component',
  majorCode: '01',
  minorCode: code.slice(3),
  majorName: '公用设施',
  name: '上水井盖',
  nameEn: 'Water manhole cover',
  filingCondition: '井盖缺失、破损',
  closingCondition: '井盖已补齐',
  timeLimits: limits,
  stageCalendars: { verify: 'patrol' },
  defaultDepartmentCode: 'water',
  city: null,
  active: true,
  version: 2,
  ...more,
});
const version = (id: string, more: Record<string, unknown> = {}) => ({
  version: id,
  name: `${id} 目录`,
  nameEn: `${id} catalogue`,
  effectiveFrom: null,
  inForce: false,
  revision: 3,
  categories: 1,
  withdrawn: 0,
  ...more,
});

/** The calls the screen makes on opening, for a city's admin (regionAdmin: no city). */
function screenApi(city: string | null) {
  return {
    'GET /api/auth/me': () => ({ json: { username: 'admin', roles: ['admin'], city } }),
    'GET /api/admin/calendars/1501': () => ({ json: { calendars: [], days: [], knownUntil: '2026-12-31' } }),
    'GET /api/admin/audit': () => ({ json: { items: [], total: 0, page: 1, pageSize: 50 } }),
    'GET /api/admin/cities': () => ({
      json: { items: [{ code: '1501', name: '呼和浩特', retiredOn: null }] },
    }),
  };
}

async function openTab(tab: string) {
  const wrapper = mountWithApp(AdminView);
  await flushPromises();
  await wrapper.find(`[data-tab="${tab}"]`).trigger('click');
  await flushPromises();
  return wrapper;
}

const sent = (calls: Call[], method: string) => calls.filter((c) => c.method === method);

describe('the catalogue tab', () => {
  const catalogueApi = (draft: Record<string, unknown> = {}) => ({
    'GET /api/admin/catalogues': () => ({
      json: {
        today: '2026-12-02',
        versions: [version('v2026', { effectiveFrom: '2026-01-01', inForce: true }), version('v2027', draft)],
      },
    }),
    'GET /api/admin/catalogues/v2027': () => ({
      json: { version: version('v2027', draft), categories: [category('C01001')] },
    }),
  });

  it('shows the versions and the latest one’s categories with conditions, limits and calendars', async () => {
    fakeApi({ ...screenApi(null), ...catalogueApi() });
    const wrapper = await openTab('catalogue');
    const versions = wrapper.find('[data-test="catalogue-versions"]');
    expect(versions.find('[data-version="v2026"]').text()).toContain('已生效');
    expect(versions.find('[data-version="v2027"]').text()).toContain('草稿');
    const row = wrapper.find('[data-category="C01001"]');
    expect(row.text()).toContain('井盖缺失、破损');
    expect(row.text()).toContain('井盖已补齐');
    expect(row.text()).toContain('处置 240');
    expect(row.text()).toContain('处置 120');
    expect(row.text()).toContain('核实: patrol');
  });

  it('edits a draft’s category with the version it was read at, and withdraws one', async () => {
    const { calls } = fakeApi({
      ...screenApi(null),
      ...catalogueApi(),
      'PUT /api/admin/catalogues/v2027/categories/C01001': () => ({
        json: category('C01001', { version: 3 }),
      }),
      'POST /api/admin/catalogues/v2027/categories/C01001/withdraw': () => ({
        json: category('C01001', { active: false, version: 3 }),
      }),
    });
    const wrapper = await openTab('catalogue');
    await wrapper.find('[data-test="edit-category"]').trigger('click');
    await wrapper.find('input[name="limit-urgent-handle"]').setValue(90);
    await wrapper.find('select[name="calendar-handle"]').setValue('office');
    await wrapper.find('[data-test="category-form"]').trigger('submit');
    await flushPromises();
    const [put] = sent(calls, 'PUT');
    expect(put?.headers['if-match']).toBe('"2"');
    expect(put?.body).toMatchObject({
      name: '上水井盖',
      filingCondition: '井盖缺失、破损',
      timeLimits: { urgent: { handle: 90 } },
      stageCalendars: { verify: 'patrol', handle: 'office' },
      defaultDepartmentCode: 'water',
      city: null,
    });

    await wrapper.find('[data-test="withdraw-category"]').trigger('click');
    await flushPromises();
    const withdraw = sent(calls, 'POST').find((c) => c.path.endsWith('/withdraw'));
    expect(withdraw?.headers['if-match']).toBe('"2"');
  });

  it('makes a new version as a copy from a date, and puts a draft in force with its revision', async () => {
    const { calls } = fakeApi({
      ...screenApi(null),
      ...catalogueApi(),
      'POST /api/admin/catalogues': () => ({
        status: 201,
        json: { version: version('v2028'), categories: [], skipped: [] },
      }),
      'PATCH /api/admin/catalogues/v2027': () => ({
        json: version('v2027', { effectiveFrom: '2027-01-01' }),
      }),
    });
    const wrapper = await openTab('catalogue');
    await wrapper.find('input[name="in-force-from"]').setValue('2027-01-01');
    await wrapper.find('[data-test="catalogue-in-force"]').trigger('submit');
    await flushPromises();
    const [patch] = sent(calls, 'PATCH');
    expect(patch?.headers['if-match']).toBe('"3"');
    expect(patch?.body).toEqual({ effectiveFrom: '2027-01-01' });

    await wrapper.find('input[name="catalogue-version"]').setValue('v2028');
    await wrapper.find('input[name="catalogue-name"]').setValue('2028 修订');
    await wrapper.find('input[name="catalogue-name-en"]').setValue('2028 revision');
    await wrapper.find('select[name="catalogue-copy-of"]').setValue('v2026');
    await wrapper.find('input[name="catalogue-effective-from"]').setValue('2028-01-01');
    await wrapper.find('[data-test="new-catalogue"]').trigger('submit');
    await flushPromises();
    expect(sent(calls, 'POST').find((c) => c.path === '/api/admin/catalogues')?.body).toEqual({
      version: 'v2028',
      name: '2028 修订',
      nameEn: '2028 revision',
      copyOf: 'v2026',
      effectiveFrom: '2028-01-01',
    });
  });

  it('edits the questions a category asks in the city, with the version they were read at', async () => {
    const manhole = {
      code: 'cover_type',
      variable: true,
      datatype: 'singlevaluelist',
      required: true,
      description: '井盖类型',
      descriptionEn: 'Type of manhole cover',
      datatypeDescription: null,
      order: 1,
      values: [{ key: 'missing', name: '缺失', nameEn: 'Missing' }],
    };
    const { calls } = fakeApi({
      ...screenApi('1501'),
      ...catalogueApi({ effectiveFrom: '2026-06-01', inForce: true }),
      'GET /api/admin/catalogues/v2027/questions': () => ({
        json: {
          city: '1501',
          items: [{ categoryCode: 'C01001', city: '1501', questions: [manhole], version: 4 }],
        },
      }),
      'PUT /api/admin/catalogues/v2027/categories/C01001/questions': (call: Call) => ({
        json: { categoryCode: 'C01001', city: '1501', ...(call.body as object), version: 5 },
      }),
    });
    const wrapper = await openTab('catalogue');
    // A version in force keeps its categories as they are, but its questions are the city's to edit.
    await wrapper.find('[data-test="edit-questions"]').trigger('click');
    await flushPromises();
    const editor = wrapper.find('[data-test="questions-editor"]');
    expect(editor.text()).toContain('C01001 上水井盖 的追问（1501）');
    expect((editor.find('input[name="question-text-0"]').element as HTMLInputElement).value).toBe('井盖类型');
    await editor.find('[data-test="add-value"]').trigger('click');
    await editor.find('input[name="value-key-0-1"]').setValue('broken');
    await editor.find('input[name="value-name-0-1"]').setValue('破损');
    await editor.find('input[name="value-name-en-0-1"]').setValue('Broken');
    await editor.find('[data-test="add-question"]').trigger('click');
    await editor.find('input[name="question-code-1"]').setValue('depth');
    await editor.find('select[name="question-type-1"]').setValue('number');
    await editor.find('input[name="question-text-1"]').setValue('井深');
    await editor.find('input[name="question-text-en-1"]').setValue('Depth of the shaft');
    await editor.find('input[name="question-hint-1"]').setValue('米');
    await editor.find('[data-test="questions-form"]').trigger('submit');
    await flushPromises();
    const [put] = sent(calls, 'PUT');
    expect(put?.path).toBe('/api/admin/catalogues/v2027/categories/C01001/questions');
    expect(put?.headers['if-match']).toBe('"4"');
    expect(put?.body).toEqual({
      questions: [
        {
          ...manhole,
          values: [
            { key: 'missing', name: '缺失', nameEn: 'Missing' },
            { key: 'broken', name: '破损', nameEn: 'Broken' },
          ],
        },
        {
          code: 'depth',
          variable: true,
          datatype: 'number',
          required: false,
          description: '井深',
          descriptionEn: 'Depth of the shaft',
          datatypeDescription: '米',
          order: 2,
          values: [],
        },
      ],
    });
  });

  it('keeps a version in force as it is, and a city admin away from versions; refusals are shown', async () => {
    fakeApi({
      ...screenApi('1501'),
      ...catalogueApi({ effectiveFrom: '2026-06-01', inForce: true }),
      'POST /api/admin/catalogues/v2027/categories/C01001/withdraw': () =>
        problem(409, 'VERSION_CONFLICT', 'category C01001 was changed meanwhile'),
    });
    const wrapper = await openTab('catalogue');
    expect(wrapper.find('[data-test="new-catalogue"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="category-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="edit-category"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('本版本自 2026-06-01 起已生效');
    await wrapper.find('[data-test="withdraw-category"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').attributes('data-code')).toBe('VERSION_CONFLICT');
  });
});

describe('the matrix tab', () => {
  const matrix = {
    city: '1501',
    categories: [
      { code: 'C0101', name: '上水井盖', nameEn: 'Water manhole cover', active: true },
      { code: 'C0102', name: '污水井盖', nameEn: 'Sewage manhole cover', active: false },
    ],
    areas: [
      { code: '150102', name: '新城区', level: 'district', parentCode: null },
      { code: '150103', name: '回民区', level: 'district', parentCode: null },
      { code: '150102001', name: '海拉尔东路街道', level: 'street', parentCode: '150102' },
    ],
    departments: [
      { id: 'd-water', code: 'water', name: '水务局' },
      { id: 'd-municipal', code: 'municipal', name: '市政局' },
    ],
    cells: [{ categoryCode: 'C0101', areaCode: '150102', departmentId: 'd-water', version: 4 }],
  };
  const gaps = {
    gaps: [
      {
        categoryCode: 'C0101',
        categoryName: '上水井盖',
        districtCode: '150103',
        districtName: '回民区',
        fallbackDepartmentId: 'd-water',
      },
    ],
  };
  const matrixApi = () => ({
    ...screenApi('1501'),
    'GET /api/admin/matrix/1501': () => ({ json: matrix }),
    'GET /api/admin/matrix/1501/gaps': () => ({ json: gaps }),
  });
  const cell = (wrapper: Awaited<ReturnType<typeof openTab>>, key: string) =>
    wrapper.find(`select[data-cell="${key}"]`);

  it('shows the active categories × districts with each cell’s department, and the gaps', async () => {
    fakeApi(matrixApi());
    const wrapper = await openTab('matrix');
    expect((cell(wrapper, 'C0101:150102').element as HTMLSelectElement).value).toBe('d-water');
    expect((cell(wrapper, 'C0101:150103').element as HTMLSelectElement).value).toBe('');
    expect(wrapper.find('[data-category="C0102"]').exists()).toBe(false);
    expect(cell(wrapper, 'C0101:150102001').exists()).toBe(false);
    const gap = wrapper.find('[data-test="matrix-gap"]');
    expect(gap.text()).toContain('回民区');
    expect(gap.text()).toContain('水务局');
    // Streets of a district as columns.
    await wrapper.find('select[name="matrix-level"]').setValue('street');
    expect(cell(wrapper, 'C0101:150102001').exists()).toBe(true);
  });

  it('saves a cell as it is chosen with the version it was read at, and empties one', async () => {
    const { calls } = fakeApi({
      ...matrixApi(),
      'PUT /api/admin/matrix/1501/cells/C0101/150102': () => ({
        json: { ...matrix.cells[0], departmentId: 'd-municipal', version: 5 },
      }),
      'PUT /api/admin/matrix/1501/cells/C0101/150103': () => ({
        json: { categoryCode: 'C0101', areaCode: '150103', departmentId: 'd-water', version: 1 },
      }),
      'DELETE /api/admin/matrix/1501/cells/C0101/150102': () => ({ json: matrix.cells[0] }),
    });
    const wrapper = await openTab('matrix');
    await cell(wrapper, 'C0101:150102').setValue('d-municipal');
    await flushPromises();
    await cell(wrapper, 'C0101:150103').setValue('d-water');
    await flushPromises();
    const puts = sent(calls, 'PUT');
    expect(puts.map((c) => [c.path, c.headers['if-match'], c.body])).toEqual([
      ['/api/admin/matrix/1501/cells/C0101/150102', '"4"', { departmentId: 'd-municipal' }],
      ['/api/admin/matrix/1501/cells/C0101/150103', undefined, { departmentId: 'd-water' }],
    ]);
    await cell(wrapper, 'C0101:150102').setValue('');
    await flushPromises();
    expect(sent(calls, 'DELETE')[0]?.headers['if-match']).toBe('"4"');
  });

  it('shows a stale edit’s refusal and what is stored now', async () => {
    let reads = 0;
    fakeApi({
      ...matrixApi(),
      'GET /api/admin/matrix/1501': () => {
        reads++;
        return { json: matrix };
      },
      'PUT /api/admin/matrix/1501/cells/C0101/150102': () =>
        problem(409, 'VERSION_CONFLICT', 'the matrix cell C0101 × 150102 was changed meanwhile'),
    });
    const wrapper = await openTab('matrix');
    await cell(wrapper, 'C0101:150102').setValue('d-municipal');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').attributes('data-code')).toBe('VERSION_CONFLICT');
    expect(reads).toBe(2);
    expect((cell(wrapper, 'C0101:150102').element as HTMLSelectElement).value).toBe('d-water');
  });

  it('imports a workbook as the whole matrix and says what changed; a bad file names its rows', async () => {
    let answer: { status?: number; json: unknown } = {
      json: { added: 2, changed: 1, removed: 0, unchanged: 30 },
    };
    const { calls } = fakeApi({ ...matrixApi(), 'POST /api/admin/matrix/1501/import': () => answer });
    const wrapper = await openTab('matrix');
    const input = wrapper.find('input[name="matrix-file"]');
    const file = new File([new Uint8Array([80, 75, 3, 4])], '权责清单.xlsx');
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    await input.trigger('change');
    await flushPromises();
    const post = sent(calls, 'POST')[0];
    expect(post?.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(wrapper.find('[data-test="matrix-imported"]').text()).toBe(
      '已导入：新增 2，变更 1，删除 0，未变 30',
    );

    answer = problem(
      400,
      'VALIDATION_FAILED',
      'the responsibility matrix: 1 bad row(s), nothing was imported',
      '权责清单有 1 行有误，未导入任何内容',
    );
    await input.trigger('change');
    await flushPromises();
    const alert = wrapper.find('[role="alert"]');
    expect(alert.attributes('data-code')).toBe('VALIDATION_FAILED');
    expect(alert.text()).toContain('未导入任何内容');
  });
});
