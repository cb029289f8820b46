/**
 * What a chart's downloads hold, computed from its props as <Chart> computes them (the same
 * specs, rows, labels and sources): its title, Plot's SVG at the wide size, Champ, Source and
 * notes, and its rows as a CSV with labels beside codes.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { chartVariants } from '../components/chart-variants.ts';
import { dimensionLabels, indicatorSources } from '../components/indicator-context.ts';
import { findResource, type Catalog, type Report } from '../data/catalog.ts';
import { labellerFor } from '../data/labels.ts';
import { labelledCsv } from '../data/publish.ts';
import { indicatorRows } from '../engine/node.ts';
import { writeCsv } from '../engine/csv.ts';
import { getIndicator } from '../indicators/catalogue.ts';
import { withDefaults } from '../indicators/select.ts';
import type { ChartProps } from './chart-id.ts';
import { datasetCharts, type LabelledRow } from './dataset-charts.ts';
import { getChart } from './index.ts';
import { indicatorBars } from './indicator-bars.ts';
import { CHART_SIZES } from './sizes.ts';

export interface ChartModel {
  title: string;
  /** Plot's SVG at the wide size, without the page's ARIA wiring. */
  plotSvg: string;
  champ: string;
  sources: string[];
  csv: string;
}

const WIDE = CHART_SIZES.find((s) => s.name === 'wide')!;

function drawWide(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return Plot.plot({ ...options, width: WIDE.width, document: document as unknown as Document, figure: false }).outerHTML;
}

function datasetModel(catalog: Catalog, report: Report, props: ChartProps): ChartModel {
  const spec = datasetCharts[String(props.chart)]!;
  const resource = findResource(report, String(props.dataset));
  const fields = resource.descriptor.schema.fields;
  const field = (props.field as string | undefined) ?? (fields.some((f) => f.name === 'share') && resource.table.rows.some((r) => r.share !== null) ? 'share' : 'count');
  const definition = fields.find((f) => f.name === field)!;
  const where = Object.entries((props.where as Record<string, unknown> | undefined) ?? {});
  const kept = resource.table.rows.filter((r) => where.every(([k, v]) => String(r[k]) === String(v)));
  const label = labellerFor(catalog, report, resource);
  const rows: LabelledRow[] = kept.map((r) => ({ ...r, ...Object.fromEntries(fields.map((f) => [`${f.name}_label`, label(f.name, r[f.name], r)])) }));
  const options = { field, percent: field === 'share' || /%/.test(definition.title ?? ''), fieldTitle: definition.title };
  return {
    title: (props.title as string | undefined) ?? resource.descriptor.title ?? resource.descriptor.name,
    plotSvg: drawWide(spec.plot(rows, options, WIDE)),
    champ: resource.descriptor.cep?.champ ?? '',
    sources: (resource.descriptor.sources ?? []).map((s) => s.title),
    csv: labelledCsv(catalog, report, { ...resource, table: { ...resource.table, rows: kept } }),
  };
}

async function indicatorModel(catalog: Catalog, report: Report, props: ChartProps): Promise<ChartModel> {
  const { chart, indicator: indicatorId, by: byProp, territories, lecture: _lecture, title: _title, ...given } = props;
  const preset = chart ? getChart(String(chart)) : undefined;
  const indicator = getIndicator(preset?.indicator ?? String(indicatorId));
  const by = (byProp as string | undefined) ?? (preset ? 'operator' : indicator.dimensions.find((d) => !['territory', 'year'].includes(d)) ?? 'territory');
  const { [by]: _bars, ...fixed } = withDefaults(indicator, given as Record<string, string | number>, report);
  const spec = preset ?? indicatorBars(indicator, by);
  const all = await indicatorRows(report, indicator);
  const labels = dimensionLabels(catalog, report, indicator, all);
  const codes = (territories as string[] | undefined) ?? [String(fixed.territory ?? report.region.code)];
  const [variant] = chartVariants({ catalog, report, indicator, by, fixed, all, labels, dimension: 'territory', codes, what: `<Chart>` }).variants;
  const sources = indicatorSources(report, indicator);
  const territoryLabel = (code: unknown) => catalog.territories.get(String(code))?.label ?? String(code);
  const header = [by, `${by}_libelle`, 'territory', 'territory_libelle', 'year', 'numerator', 'value'];
  const rows = variant!.rows.map((r) => [r[by], labels[String(r[by])] ?? String(r[by]), r.territory, territoryLabel(r.territory), r.year, r.numerator, r.value]);
  return {
    title: spec.title(variant!.ctx),
    plotSvg: drawWide(spec.plot(variant!.rows, variant!.ctx, WIDE)),
    champ: sources.champ,
    sources: sources.titles,
    csv: writeCsv(header, rows, { crlf: true }),
  };
}

export function chartModel(catalog: Catalog, report: Report, props: ChartProps): Promise<ChartModel> {
  return props.dataset ? Promise.resolve(datasetModel(catalog, report, props)) : indicatorModel(catalog, report, props);
}
