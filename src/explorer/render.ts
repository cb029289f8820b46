/**
 * The explorer's result as HTML, the same on the server (the default view, prerendered) and in
 * the browser (after each query): every text is escaped, figures are in French format.
 */
import { decimalsOf, formatDecimal, formatPercent, formatPublished, MISSING } from '../format/number.ts';
import type { Column } from './query.ts';
import { resultLayout, runKey } from './result-layout.ts';

export type ResultRow = Record<string, string | number | null>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function cellText(column: Column, row: ResultRow): string {
  const value = row[column.name];
  if (value === null || value === undefined) return MISSING;
  if (column.label && row[column.label] !== null && row[column.label] !== undefined) return String(row[column.label]);
  if (typeof value !== 'number') return String(value);
  if (column.name === 'year' || column.name.endsWith('_year')) return String(value);
  const digits = column.digits ?? decimalsOf(value);
  return column.percent ? formatPercent(value, digits) : formatDecimal(value, digits);
}

export interface Result {
  columns: Column[];
  rows: ResultRow[];
  totals?: ResultRow;
  /** Why the total row has no sums (explorer/sums.ts), said in its place. */
  totalsNote?: string;
  count: number;
  page: number;
  pageSize: number;
  sort?: { field: string; desc: boolean };
}

/** `live: false` for the prerendered result: its sort buttons are disabled until the script enables them. */
export function resultHtml(result: Result, caption: string, { live = true }: { live?: boolean } = {}): string {
  const { rows, totals, sort } = result;
  const { hoisted, shown: columns, phone } = resultLayout(result.columns, rows);
  const head = columns
    .map((c) => {
      const sorted = sort?.field === c.name ? (sort.desc ? 'descending' : 'ascending') : undefined;
      return `<th scope="col"${c.numeric ? ' class="numeric"' : ''}${sorted ? ` aria-sort="${sorted}"` : ''}>${c.sortable === false ? escapeHtml(c.title) : `<button type="button" class="sort" data-sort="${escapeHtml(c.name)}"${live ? '' : ' disabled'}>${escapeHtml(c.title)}</button>`}</th>`;
    })
    .join('');
  const line = (row: ResultRow, header = false) =>
    `<tr>${columns
      .map((c, i) => {
        const tag = header && i === 0 ? 'th scope="row"' : `td${c.numeric ? ' class="numeric"' : ''}`;
        const raw = row[c.name];
        return `<${tag} data-column="${escapeHtml(c.name)}" data-label="${escapeHtml(c.title)}" data-value="${escapeHtml(raw === null || raw === undefined ? '' : String(raw))}">${escapeHtml(cellText(c, row))}</${tag.split(' ')[0]}>`;
      })
      .join('')}</tr>`;
  const body = rows.length ? bodiesHtml(hoisted, columns.length, rows, (r) => line(r, true)) : `<tbody><tr><td colspan="${columns.length}">Aucune ligne ne correspond à ces critères.</td></tr></tbody>`;
  const totalHead = `<th scope="row">Total (${escapeHtml(formatPublished(result.count))} ${result.count > 1 ? 'lignes' : 'ligne'})</th>`;
  const totalCells = (t: ResultRow) =>
    result.totalsNote
      ? `<td colspan="${columns.length - 1}" data-role="totals-note">${escapeHtml(result.totalsNote)}</td>`
      : columns
          .slice(1)
          .map((c) => (c.name in t && !c.percent && c.numeric ? `<td class="numeric" data-column="${escapeHtml(c.name)}" data-value="${escapeHtml(String(t[c.name] ?? ''))}">${escapeHtml(cellText(c, t))}</td>` : '<td></td>'))
          .join('');
  const foot = totals && result.count > 0 ? `<tfoot><tr>${totalHead}${totalCells(totals)}</tr></tfoot>` : '';
  return `<table class="explorer-table" data-phone-layout="${phone}"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead>${body}${foot}</table>`;
}

/** One tbody per run of rows with the same hoisted labels, headed by them; else one tbody. */
function bodiesHtml(hoisted: Column[], width: number, rows: ResultRow[], line: (row: ResultRow) => string): string {
  if (!hoisted.length) return `<tbody>${rows.map(line).join('')}</tbody>`;
  const header = (row: ResultRow) =>
    `<tr class="group"><th scope="rowgroup" colspan="${width}"><span class="group-label">${hoisted
      .map((c) => `<span data-column="${escapeHtml(c.name)}" data-value="${escapeHtml(String(row[c.name] ?? ''))}">${escapeHtml(cellText(c, row))}</span>`)
      .join(' · ')}</span></th></tr>`;
  const groups: ResultRow[][] = [];
  rows.forEach((row, i) => (i > 0 && runKey(hoisted, row) === runKey(hoisted, rows[i - 1]!) ? groups.at(-1)!.push(row) : groups.push([row])));
  return groups.map((g) => `<tbody>${header(g[0]!)}${g.map(line).join('')}</tbody>`).join('');
}

/** The pager's buttons and « Page 2 sur 5 »; nothing when the result fits one page. */
export function pagerHtml(result: Result): string {
  const pages = Math.ceil(result.count / result.pageSize);
  if (pages <= 1) return '';
  const button = (control: string, text: string, disabled: boolean) => `<button type="button" class="button" data-control="${control}"${disabled ? ' disabled' : ''}>${text}</button>`;
  return `${button('previous', 'Page précédente', result.page <= 1)} <span class="pager-text">Page ${formatPublished(result.page)} sur ${formatPublished(pages)}</span> ${button('next', 'Page suivante', result.page >= pages)}`;
}

/** « Lignes 26 à 50 sur 112 ». */
export function pageText(result: Result): string {
  if (result.count === 0) return 'Aucune ligne';
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.page * result.pageSize, result.count);
  return `Lignes ${formatPublished(first)} à ${formatPublished(last)} sur ${formatPublished(result.count)}`;
}
