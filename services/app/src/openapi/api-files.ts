/**
 * The files generated from the OpenAPI document, committed so a change of the API shows in review
 * and the console type-checks against it: the document itself and the console's types
 * (openapi-typescript; the console's client is openapi-fetch over these `paths`).
 */
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const generatedDir = (name: string) =>
  fileURLToPath(new URL(`../../../console/src/api/generated/${name}`, import.meta.url));

/** Where each generated file lives, and what it should hold for `document`. */
export async function apiFiles(document: unknown): Promise<{ path: string; text: string }[]> {
  const json = `${JSON.stringify(document, null, 2)}\n`;
  const types = await openapiTS(json, {
    // Named types for every component (`Case`, `Notice`, ...) and the values of each enum.
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    enumValues: true,
    alphabetize: false,
    silent: true,
  });
  return [
    { path: generatedDir('openapi.json'), text: json },
    { path: generatedDir('schema.ts'), text: astToString(types.filter((node) => !isInlineEnumValues(node))) },
  ];
}

/**
 * The values of the enums a route spells inline (`pathsApi…Values`): the named components' values
 * (`caseStateValues`, `roleValues`, ...) are what the console uses, and the generator mistypes
 * some inline ones (a GeoJSON `properties` object).
 */
function isInlineEnumValues(node: ts.Node): boolean {
  return (
    ts.isVariableStatement(node) &&
    node.declarationList.declarations.some(
      (declaration) => ts.isIdentifier(declaration.name) && declaration.name.text.startsWith('paths'),
    )
  );
}
