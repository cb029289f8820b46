/**
 * How the explorer's result table reads, decided from its rows, as report tables do
 * (tables/model.ts `phoneLayout()`): a long label that runs over several rows (a report's
 * dataset title in a view across reports) is said once, as the header of its rows, rather than
 * on every row; on a phone a short and wide result reads as cards, any other scrolls sideways
 * with its first column kept in view.
 */
import { STACK_MAX_ROWS, STACK_MIN_COLUMNS, type PhoneLayout } from '../tables/model.ts';
import type { Column } from './query.ts';
import { cellText, type ResultRow } from './render.ts';

/** A label longer than this, repeated on every row, would take more room than the figures. */
const LONG_LABEL = 32;

export interface ResultLayout {
  /** The leading columns said once per run of rows, as the header of their rows. */
  hoisted: Column[];
  /** The columns of the table. */
  shown: Column[];
  phone: PhoneLayout;
}

/** The key of a row's run: the texts of the hoisted columns. */
export const runKey = (hoisted: Column[], row: ResultRow) => hoisted.map((c) => cellText(c, row)).join(' · ');

function runs(hoisted: Column[], rows: ResultRow[]): number {
  return rows.filter((row, i) => i === 0 || runKey(hoisted, row) !== runKey(hoisted, rows[i - 1]!)).length;
}

export function resultLayout(columns: Column[], rows: ResultRow[]): ResultLayout {
  const leading = columns.findIndex((c) => c.numeric);
  const labels = columns.slice(0, leading === -1 ? columns.length - 1 : Math.min(leading, columns.length - 1));
  const lastLong = labels.findLastIndex((c) => rows.some((row) => cellText(c, row).length > LONG_LABEL));
  const hoisted = labels.slice(0, lastLong + 1);
  // Worth it only when each header stands for two rows or more on average (not a sorted mix).
  if (hoisted.length && runs(hoisted, rows) * 2 <= rows.length) return { hoisted, shown: columns.slice(hoisted.length), phone: 'scroll' };
  const stack = rows.length <= STACK_MAX_ROWS && columns.length - 1 >= STACK_MIN_COLUMNS;
  return { hoisted: [], shown: columns, phone: stack ? 'stack' : 'scroll' };
}
