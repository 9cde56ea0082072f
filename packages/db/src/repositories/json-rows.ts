/**
 * Inserts of whole rows sent as one JSON parameter (`jsonb_populate_recordset`). The statement's
 * text depends only on the table and which columns another expression fills, so it is built once;
 * a new case's 65 columns are one bound value instead of 65 the query builder assembles one by one
 * (most of a report's SQL-building time). Rows must give every column (null where empty): a column
 * missing from the JSON would be inserted as NULL, not as its default. Values travel as JSON:
 * Dates as ISO instants, jsonb columns as nested JSON, arrays as PostgreSQL arrays.
 */
import { type Column, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** The statement's fixed text around the expressions: raw text pieces, or the key an expression fills. */
type Piece = { text: string } | { key: string };

const templates = new Map<string, Piece[]>();

function template(table: PgTable, columns: Record<string, Column>, filled: readonly string[]): Piece[] {
  const name = getTableName(table);
  const id = `${name}|${filled.join(',')}`;
  const known = templates.get(id);
  if (known !== undefined) return known;
  const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
  const entries = Object.entries(columns);
  const pieces: Piece[] = [];
  let text = `insert into ${quote(name)} (${entries.map(([, column]) => quote(column.name)).join(', ')}) select `;
  entries.forEach(([key, column], index) => {
    if (index > 0) text += ', ';
    if (filled.includes(key)) {
      pieces.push({ text }, { key });
      text = '';
    } else {
      text += `r.${quote(column.name)}`;
    }
  });
  pieces.push({ text: `${text} from jsonb_populate_recordset(null::${quote(name)}, ` });
  templates.set(id, pieces);
  return pieces;
}

/**
 * `insert into table (every column) select … from jsonb_populate_recordset(…)`, with `filled`
 * columns taken from SQL expressions of the same statement instead of the rows, built but not run.
 * `suffix` follows as is (a `returning` clause, say).
 */
export function jsonRowsInsert<T extends PgTable>(
  table: T,
  rows: ReadonlyArray<Record<string, unknown>>,
  filled: Readonly<Record<string, SQL>> = {},
  suffix = '',
): SQL {
  const columns = getTableColumns(table) as Record<string, Column>;
  const filledKeys = Object.keys(filled).sort();
  const json = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(columns)) {
      if (key in filled) continue;
      const value = row[key];
      if (value === undefined) throw new Error(`${getTableName(table)}.${key}: no value given`);
      out[column.name] = value;
    }
    return out;
  });
  const parts = template(table, columns, filledKeys).map((piece) =>
    'key' in piece ? (filled[piece.key] ?? sql`null`) : sql.raw(piece.text),
  );
  return sql.join([...parts, sql`${JSON.stringify(json)}::jsonb) as r`, sql.raw(suffix)]);
}
