/**
 * The one CSV dialect the site publishes and reads (RFC 4180): comma, `"` around a cell that
 * needs it, a `"` inside a cell doubled (`""`), LF between records, UTF-8, an empty cell for a
 * missing value. Every CSV we write goes through `writeCsv` (published datasets, reference
 * lists, explorer views, the explorer's downloads), and both DuckDB engines read it with
 * `createTableSql` (load-sql.ts), which declares the same quote and escape: DuckDB-WASM, unlike
 * native DuckDB, does not guess the escape character.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { neutralise } from '../data/formula.ts';

export const CSV_DIALECT = { delimiter: ',', quote: '"', escape: '"' } as const;

export type CsvCell = string | number | boolean | null | undefined;

/**
 * `excel`: the variant for French Excel (semicolons, decimal commas, a byte order mark);
 * `crlf`: CRLF between records, as downloads for spreadsheets have (RFC 4180). Texts that a
 * spreadsheet would run as a formula get a leading apostrophe; numbers never do.
 */
export function writeCsv(header: string[], rows: CsvCell[][], { excel = false, crlf = excel }: { excel?: boolean; crlf?: boolean } = {}): string {
  const cell = (v: CsvCell) =>
    v === null || v === undefined ? '' : typeof v === 'number' ? (excel ? String(v).replace('.', ',') : String(v)) : typeof v === 'boolean' ? String(v) : neutralise(v);
  return stringify([header, ...rows.map((row) => row.map(cell))], {
    delimiter: excel ? ';' : CSV_DIALECT.delimiter,
    quote: CSV_DIALECT.quote,
    escape: CSV_DIALECT.escape,
    record_delimiter: crlf ? 'windows' : 'unix',
    bom: excel,
  });
}
