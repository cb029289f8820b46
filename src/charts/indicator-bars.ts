/**
 * Any indicator as bars: one bar per value of a dimension (`by`: operator, territory, category,
 * year…), labelled with its formatted value so that nothing is told by colour alone. Years run
 * left to right; other dimensions are sorted as the indicator's SQL returns them. Pure
 * functions of the rows: the server renders them, the browser redraws after a DuckDB-WASM query.
 */
import * as Plot from '@observablehq/plot';
import { formatDecimal, formatValue } from '../format/number.ts';
import type { IndicatorDefinition } from '../indicators/model.ts';
import type { ChartContext, ChartSpec } from './spec.ts';

type BrowserIndicator = Pick<IndicatorDefinition, 'id' | 'label' | 'unit' | 'decimals' | 'dimensions'>;
type Row = Record<string, unknown>;

const labelOf = (r: Row, by: string, ctx: ChartContext) => ctx.labels[String(r[by])] ?? String(r[by]);
const present = (rows: Row[]) => rows.filter((r) => typeof r.value === 'number');

/** Where the chart is (territory, year), unless the bars are the territories or the years. */
function place(by: string, ctx: ChartContext): string {
  return [by === 'territory' ? '' : ctx.territoryLabel, by === 'year' ? '' : String(ctx.year)].filter(Boolean).join(', ');
}

export function indicatorBars(indicator: BrowserIndicator, by: string): ChartSpec {
  const show = (v: unknown) => formatValue(v as number | null, indicator.unit, indicator.decimals);
  const signed = indicator.unit === 'variation' || indicator.unit === 'points';
  return {
    id: `${indicator.id}-by-${by}`,
    indicator: indicator.id,
    title: (ctx) => `${indicator.label}, ${by === 'year' ? 'par année' : by === 'territory' ? 'par territoire' : by === 'operator' ? 'par opérateur' : 'par catégorie'}${place(by, ctx) ? `, ${place(by, ctx)}` : ''}`,
    plot(data, ctx) {
      const rows = data.map((r) => ({ ...r, label: labelOf(r, by, ctx) }));
      const values = present(rows).map((r) => r.value as number);
      const max = Math.max(0, ...values);
      const min = Math.min(0, ...values);
      const domain = indicator.unit === 'percent' && max > 60 ? [0, 100] : [min * 1.15, max * 1.15 || 1];
      const axis = { label: null, tickFormat: (d: number) => formatDecimal(d, 0), grid: true, domain };
      const text = (r: Row) => show(r.value);
      if (by === 'year')
        return {
          height: 320,
          marginTop: 30,
          style: { fontSize: '13px' },
          x: { domain: rows.map((r) => r.label), label: null },
          y: axis,
          marks: [
            Plot.barY(rows, { x: 'label', y: 'value', fill: '#1d5b87', title: (r: Row) => `${String(r.label)} : ${text(r)}` }),
            // A missing value is said at the baseline (« n.d. »), not left as a silent gap.
            Plot.text(rows, { x: 'label', y: (r: Row) => r.value ?? 0, text, dy: -8, fill: 'currentColor' }),
            Plot.ruleY([0]),
          ],
        };
      const longest = Math.max(...rows.map((r) => r.label.length), 4);
      return {
        height: 48 + 36 * rows.length,
        marginLeft: Math.min(260, 20 + 7 * longest),
        marginRight: signed ? 80 : 70,
        style: { fontSize: '13px' },
        x: axis,
        y: { domain: rows.map((r) => r.label), label: null },
        marks: [
          Plot.barX(rows, { x: 'value', y: 'label', fill: '#1d5b87', title: (r: Row) => `${String(r.label)} : ${text(r)}` }),
          Plot.text(rows, { x: (r: Row) => (typeof r.value === 'number' && r.value < 0 ? 0 : (r.value ?? 0)), y: 'label', text, textAnchor: 'start', dx: 5, fill: 'currentColor' }),
          Plot.ruleX([0]),
        ],
      };
    },
    describe(data, ctx) {
      const rows = present(data);
      if (rows.length === 0) return `Aucune valeur publiée pour ${indicator.label.toLowerCase()}${place(by, ctx) ? ` (${place(by, ctx)})` : ''}.`;
      const list = rows.map((r) => `${labelOf(r, by, ctx)} : ${show(r.value)}`).join(' ; ');
      return `${indicator.label}${place(by, ctx) ? `, ${place(by, ctx)}` : ''}. ${list}.`;
    },
    lecture(data, ctx) {
      // The latest year reads best; otherwise the first bar, as the query sorts them.
      const first = by === 'year' ? present(data).at(-1) : present(data)[0];
      if (!first) return '';
      return `${[place(by, ctx), labelOf(first, by, ctx)].filter(Boolean).join(', ')} : ${show(first.value)} (${indicator.label.charAt(0).toLowerCase()}${indicator.label.slice(1)}).`;
    },
  };
}
