/**
 * Any indicator as bars: one bar per value of a dimension (`by`: operator, territory, category,
 * year…), labelled with its formatted value so that nothing is told by colour alone. Years run
 * left to right, ordered categories (age bands, levels) keep their order, other bars are
 * sorted by value (order.ts). Pure functions of the rows: the server renders them, the
 * browser redraws after a DuckDB-WASM query.
 */
import { formatValue } from '../format/number.ts';
import type { IndicatorDefinition } from '../indicators/model.ts';
import { horizontalBars, tickFormat, verticalBars } from './layouts.ts';
import { isOrderedDimension, sortCategories } from './order.ts';
import type { BarsContext, ChartSpec } from './spec.ts';

type BrowserIndicator = Pick<IndicatorDefinition, 'id' | 'label' | 'unit' | 'decimals' | 'dimensions'>;
type Row = Record<string, unknown>;

const labelOf = (r: Row, by: string, ctx: BarsContext) => ctx.labels[String(r[by])] ?? String(r[by]);
const present = (rows: Row[]) => rows.filter((r) => typeof r.value === 'number');

/** Where the chart is (territory, year), unless the bars are the territories or the years. */
function place(by: string, ctx: BarsContext): string {
  return [by === 'territory' ? '' : ctx.territoryLabel, by === 'year' ? '' : String(ctx.year)].filter(Boolean).join(', ');
}

export function indicatorBars(indicator: BrowserIndicator, by: string): ChartSpec<BarsContext> {
  const show = (v: unknown) => formatValue(v as number | null, indicator.unit, indicator.decimals);
  const valueOf = (r: Row) => (typeof r.value === 'number' ? r.value : null);
  /** The rows in drawing order. */
  const ordered = (data: Row[], ctx: BarsContext): Row[] => {
    if (by === 'year') return data.toSorted((a, b) => Number(a.year) - Number(b.year));
    const keep = by === 'category' && data.every((r) => isOrderedDimension(r.dimension));
    const order = sortCategories(data, (r) => labelOf(r, by, ctx), valueOf, keep, (r) => r[by]);
    return data.toSorted((a, b) => order.indexOf(labelOf(a, by, ctx)) - order.indexOf(labelOf(b, by, ctx)));
  };
  return {
    id: `${indicator.id}-by-${by}`,
    indicator: indicator.id,
    title: (ctx) => `${indicator.label}, ${by === 'year' ? 'par année' : by === 'territory' ? 'par territoire' : by === 'operator' ? 'par opérateur' : 'par catégorie'}${place(by, ctx) ? `, ${place(by, ctx)}` : ''}`,
    plot(data, ctx, size) {
      const rows = ordered(data, ctx);
      const values = present(rows).map((r) => r.value as number);
      const percent = indicator.unit === 'percent' || indicator.unit === 'variation';
      const layout = {
        bars: rows.map((r) => ({ label: labelOf(r, by, ctx), value: valueOf(r), text: show(r.value), title: `${labelOf(r, by, ctx)} : ${show(r.value)}` })),
        labels: rows.map((r) => labelOf(r, by, ctx)),
        // Shares of a whole are read against 100 % once one of them is large.
        domain: indicator.unit === 'percent' && Math.max(0, ...values) > 60 ? ([0, 100] as [number, number]) : undefined,
        tick: tickFormat(percent),
        size,
      };
      return by === 'year' ? verticalBars(layout) : horizontalBars(layout);
    },
    describe(data, ctx) {
      const rows = present(ordered(data, ctx));
      if (rows.length === 0) return `Aucune valeur publiée pour ${indicator.label.toLowerCase()}${place(by, ctx) ? ` (${place(by, ctx)})` : ''}.`;
      const list = rows.map((r) => `${labelOf(r, by, ctx)} : ${show(r.value)}`).join(' ; ');
      return `${indicator.label}${place(by, ctx) ? `, ${place(by, ctx)}` : ''}. ${list}.`;
    },
    lecture(data, ctx) {
      // The latest year reads best; otherwise the first bar drawn.
      const rows = present(ordered(data, ctx));
      const first = by === 'year' ? rows.at(-1) : rows[0];
      if (!first) return '';
      return `${[place(by, ctx), labelOf(first, by, ctx)].filter(Boolean).join(', ')} : ${show(first.value)} (${indicator.label.charAt(0).toLowerCase()}${indicator.label.slice(1)}).`;
    },
  };
}
