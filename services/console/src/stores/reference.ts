/**
 * Categories, departments and (on first use) the city's districts and streets, loaded once per session and looked up by code or id; their names in
 * the console's language (English where the data has it), departments with their code beside.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Category, Department } from '../api/contract';
import { fetchAreas, fetchCategories, fetchDepartments } from '../api/reference-api';
import { activeLocale } from '../i18n';

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
  };
});
