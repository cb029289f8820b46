/**
 * Charts drawn from a dataset's rows (not from an indicator): profiles as bars per category,
 * in panels by operator or territory; yearly counts as bars per year. Rows arrive labelled
 * (`<field>_label` beside each code), so the specs stay pure and need no nomenclature.
 */
import type * as Plot from '@observablehq/plot';
import { decimalsOf, formatInteger, formatPercent } from '../format/number.ts';
import { horizontalBars, tickFormat, verticalBars, type Bar } from './layouts.ts';
import { isOrderedDimension, sortCategories } from './order.ts';
import type { ChartSize } from './sizes.ts';

export type LabelledRow = Record<string, string | number | boolean | null>;

export interface DatasetChartOptions {
  field: string;
  percent: boolean;
  /** The field's title in the data package (« Dossiers acceptés »), for the Lecture sentence. */
  fieldTitle?: string;
}

export interface DatasetChartSpec {
  id: string;
  plot(rows: LabelledRow[], options: DatasetChartOptions, size: ChartSize): Plot.PlotOptions;
  describe(rows: LabelledRow[], options: DatasetChartOptions): string;
  /** How to read one bar (« en 2023, 40 % des … »), generated from the rows, without the prefix. */
  lecture(rows: LabelledRow[], options: DatasetChartOptions): string;
}

const show = (value: number | null, percent: boolean) => (value === null ? formatInteger(null) : percent ? formatPercent(value, decimalsOf(value)) : formatInteger(value));
const valueOf = (r: LabelledRow, field: string) => (typeof r[field] === 'number' ? (r[field] as number) : null);
const facetOf = (rows: LabelledRow[]) =>
  ['operator', 'territory', 'year', 'population'].find((k) => new Set(rows.map((r) => String(r[k]))).size > 1);
const labelOf = (r: LabelledRow, field: string) => String(r[`${field}_label`] || r[field]);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Profile rows in drawing order: panels, then categories in each panel. */
function arrange(rows: LabelledRow[], field: string) {
  const facet = facetOf(rows);
  const panelOf = (r: LabelledRow) => (facet ? labelOf(r, facet) : '');
  const panelRows = facet === 'year' ? rows.toSorted((a, b) => Number(a.year) - Number(b.year)) : rows;
  const panels = [...new Set(panelRows.map(panelOf))];
  const ordered = isOrderedDimension(rows[0]?.dimension);
  const labels = sortCategories(rows, (r) => String(r.category_label), (r) => valueOf(r, field), ordered, (r) => r.category);
  const rank = (r: LabelledRow) => panels.indexOf(panelOf(r)) * labels.length + labels.indexOf(String(r.category_label));
  return { facet, panelOf, panels, labels, rows: rows.toSorted((a, b) => rank(a) - rank(b)) };
}

/**
 * « en 2023, 40 % des nouvelles entrées en CEP relèvent de « 18 à 29 ans » (Normandie) »: the
 * row's year, value, population and category, then where it stands.
 */
function categoryLecture(row: LabelledRow, { field, percent }: DatasetChartOptions, where: string[]): string {
  const value = show(valueOf(row, field), percent);
  const population = row.population_label ? lowerFirst(String(row.population_label)) : '';
  const year = row.year ? `en ${String(row.year)}, ` : '';
  const place = where.length ? ` (${where.join(', ')})` : '';
  const category = `« ${String(row.category_label)} »`;
  if (!population) return `${year}${category} : ${value}${place}.`;
  return `${year}${value}${percent ? ' des' : ''} ${population} relèvent de ${category}${place}.`;
}

/** One bar per category, one panel per operator (or territory, year) when there are several. */
export const profileBars: DatasetChartSpec = {
  id: 'profile-bars',
  plot(rows, { field, percent }, size) {
    const { panelOf, panels, labels, rows: ordered } = arrange(rows, field);
    const bars: Bar[] = ordered.map((r) => {
      const label = String(r.category_label);
      const text = show(valueOf(r, field), percent);
      return { label, panel: panelOf(r), value: valueOf(r, field), text, title: `${panelOf(r) ? `${panelOf(r)}, ` : ''}${label} : ${text}` };
    });
    const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
    return horizontalBars({ bars, labels, panels, domain: percent && max > 60 ? [0, 100] : undefined, tick: tickFormat(percent), size });
  },
  describe(rows, { field, percent }) {
    const data = rows.filter((r) => r[field] !== null);
    const facet = facetOf(data);
    const groups = facet ? [...new Set(data.map((r) => String(r[`${facet}_label`])))] : [''];
    return groups
      .map((g) => {
        const inGroup = data.filter((r) => !facet || String(r[`${facet}_label`]) === g).sort((a, b) => Number(b[field]) - Number(a[field]));
        const top = inGroup[0];
        return top ? `${g ? `${g} : ` : ''}${String(top.category_label)} en tête (${show(valueOf(top, field), percent)})` : '';
      })
      .filter(Boolean)
      .join(' ; ')
      .concat('.');
  },
  lecture(rows, options) {
    const { facet, panelOf, rows: ordered } = arrange(rows, options.field);
    const first = ordered.find((r) => valueOf(r, options.field) !== null);
    if (!first) return '';
    const where = [facet && facet !== 'year' && facet !== 'territory' ? panelOf(first) : '', first.territory_label ? String(first.territory_label) : ''];
    return categoryLecture(first, options, where.filter(Boolean));
  },
};

/** Yearly figures, one bar per year, one panel per territory when there are several. */
export const yearBars: DatasetChartSpec = {
  id: 'year-bars',
  plot(rows, { field, percent }, size) {
    const data = rows.toSorted((a, b) => Number(a.year) - Number(b.year));
    const territories = [...new Set(rows.map((r) => labelOf(r, 'territory')))];
    const several = territories.length > 1;
    const bars: Bar[] = data.map((r) => {
      const text = show(valueOf(r, field), percent);
      return { label: String(r.year), panel: several ? labelOf(r, 'territory') : undefined, value: valueOf(r, field), text, title: `${labelOf(r, 'territory')}, ${String(r.year)} : ${text}` };
    });
    const labels = [...new Set(data.map((r) => String(r.year)))];
    return verticalBars({ bars, labels, panels: several ? territories : undefined, tick: tickFormat(percent), size });
  },
  describe(rows, { field, percent }) {
    const data = rows.filter((r) => r[field] !== null);
    const territories = [...new Set(data.map((r) => String(r.territory_label)))];
    return territories
      .map((t) => {
        const series = data.filter((r) => String(r.territory_label) === t).sort((a, b) => Number(a.year) - Number(b.year));
        return `${t} : ${series.map((r) => `${String(r.year)} ${show(valueOf(r, field), percent)}`).join(', ')}`;
      })
      .join(' ; ')
      .concat('.');
  },
  lecture(rows, options) {
    const { field, percent, fieldTitle } = options;
    const first = rows.find((r) => valueOf(r, field) !== null);
    if (!first) return '';
    // The latest year of the first territory drawn.
    const latest = rows.filter((r) => r.territory === first.territory && valueOf(r, field) !== null).sort((a, b) => Number(b.year) - Number(a.year))[0]!;
    const territory = labelOf(latest, 'territory');
    if (latest.category_label) return categoryLecture(latest, options, [territory]);
    const value = show(valueOf(latest, field), percent);
    const what = lowerFirst((fieldTitle ?? field).replace(/\s*\(%\)$/, ''));
    return percent ? `en ${String(latest.year)}, ${what} : ${value} (${territory}).` : `en ${String(latest.year)}, ${value} ${what} (${territory}).`;
  },
};

export const datasetCharts: Record<string, DatasetChartSpec> = { [profileBars.id]: profileBars, [yearBars.id]: yearBars };
