/**
 * The explorer's result as HTML, the same on the server (the default view, prerendered) and in
 * the browser (after each query): every text is escaped, figures are in French format.
 */
import { decimalsOf, formatDecimal, formatPercent, formatPublished, MISSING } from '../format/number.ts';
import type { Column } from './query.ts';

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

export function resultHtml(result: Result, caption: string): string {
  const { columns, rows, totals, sort } = result;
  const head = columns
    .map((c) => {
      const sorted = sort?.field === c.name ? (sort.desc ? 'descending' : 'ascending') : undefined;
      return `<th scope="col"${c.numeric ? ' class="numeric"' : ''}${sorted ? ` aria-sort="${sorted}"` : ''}>${c.sortable === false ? escapeHtml(c.title) : `<button type="button" class="sort" data-sort="${escapeHtml(c.name)}">${escapeHtml(c.title)}</button>`}</th>`;
    })
    .join('');
  const line = (row: ResultRow, header = false) =>
    `<tr>${columns
      .map((c, i) => {
        const tag = header && i === 0 ? 'th scope="row"' : `td${c.numeric ? ' class="numeric"' : ''}`;
        const raw = row[c.name];
        return `<${tag} data-column="${escapeHtml(c.name)}" data-value="${escapeHtml(raw === null || raw === undefined ? '' : String(raw))}">${escapeHtml(cellText(c, row))}</${tag.split(' ')[0]}>`;
      })
      .join('')}</tr>`;
  const body = rows.length ? rows.map((r) => line(r, true)).join('') : `<tr><td colspan="${columns.length}">Aucune ligne ne correspond à ces critères.</td></tr>`;
  const totalHead = `<th scope="row">Total (${escapeHtml(formatPublished(result.count))} ${result.count > 1 ? 'lignes' : 'ligne'})</th>`;
  const totalCells = (t: ResultRow) =>
    result.totalsNote
      ? `<td colspan="${columns.length - 1}" data-role="totals-note">${escapeHtml(result.totalsNote)}</td>`
      : columns
          .slice(1)
          .map((c) => (c.name in t && !c.percent && c.numeric ? `<td class="numeric" data-column="${escapeHtml(c.name)}" data-value="${escapeHtml(String(t[c.name] ?? ''))}">${escapeHtml(cellText(c, t))}</td>` : '<td></td>'))
          .join('');
  const foot = totals && result.count > 0 ? `<tfoot><tr>${totalHead}${totalCells(totals)}</tr></tfoot>` : '';
  return `<table class="explorer-table"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table>`;
}

/** « Lignes 26 à 50 sur 112 ». */
export function pageText(result: Result): string {
  if (result.count === 0) return 'Aucune ligne';
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.page * result.pageSize, result.count);
  return `Lignes ${formatPublished(first)} à ${formatPublished(last)} sur ${formatPublished(result.count)}`;
}
