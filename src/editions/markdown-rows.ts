/**
 * A dataset that is new since the ref (a new report, or a dataset added to an edition) has no
 * « before » to compare with: a reviewer must check its figures against the printed source.
 * So its rows are listed as a table: line in the CSV, every cell in French number format,
 * codes with their labels beside them (« apec (APEC) »), at most `max` rows per dataset, then
 * « … et N autres lignes » and the CSV to open for the rest.
 */
import { formatInteger } from '../format/number.ts';
import type { Cell, DatasetDiff, RowRef } from './compare.ts';

/** « `data/reports/bretagne/2024/v1/cep_entries.csv` »: where the dataset lives in the repository. */
export function csvPath(folder: string, d: DatasetDiff): string {
  return `${folder}/${d.path}`;
}

/** A code with its label beside it, or the cell as `formatCell` shows it. */
function shownCell(ref: RowRef, field: string, formatCell: (field: string, value: Cell | undefined) => string): string {
  const text = formatCell(field, ref.row[field]);
  const label = ref.labels?.[field];
  return label ? `${text} (${label})` : text;
}

/**
 * The listing of one added dataset's rows (its heading, file, table and what was left out).
 * `table` and `formatCell` are markdown.ts's, passed in so that both render cells alike.
 */
export function rowsListing(
  d: DatasetDiff,
  folder: string,
  max: number,
  table: (header: string[], rows: string[][]) => string[],
  formatCell: (field: string, value: Cell | undefined) => string,
): string[] {
  const file = `\`${csvPath(folder, d)}\``;
  const rows = d.rows.added;
  const lines = `${formatInteger(rows.length)} ligne${rows.length > 1 ? 's' : ''}`;
  const out = [`#### \`${d.name}\` : « ${d.title} », ${lines}`, '', `Fichier : ${file}`, ''];
  if (rows.length === 0) return [...out, '*Aucune ligne sous l’en-tête.*', ''];
  const fields = Object.keys(rows[0]!.row);
  out.push(...table(['Ligne', ...fields], rows.slice(0, max).map((r) => [String(r.line), ...fields.map((f) => shownCell(r, f, formatCell))])));
  const rest = rows.length - max;
  if (rest > 0) out.push('', `… et ${formatInteger(rest)} autre${rest > 1 ? 's' : ''} ligne${rest > 1 ? 's' : ''} (voir ${file})`);
  return [...out, ''];
}
