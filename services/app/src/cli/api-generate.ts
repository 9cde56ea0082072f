/**
 * `npm run api:generate`: writes the OpenAPI document of every route and the console's types
 * generated from it (services/console/src/api/generated). Run it after changing a route's schema;
 * the contract test fails while the committed files are stale.
 */
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { buildApiDocument } from '../openapi/api-document.js';
import { apiFiles } from '../openapi/api-files.js';

for (const file of await apiFiles(await buildApiDocument())) {
  await writeFile(file.path, file.text);
  console.log(`wrote ${relative(process.cwd(), file.path)}`);
}
