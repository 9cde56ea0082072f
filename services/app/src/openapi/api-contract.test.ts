import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildApiDocument } from './api-document.js';
import { apiFiles } from './api-files.js';

/** The first line where `committed` and `fresh` part, to say what is stale without a 600 kB diff. */
function firstDifference(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? '')}, routes give ${JSON.stringify(b[at] ?? '')}`;
}

describe('the API contract', () => {
  it('the committed OpenAPI document and console types are what the routes produce (else: npm run api:generate)', async () => {
    const stale: string[] = [];
    for (const file of await apiFiles(await buildApiDocument())) {
      const committed = await readFile(file.path, 'utf8').catch(() => '');
      if (committed !== file.text) stale.push(`${file.path} — ${firstDifference(committed, file.text)}`);
    }
    expect(stale).toEqual([]);
  }, 120_000);
});
