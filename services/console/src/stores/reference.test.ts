/**
 * The names of a report's rows, one place for every report screen (timeliness, trend, hotspots,
 * satisfaction, the monthly report): in English a category, district or department by its
 * English name where the data has one, a department by its id or its code, the code in brackets
 * of the language; a grid by the name the server gave.
 */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConsoleI18n } from '../i18n';
import { fakeApi } from '../test-support/fake-api';
import { useReferenceStore } from './reference';

const area = (code: string, name: string, nameEn: string) => ({
  type: 'Feature',
  geometry: null,
  properties: { code, name, nameEn, level: 'district', parentCode: null },
});

describe('report row names', () => {
  beforeEach(async () => {
    setActivePinia(createPinia());
    fakeApi({
      'GET /api/categories': () => ({
        json: [{ code: 'E0101', name: '暴露垃圾', nameEn: 'Exposed litter' }],
      }),
      'GET /api/departments': () => ({
        json: [
          { id: 'dept-1501-sanitation', code: 'sanitation-150102', name: '环卫所', nameEn: 'Sanitation' },
        ],
      }),
      'GET /api/areas': ({ query }) => ({
        json: {
          type: 'FeatureCollection',
          features: query.get('level') === 'district' ? [area('150102', '新城区', 'Xincheng')] : [],
        },
      }),
    });
    const reference = useReferenceStore();
    await Promise.all([reference.load(), reference.loadAreas()]);
  });

  it('in English: English names, codes beside in brackets', () => {
    createConsoleI18n('en');
    const reference = useReferenceStore();
    expect(reference.rowName('category', { key: 'E0101', name: '暴露垃圾' })).toBe('Exposed litter');
    expect(reference.rowName('district', { key: '150102', name: '新城区' })).toBe('Xincheng');
    // A department by its id (trend, satisfaction) or its code (the monthly report).
    expect(reference.rowName('department', { key: 'dept-1501-sanitation', name: '环卫所' })).toBe(
      'Sanitation',
    );
    expect(reference.rowName('department', { key: 'sanitation-150102', name: '环卫所' })).toBe('Sanitation');
    expect(reference.rowLabel('district', { key: '150102', name: '新城区' })).toBe('Xincheng (150102)');
    expect(reference.rowLabel('department', { key: 'dept-1501-sanitation', name: '环卫所' })).toBe(
      'Sanitation (sanitation-150102)',
    );
    // No English name in the data (grids): the server's.
    expect(reference.rowName('grid', { key: '150102001001001', name: '新华1号网格' })).toBe('新华1号网格');
  });

  it('in Chinese: Chinese names, full-width brackets', () => {
    createConsoleI18n('zh-CN');
    const reference = useReferenceStore();
    expect(reference.rowName('category', { key: 'E0101', name: '暴露垃圾' })).toBe('暴露垃圾');
    expect(reference.rowLabel('district', { key: '150102', name: '新城区' })).toBe('新城区（150102）');
  });
});
