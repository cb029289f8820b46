/**
 * New CEP entries by operator: each operator's share of the territory's entries, as bars
 * labelled with their value (so that nothing is told by colour alone).
 * Pure functions of the indicator rows: the server renders them to SVG, the browser redraws
 * them after DuckDB-WASM has recomputed the rows for another territory.
 */
import * as Plot from '@observablehq/plot';
import { formatDecimal, formatInteger, formatPercent } from '../format/number.ts';
import type { ChartSpec } from './spec.ts';

interface ShareRow {
  operator: string;
  /** The operator's entries (the share's numerator). */
  numerator: number;
  value: number;
}

const rowsOf = (rows: Record<string, unknown>[]) => rows as unknown as ShareRow[];
const total = (rows: ShareRow[]) => rows.reduce((sum, r) => sum + r.numerator, 0);

export const entriesByOperator: ChartSpec = {
  id: 'entries-by-operator',
  indicator: 'cep-entries-share',

  title: (ctx) => `Répartition des nouvelles entrées en CEP par opérateur, ${ctx.territoryLabel}, ${ctx.year}`,

  plot(data, ctx) {
    const rows = rowsOf(data).map((r) => ({ ...r, label: ctx.labels[r.operator] ?? r.operator }));
    return {
      width: 640,
      height: 48 + 36 * rows.length,
      marginLeft: 150,
      marginRight: 56,
      style: { fontSize: '13px' },
      x: { domain: [0, 100], label: 'Part des nouvelles entrées (%)', tickFormat: (d: number) => formatDecimal(d, 0), grid: true },
      y: { domain: rows.map((r) => r.label), label: null },
      marks: [
        Plot.barX(rows, {
          x: 'value',
          y: 'label',
          fill: '#1d5b87',
          // A native tooltip with the count behind each share.
          title: (r: ShareRow & { label: string }) => `${r.label} : ${formatInteger(r.numerator)} entrées, ${formatPercent(r.value)}`,
        }),
        Plot.text(rows, { x: 'value', y: 'label', text: (r: ShareRow) => formatPercent(r.value), textAnchor: 'start', dx: 5, fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    };
  },

  describe(data, ctx) {
    const rows = rowsOf(data);
    const [first, ...others] = rows;
    if (!first) return `Aucune entrée en CEP publiée pour ${ctx.territoryLabel} en ${ctx.year}.`;
    const name = (r: ShareRow) => ctx.labels[r.operator] ?? r.operator;
    const rest = others.map((r) => `${name(r)} (${formatPercent(r.value)})`);
    const list = rest.length > 1 ? `${rest.slice(0, -1).join(', ')} et ${rest.at(-1)}` : rest.join('');
    return `${ctx.territoryLabel}, ${ctx.year} : ${name(first)} enregistre ${formatPercent(first.value)} des ${formatInteger(total(rows))} nouvelles entrées en CEP${list ? ` ; suivent ${list}` : ''}.`;
  },

  lecture(data, ctx) {
    const first = rowsOf(data)[0];
    if (!first) return '';
    return `en ${ctx.year}, ${formatPercent(first.value)} des nouvelles entrées en CEP en ${ctx.territoryLabel} ont été enregistrées par ${ctx.labels[first.operator] ?? first.operator}.`;
  },
};
