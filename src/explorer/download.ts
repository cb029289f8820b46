/**
 * The explorer's result as a CSV file: UTF-8 with commas and points, or for French Excel
 * (semicolons, decimal commas, a byte order mark), written by the site's one CSV writer, which
 * neutralises a text a spreadsheet would run as a formula with a leading apostrophe.
 */
import { writeCsv } from '../engine/csv.ts';
import type { Column } from './query.ts';
import type { ResultRow } from './render.ts';

export function resultCsv(columns: Column[], rows: ResultRow[], excel: boolean): string {
  const header = columns.flatMap((c) => [c.name, ...(c.label ? [`${c.name}_libelle`] : [])]);
  const records = rows.map((row) => columns.flatMap((c) => (c.label ? [row[c.name], row[c.label]] : [row[c.name]])));
  return writeCsv(header, records as (string | number | null)[][], { excel, crlf: true });
}
