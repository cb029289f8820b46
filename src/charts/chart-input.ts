/**
 * What a chart draws, from its props: the spec, rows, options and title that <Chart> renders on
 * the page and chart-model.ts writes into the chart's files. One place, so that a downloaded
 * file cannot differ from the chart on the page. Errors name the chart in the component's words.
 */
import { dimensionLabels, indicatorSources } from '../components/indicator-context.ts';
import { chartVariants, variantRows } from '../components/chart-variants.ts';
import { findResource, type Catalog, type Report } from '../data/catalog.ts';
import { fieldChoices, selectorChoices } from '../data/choices.ts';
import { quote } from '../data/issues.ts';
import { labellerFor } from '../data/labels.ts';
import { indicatorRows } from '../engine/node.ts';
import { getIndicator } from '../indicators/catalogue.ts';
import { checkSelectors, withDefaults } from '../indicators/select.ts';
import { isPercent } from '../tables/model.ts';
import type { ChartProps } from './chart-id.ts';
import { datasetCharts, type LabelledRow } from './dataset-charts.ts';
import { getChart } from './index.ts';
import { indicatorBars } from './indicator-bars.ts';

/** A dataset chart: its rows kept by `where`, labelled, and the options of its spec. */
export function datasetChartInput(catalog: Catalog, report: Report, props: ChartProps) {
  const chart = String(props.chart ?? '');
  const spec = datasetCharts[chart];
  if (!spec) throw new Error(`<Chart chart="${chart}">: graphique inconnu ; attendu entries-by-operator, ${Object.keys(datasetCharts).join(', ')}`);
  const resource = findResource(report, String(props.dataset));
  const fields = resource.descriptor.schema.fields;
  const field = (props.field as string | undefined) ?? (fields.some((f) => f.name === 'share') && resource.table.rows.some((r) => r.share !== null) ? 'share' : 'count');
  const definition = fields.find((f) => f.name === field);
  if (!definition) throw new Error(`<Chart dataset="${resource.descriptor.name}">: champ « ${field} » inconnu ; attendu un des ${fieldChoices(resource)}`);
  const whereProp = props.where as Record<string, string | number> | undefined;
  const where = Object.entries(whereProp ?? {});
  const unknown = where.find(([k]) => !fields.some((f) => f.name === k));
  if (unknown) throw new Error(`<Chart dataset="${resource.descriptor.name}">: clé ${quote(unknown[0])} de where inconnue ; attendu un des ${fieldChoices(resource)}`);
  const kept = resource.table.rows.filter((r) => where.every(([k, v]) => String(r[k]) === String(v)));
  const label = labellerFor(catalog, report, resource);
  const rows: LabelledRow[] = kept.map((r) => ({ ...r, ...Object.fromEntries(fields.map((f) => [`${f.name}_label`, label(f.name, r[f.name], r)])) }));
  if (rows.length === 0) throw new Error(`<Chart dataset="${resource.descriptor.name}">: aucune ligne ne correspond à ${JSON.stringify(whereProp)} ; ${selectorChoices(resource, whereProp ?? {})}`);
  const options = { field, percent: field === 'share' || isPercent(definition), fieldTitle: definition.title };
  return {
    spec,
    resource,
    where,
    /** The dataset's rows that `where` keeps, as they are (the CSV's). */
    kept,
    /** The same, each field beside its label (the spec's). */
    rows,
    options,
    title: (props.title as string | undefined) ?? resource.descriptor.title,
    sources: (resource.descriptor.sources ?? []).map((s) => s.title),
  };
}

/** An indicator chart's request: its indicator, the dimension of its bars (`by`), the other dimensions fixed (defaults applied), its spec and rows. */
async function indicatorChartRequest(catalog: Catalog, report: Report, props: ChartProps) {
  const { chart, indicator: indicatorId, by: byProp, territories, lecture: _lecture, title: _title, ...rest } = props;
  const preset = chart ? getChart(String(chart)) : undefined;
  if (!preset && !indicatorId) throw new Error('<Chart> : attribut « indicator » (un indicateur de data/indicators) ou « dataset » attendu');
  const indicator = getIndicator(preset?.indicator ?? String(indicatorId));
  const what = `<Chart ${chart ? `chart="${chart}"` : `indicator="${indicator.id}"`}>`;
  const by = (byProp as string | undefined) ?? (preset ? 'operator' : indicator.dimensions.find((d) => !['territory', 'year'].includes(d)) ?? 'territory');
  if (!indicator.dimensions.includes(by)) throw new Error(`${what} : by=« ${by} » n'est pas une dimension de l'indicateur ; attendu ${indicator.dimensions.join(', ')}`);
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
  checkSelectors(indicator, given, what);
  const { [by]: _bars, ...fixed } = withDefaults(indicator, given, report);
  const all = await indicatorRows(report, indicator);
  const codes = (territories as string[] | undefined) ?? [String(fixed.territory ?? report.region.code)];
  const request = { catalog, report, indicator, by, fixed, all, labels: dimensionLabels(catalog, report, indicator, all), dimension: 'territory', codes, what };
  return { request, spec: preset ?? indicatorBars(indicator, by) };
}

/** An indicator chart: its indicator, bars, spec and labels, and its variants, one per territory of `territories` that has values. */
export async function indicatorChartInput(catalog: Catalog, report: Report, props: ChartProps) {
  const { request, spec } = await indicatorChartRequest(catalog, report, props);
  const { indicator, by, labels } = request;
  const { legend, variants, absent } = chartVariants(request);
  return { indicator, by, spec, labels, legend, variants, absent, sources: indicatorSources(report, indicator) };
}

/** Whether a chart draws anything in the edition: a territory of a switch may have no value there. */
export async function chartHasValues(catalog: Catalog, report: Report, props: ChartProps): Promise<boolean> {
  if (props.dataset) return true;
  const { request } = await indicatorChartRequest(catalog, report, props);
  return variantRows(request, request.codes[0]!).rows.length > 0;
}

/** A chart's caption as its page shows it (for a switch narrowed to one territory, that territory's). */
export async function chartTitle(catalog: Catalog, report: Report, props: ChartProps): Promise<string> {
  if (props.dataset) return datasetChartInput(catalog, report, props).title;
  const { spec, variants } = await indicatorChartInput(catalog, report, props);
  return spec.title(variants[0]!.ctx);
}
