/**
 * What a chart's downloads hold, from the same input as the chart on the page (chart-input.ts):
 * its title, Plot's SVG at the wide size, Champ, Source and notes, and its rows as a CSV with
 * labels beside codes.
 */
import { isCoded } from '../components/indicator-context.ts';
import type { Catalog, Report } from '../data/catalog.ts';
import { labelledCsv } from '../data/publish.ts';
import { writeCsv } from '../engine/csv.ts';
import type { ChartProps } from './chart-id.ts';
import { datasetChartInput, indicatorChartInput } from './chart-input.ts';
import { plotAt } from './render-svg.ts';
import { WIDE_SIZE } from './sizes.ts';

export interface ChartModel {
  title: string;
  /** Plot's SVG at the wide size, without the page's ARIA wiring. */
  plotSvg: string;
  champ: string;
  sources: string[];
  csv: string;
}

function datasetModel(catalog: Catalog, report: Report, props: ChartProps): ChartModel {
  const { spec, resource, kept, rows, options, title, sources } = datasetChartInput(catalog, report, props);
  return {
    title,
    plotSvg: plotAt(spec.plot(rows, options, WIDE_SIZE), WIDE_SIZE),
    champ: resource.descriptor.cep?.champ ?? '',
    sources,
    csv: labelledCsv(catalog, report, { ...resource, table: { ...resource.table, rows: kept } }),
  };
}

async function indicatorModel(catalog: Catalog, report: Report, props: ChartProps): Promise<ChartModel> {
  const { indicator, by, spec, labels, variants, sources } = await indicatorChartInput(catalog, report, props);
  const [variant] = variants;
  // Each dimension once, the bars' first, a coded one followed by its label; then the figures.
  const dimensions = [by, ...indicator.dimensions.filter((d) => d !== by)];
  const label = (dimension: string, code: unknown) =>
    code === null || code === undefined ? null : dimension === 'territory' ? (catalog.territories.get(String(code))?.label ?? String(code)) : (labels[String(code)] ?? String(code));
  const header = [...dimensions.flatMap((d) => (isCoded(d) ? [d, `${d}_libelle`] : [d])), 'numerator', 'value'];
  const rows = variant!.rows.map((r) => [...dimensions.flatMap((d) => (isCoded(d) ? [r[d], label(d, r[d])] : [r[d]])), r.numerator, r.value]);
  return {
    title: spec.title(variant!.ctx),
    plotSvg: plotAt(spec.plot(variant!.rows, variant!.ctx, WIDE_SIZE), WIDE_SIZE),
    champ: sources.champ,
    sources: sources.titles,
    csv: writeCsv(header, rows, { crlf: true }),
  };
}

export function chartModel(catalog: Catalog, report: Report, props: ChartProps): Promise<ChartModel> {
  return props.dataset ? Promise.resolve(datasetModel(catalog, report, props)) : indicatorModel(catalog, report, props);
}
