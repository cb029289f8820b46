/**
 * Charts drawn from a dataset's rows (not from an indicator): profiles as bars per category,
 * faceted by operator or territory; yearly counts as bars per year. Rows arrive labelled
 * (`<field>_label` beside each code), so the specs stay pure and need no nomenclature.
 */
import * as Plot from '@observablehq/plot';
import { decimalsOf, formatDecimal, formatInteger, formatPercent } from '../format/number.ts';

export type LabelledRow = Record<string, string | number | boolean | null>;

export interface DatasetChartSpec {
  id: string;
  /** The fields the chart needs: checked by the component, with a readable error. */
  plot(rows: LabelledRow[], options: { field: string; percent: boolean }): Plot.PlotOptions;
  describe(rows: LabelledRow[], options: { field: string; percent: boolean }): string;
}

const show = (value: number, percent: boolean) => (percent ? formatPercent(value, decimalsOf(value)) : formatInteger(value));
const facetOf = (rows: LabelledRow[]) =>
  ['operator', 'territory', 'year', 'population'].find((k) => new Set(rows.map((r) => String(r[k]))).size > 1);

/** One bar per category, one panel per operator (or territory, year) when there are several. */
export const profileBars: DatasetChartSpec = {
  id: 'profile-bars',
  plot(rows, { field, percent }) {
    const data = rows.filter((r) => r[field] !== null);
    const facet = facetOf(data);
    const categories = [...new Set(data.map((r) => String(r.category_label)))];
    const panels = facet ? new Set(data.map((r) => String(r[`${facet}_label`] ?? r[facet]))).size : 1;
    // Long category names wrap on two or three lines: rows are tall enough for them.
    const rowHeight = categories.some((c) => c.length > 60) ? 42 : categories.some((c) => c.length > 32) ? 30 : 22;
    return {
      width: 640,
      height: 60 + panels * (categories.length * rowHeight + 40),
      marginLeft: 250,
      marginRight: 50,
      marginTop: facet ? 30 : 20,
      style: { fontSize: '12px' },
      x: { label: percent ? 'Part (%)' : 'Effectif', tickFormat: (d: number) => formatDecimal(d, 0), grid: true, ...(percent ? { domain: [0, 100] } : {}) },
      y: { domain: categories, label: null },
      // Panel names stand above each panel, where they cannot collide with the bars' values.
      fy: facet ? { label: null, axis: null, padding: 0.25 } : undefined,
      marks: [
        Plot.axisY({ label: null, lineWidth: 20, tickSize: 0 }),
        ...(facet
          ? [Plot.text([...new Set(data.map((r) => String(r[`${facet}_label`])))], { fy: (d: string) => d, text: (d: string) => d, frameAnchor: 'top-left', dy: -16, fontWeight: 'bold', fontSize: 13 })]
          : []),
        Plot.barX(data, { x: field, y: 'category_label', fy: facet ? `${facet}_label` : undefined, fill: '#1d5b87' }),
        Plot.text(data, { x: field, y: 'category_label', fy: facet ? `${facet}_label` : undefined, text: (r: LabelledRow) => show(Number(r[field]), percent), textAnchor: 'start', dx: 4, fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    };
  },
  describe(rows, { field, percent }) {
    const data = rows.filter((r) => r[field] !== null);
    const facet = facetOf(data);
    const groups = facet ? [...new Set(data.map((r) => String(r[`${facet}_label`])))] : [''];
    return groups
      .map((g) => {
        const inGroup = data.filter((r) => !facet || String(r[`${facet}_label`]) === g).sort((a, b) => Number(b[field]) - Number(a[field]));
        const top = inGroup[0];
        return top ? `${g ? `${g} : ` : ''}${String(top.category_label)} en tête (${show(Number(top[field]), percent)})` : '';
      })
      .filter(Boolean)
      .join(' ; ')
      .concat('.');
  },
};

/** Yearly figures, one bar per year, one panel per territory when there are several. */
export const yearBars: DatasetChartSpec = {
  id: 'year-bars',
  plot(rows, { field, percent }) {
    const data: LabelledRow[] = rows.filter((r) => r[field] !== null).map((r) => ({ ...r, year_text: String(r.year) }));
    const several = new Set(data.map((r) => String(r.territory))).size > 1;
    return {
      width: 640,
      height: 280,
      marginLeft: 60,
      style: { fontSize: '12px' },
      x: { label: null, domain: [...new Set(data.map((r) => String(r.year_text)))].sort() },
      y: { label: percent ? 'Part (%)' : null, tickFormat: (d: number) => formatDecimal(d, 0), grid: true },
      fx: several ? { label: null } : undefined,
      marks: [
        Plot.barY(data, { x: 'year_text', y: field, fx: several ? 'territory_label' : undefined, fill: '#1d5b87' }),
        Plot.text(data, { x: 'year_text', y: field, fx: several ? 'territory_label' : undefined, text: (r: LabelledRow) => show(Number(r[field]), percent), dy: -6, lineAnchor: 'bottom', fill: 'currentColor' }),
        Plot.ruleY([0]),
      ],
    };
  },
  describe(rows, { field, percent }) {
    const data = rows.filter((r) => r[field] !== null);
    const territories = [...new Set(data.map((r) => String(r.territory_label)))];
    return territories
      .map((t) => {
        const series = data.filter((r) => String(r.territory_label) === t).sort((a, b) => Number(a.year) - Number(b.year));
        return `${t} : ${series.map((r) => `${String(r.year)} ${show(Number(r[field]), percent)}`).join(', ')}`;
      })
      .join(' ; ')
      .concat('.');
  },
};

export const datasetCharts: Record<string, DatasetChartSpec> = { [profileBars.id]: profileBars, [yearBars.id]: yearBars };
