/**
 * New CEP entries by operator: each operator's share of the territory's entries, as bars
 * labelled with their value (so that nothing is told by colour alone), largest first.
 * Pure functions of the indicator rows: the server renders them to SVG, the browser redraws
 * them after DuckDB-WASM has recomputed the rows for another territory.
 */
import { formatInteger, formatPercent } from '../format/number.ts';
import { horizontalBars, tickFormat } from './layouts.ts';
import type { ChartContext, ChartSpec } from './spec.ts';

interface ShareRow {
  operator: string;
  /** The operator's entries (the share's numerator). */
  numerator: number;
  value: number;
}

const rowsOf = (rows: Record<string, unknown>[]) => (rows as unknown as ShareRow[]).toSorted((a, b) => b.value - a.value);
const total = (rows: ShareRow[]) => rows.reduce((sum, r) => sum + r.numerator, 0);
const name = (r: ShareRow, ctx: ChartContext) => ctx.labels[r.operator] ?? r.operator;

export const entriesByOperator: ChartSpec = {
  id: 'entries-by-operator',
  indicator: 'cep-entries-share',

  title: (ctx) => `Répartition des nouvelles entrées en CEP par opérateur, ${ctx.territoryLabel}, ${ctx.year}`,

  plot(data, ctx, size) {
    const rows = rowsOf(data);
    return horizontalBars({
      bars: rows.map((r) => ({
        label: name(r, ctx),
        value: r.value,
        text: formatPercent(r.value),
        // The count behind each share, on hover and for assistive technology.
        title: `${name(r, ctx)} : ${formatInteger(r.numerator)} entrées, ${formatPercent(r.value)}`,
      })),
      labels: rows.map((r) => name(r, ctx)),
      domain: [0, 100],
      tick: tickFormat(true),
      size,
    });
  },

  describe(data, ctx) {
    const rows = rowsOf(data);
    const [first, ...others] = rows;
    if (!first) return `Aucune entrée en CEP publiée pour ${ctx.territoryLabel} en ${ctx.year}.`;
    const rest = others.map((r) => `${name(r, ctx)} (${formatPercent(r.value)})`);
    const list = rest.length > 1 ? `${rest.slice(0, -1).join(', ')} et ${rest.at(-1)}` : rest.join('');
    return `${ctx.territoryLabel}, ${ctx.year} : ${name(first, ctx)} enregistre ${formatPercent(first.value)} des ${formatInteger(total(rows))} nouvelles entrées en CEP${list ? ` ; suivent ${list}` : ''}.`;
  },

  lecture(data, ctx) {
    const first = rowsOf(data)[0];
    if (!first) return '';
    return `en ${ctx.year}, ${formatPercent(first.value)} des nouvelles entrées en CEP ${ctx.territoryIn} ont été enregistrées par ${name(first, ctx)}.`;
  },
};
