/** Categories and departments, loaded once per session and looked up by code or id. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Category, Department } from '../api/contract';
import { fetchCategories, fetchDepartments } from '../api/reference-api';

export const useReferenceStore = defineStore('reference', () => {
  const categories = ref<Category[]>([]);
  const departments = ref<Department[]>([]);
  let loading: Promise<void> | null = null;

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

  const categoryName = (code: string) => categoryByCode.value.get(code)?.name ?? code;
  const departmentName = (id: string | null) => (id ? (departmentById.value.get(id)?.name ?? id) : '—');

  return { categories, departments, load, categoryName, departmentName };
});
