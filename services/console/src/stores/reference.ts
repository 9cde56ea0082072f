/**
 * Categories, departments and (on first use) the city's districts and streets, loaded once per session and looked up by code or id; their names in
 * the console's language (English where the data has it), departments with their code beside.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Category, Department } from '../api/contract';
import { fetchAreas, fetchCategories, fetchDepartments } from '../api/reference-api';
import { activeLocale } from '../i18n';

/** What a report's rows are keyed by. */
export type ReportGroup = 'category' | 'district' | 'street' | 'grid' | 'department' | 'officer';

export const useReferenceStore = defineStore('reference', () => {
  const categories = ref<Category[]>([]);
  const departments = ref<Department[]>([]);
  let loading: Promise<void> | null = null;
  /** Districts' and streets' names by code, both languages (from the area outlines). */
  const areas = ref(new Map<string, { name: string; nameEn?: string }>());
  let loadingAreas: Promise<void> | null = null;

  function loadAreas(): Promise<void> {
    if (!loadingAreas) {
      loadingAreas = Promise.all([fetchAreas('district'), fetchAreas('street')])
        .then((levels) => {
          const named = new Map<string, { name: string; nameEn?: string }>();
          for (const level of levels)
            for (const f of level.features) named.set(f.properties.code, f.properties);
          areas.value = named;
        })
        .catch((error: unknown) => {
          loadingAreas = null;
          throw error;
        });
    }
    return loadingAreas;
  }

  const categoryByCode = computed(() => new Map(categories.value.map((c) => [c.code, c])));
  const departmentById = computed(() => new Map(departments.value.map((d) => [d.id, d])));
  const departmentByCode = computed(() => new Map(departments.value.map((d) => [d.code, d])));

  function load(): Promise<void> {
    if (!loading) {
      loading = Promise.all([fetchCategories(), fetchDepartments()])
        .then(([c, d]) => {
          categories.value = c;
          departments.value = d;
        })
        .catch((error: unknown) => {
          loading = null;
          throw error;
        });
    }
    return loading;
  }

  /** The name in the console's language: English where the data has one. */
  const localName = (item: { name: string; nameEn?: string }) =>
    activeLocale() === 'en' && item.nameEn ? item.nameEn : item.name;
  const categoryName = (code: string) => {
    const category = categoryByCode.value.get(code);
    return category ? localName(category) : code;
  };
  /** "环卫所（sanitation-150102）": the name a person reads, the code beside it, never the id. */
  const departmentLabel = (department: Department) =>
    activeLocale() === 'en'
      ? `${localName(department)} (${department.code})`
      : `${localName(department)}（${department.code}）`;
  const departmentName = (id: string | null) => {
    if (!id) return '—';
    const department = departmentById.value.get(id);
    return department ? departmentLabel(department) : id;
  };

  /** An area's name in the console's language; `fallback` (the server's) until the areas are loaded. */
  const areaName = (code: string, fallback: string) => {
    const area = areas.value.get(code);
    return area ? localName(area) : fallback;
  };
  /** A department's code for a table's code column; what is not a department's id stays as it is. */
  const departmentCode = (id: string) => departmentById.value.get(id)?.code ?? id;

  /**
   * The name of a report's row in the console's language where the data has one: a category's, a
   * district's or street's, a department's (keyed by its id, or its code in the monthly report); a
   * grid or an officer by the name the server gave.
   */
  const rowName = (group: ReportGroup, row: { key: string; name: string }): string => {
    if (group === 'category') {
      const category = categoryByCode.value.get(row.key);
      return category ? localName(category) : row.name || row.key;
    }
    if (group === 'department') {
      const department = departmentById.value.get(row.key) ?? departmentByCode.value.get(row.key);
      return department ? localName(department) : row.name || row.key;
    }
    if (group === 'district' || group === 'street') return areaName(row.key, row.name || row.key);
    return row.name || row.key;
  };
  /** A row as a person reads it where no code column is beside: its name, the code in brackets. */
  const rowLabel = (group: ReportGroup, row: { key: string; name: string }): string => {
    if (group === 'officer') return row.name || row.key;
    const name = rowName(group, row);
    const code = group === 'department' ? departmentCode(row.key) : row.key;
    if (name === code) return code;
    return activeLocale() === 'en' ? `${name} (${code})` : `${name}（${code}）`;
  };

  return {
    categories,
    departments,
    load,
    loadAreas,
    categoryName,
    departmentName,
    departmentCode,
    departmentLabel,
    areaName,
    localName,
    rowName,
    rowLabel,
  };
});
