/**
 * The SQL that turns a published CSV into a typed DuckDB table, derived from its Table Schema.
 * Both engines run it, so a table has the same types and the same cells in Node and in the
 * browser: the dialect is the one every published CSV is written with (csv.ts).
 */
import type { FieldType, TableSchema } from '../data/descriptors.ts';
import { CSV_DIALECT } from './csv.ts';

export const duckdbTypes: Record<FieldType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  date: 'DATE',
  boolean: 'BOOLEAN',
};

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
const identifier = (s: string) => `"${s.replaceAll('"', '""')}"`;

/**
 * `file` is a path (Node) or a registered file name (browser); both are ours, never user input.
 * `inSchema` puts the table in a schema of its own: the browser holds several reports at once.
 */
export function createTableSql(table: string, schema: Pick<TableSchema, 'fields'>, file: string, inSchema?: string): string {
  const columns = schema.fields.map((f) => `${literal(f.name)}: ${literal(duckdbTypes[f.type])}`).join(', ');
  const name = inSchema ? `${identifier(inSchema)}.${identifier(table)}` : identifier(table);
  return `CREATE TABLE ${name} AS SELECT * FROM read_csv(${literal(file)}, header = true, auto_detect = false, delim = ${literal(CSV_DIALECT.delimiter)}, quote = ${literal(CSV_DIALECT.quote)}, escape = ${literal(CSV_DIALECT.escape)}, nullstr = '', columns = {${columns}})`;
}

export { identifier, literal };

/** Both engines hand back plain numbers: BIGINT and HUGEINT results arrive as bigint. */
export function plainRow<T extends Record<string, unknown>>(row: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as T;
}
