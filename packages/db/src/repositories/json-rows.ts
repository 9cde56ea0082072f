/**
 * Inserts of whole rows sent as one JSON parameter (`jsonb_populate_recordset`). The statement's
 * text depends only on the table, the columns given and which columns another expression fills, so
 * it is built once; a new case's 65 columns are one bound value instead of 65 the query builder
 * assembles one by one (most of a report's SQL-building time). A column no row gives takes its
 * default; one that some rows give and others leave undefined is null in the others. Values travel
 * as JSON: Dates as ISO instants, jsonb columns as nested JSON, arrays as PostgreSQL arrays.
 */
import { type Column, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** The statement's fixed text around the expressions: raw text pieces, or the key an expression fills. */
type Piece = { text: string } | { key: string };

const templates = new Map<string, Piece[]>();

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function template(
  table: PgTable,
  columns: ReadonlyArray<[string, Column]>,
  filled: readonly string[],
): Piece[] {
  const name = getTableName(table);
  const id = `${name}|${columns.map(([key]) => key).join(',')}|${filled.join(',')}`;
  const known = templates.get(id);
  if (known !== undefined) return known;
  const pieces: Piece[] = [];
  let text = `insert into ${quote(name)} (${columns.map(([, column]) => quote(column.name)).join(', ')}) select `;
  columns.forEach(([key, column], index) => {
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

export interface JsonRowsOptions {
  /** Columns taken from SQL expressions of the same statement instead of the rows. */
  filled?: Readonly<Record<string, SQL>>;
  /** A condition every row is inserted under (`where …`). */
  where?: SQL;
  /** Text that follows as is (an `on conflict` or `returning` clause, say). */
  suffix?: string;
}

/**
 * `insert into table (columns given) select … from jsonb_populate_recordset(…)`, built but not run.
 */
export function jsonRowsInsert<T extends PgTable>(
  table: T,
  rows: readonly object[],
  options: JsonRowsOptions = {},
): SQL {
  const filled = options.filled ?? {};
  const values = rows as ReadonlyArray<Record<string, unknown>>;
  const given = Object.entries(getTableColumns(table) as Record<string, Column>).filter(
    ([key]) => key in filled || values.some((row) => row[key] !== undefined),
  );
  const json = values.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of given) {
      if (key in filled) continue;
      out[column.name] = row[key] ?? null;
    }
    return out;
  });
  const parts = template(table, given, Object.keys(filled).sort()).map((piece) =>
    'key' in piece ? (filled[piece.key] ?? sql`null`) : sql.raw(piece.text),
  );
  return sql.join([
    ...parts,
    sql`${JSON.stringify(json)}::jsonb) as r`,
    ...(options.where === undefined ? [] : [sql` where `, options.where]),
    sql.raw(options.suffix ?? ''),
  ]);
}
