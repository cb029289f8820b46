/**
 * The explorer's result as a CSV file: UTF-8 with commas and points, or for French Excel
 * (semicolons, decimal commas, a byte order mark). A text cell that a spreadsheet would run as
 * a formula (= + - @ first) is neutralised with a leading apostrophe.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Column } from './query.ts';
import type { ResultRow } from './render.ts';

export const neutralise = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export function resultCsv(columns: Column[], rows: ResultRow[], excel: boolean): string {
  const header = columns.flatMap((c) => [c.name, ...(c.label ? [`${c.name}_libelle`] : [])]);
  const text = (v: unknown) => (v === null || v === undefined ? '' : neutralise(String(v)));
  const records = rows.map((row) =>
    columns.flatMap((c) => {
      const v = row[c.name];
      const value = typeof v === 'number' ? (excel ? String(v).replace('.', ',') : String(v)) : text(v);
      return c.label ? [value, text(row[c.label])] : [value];
    }),
  );
  return stringify([header, ...records], { delimiter: excel ? ';' : ',', bom: excel, record_delimiter: 'windows' });
}
