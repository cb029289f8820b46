/**
 * What the provenance page of an indicator shows for one edition: its definition and formula
 * (the SQL of data/indicators, with the shared views it uses), the datasets it reads, and for
 * each result row its value, the rows of those datasets about the same territory, year… (InputDataset)
 * and its value in every edition.
 */
import type { Catalog, Report, Resource } from '../data/catalog.ts';
import { indicatorRows } from '../engine/node.ts';
import { formatValue } from '../format/number.ts';
import { loadIndicators } from '../indicators/catalogue.ts';
import type { IndicatorDefinition, IndicatorRow, SharedView } from '../indicators/model.ts';
import { indicatorSources, dimensionLabels } from '../components/indicator-context.ts';
import { indicatorFigureId, rowId } from './figure-id.ts';
import { indicatorHistory } from './history.ts';
import { noticesAbout } from '../editions/revisions-view.ts';
import { rowCaption, showHistory, type KeyPart, type ShownHistory } from './describe.ts';
import { sourceOf, type SourceDescription } from './dataset-page.ts';
import { datasetProvenanceUrl, indicatorProvenanceUrl } from './urls.ts';

export interface InputRow {
  url: string;
  caption: KeyPart[];
}

/**
 * The rows of a dataset the indicator reads that agree with a result's dimensions (those the
 * dataset has): what the result is about, not the rows its SQL reads, which may leave some out
 * (another operator, a total) or read others (a denominator, another year).
 */
export interface InputDataset {
  name: string;
  title: string;
  /** Titles of the fields the rows agree with the result on (none: every row). */
  matchedOn: string[];
  rows: InputRow[];
}

export interface ResultProvenance {
  id: string;
  dimensions: KeyPart[];
  text: string;
  /** The raw value, as the figure's own element carries it on chapter pages. */
  value: string;
  inputs: InputDataset[];
  history: ShownHistory[];
}

export interface IndicatorProvenance {
  indicator: IndicatorDefinition;
  /** The shared views its SQL names, with their own SQL. */
  views: SharedView[];
  sources: (SourceDescription & { name: string; title: string })[];
  results: ResultProvenance[];
}

/** Datasets of the edition the indicator reads (the codes lists aside: they only label). */
export function readResources(report: Report, indicator: IndicatorDefinition): Resource[] {
  return indicatorSources(report, indicator).resources.map((name) => report.resources.get(name)!);
}

function inputsOf(catalog: Catalog, report: Report, resources: Resource[], row: IndicatorRow, dimensions: string[]): InputDataset[] {
  return resources.map((resource) => {
    const fields = new Set(resource.descriptor.schema.fields.map((f) => f.name));
    const matchedOn = dimensions.filter((d) => fields.has(d) && row[d] !== null && row[d] !== undefined);
    const rows = resource.table.rows.filter((r) => matchedOn.every((d) => String(r[d]) === String(row[d])));
    return {
      name: resource.descriptor.name,
      title: resource.descriptor.title ?? resource.descriptor.name,
      matchedOn: matchedOn.map((d) => resource.descriptor.schema.fields.find((f) => f.name === d)?.title ?? d),
      rows: rows.map((r) => ({ url: datasetProvenanceUrl(report, resource.descriptor.name, rowId(resource, r)), caption: rowCaption(catalog, report, resource, r) })),
    };
  });
}

export async function indicatorProvenance(catalog: Catalog, report: Report, indicator: IndicatorDefinition): Promise<IndicatorProvenance> {
  const resources = readResources(report, indicator);
  const rows = await indicatorRows(report, indicator);
  const labels = dimensionLabels(catalog, report, indicator, rows);
  const fields = resources.flatMap((r) => r.descriptor.schema.fields);
  const titleOf = (d: string) => fields.find((f) => f.name === d)?.title ?? d;
  const format = (v: unknown) => formatValue(typeof v === 'number' ? v : null, indicator.unit, indicator.decimals);
  const results = await Promise.all(
    rows.map(async (row) => {
      const id = indicatorFigureId(indicator, row);
      const figure = { indicator: indicator.id, dimensions: Object.fromEntries(indicator.dimensions.map((d) => [d, row[d] ?? null])) };
      return {
        id,
        dimensions: indicator.dimensions.map((d) => ({ label: titleOf(d), value: labels[String(row[d])] ?? String(row[d] ?? '') })),
        text: format(row.value),
        value: String(row.value ?? ''),
        inputs: inputsOf(catalog, report, resources, row, indicator.dimensions),
        history: showHistory(await indicatorHistory(catalog, report, indicator, row), {
          text: (h, set) => format(set ? set.value : h.value),
          urlIn: (e) => indicatorProvenanceUrl(e, indicator.id, id),
          noticesIn: (e) => noticesAbout(catalog, e, [figure]),
        }),
      };
    }),
  );
  return {
    indicator,
    views: loadIndicators().views.filter((v) => new RegExp(`\\b${v.name}\\b`).test(indicator.sql)),
    sources: resources.map((r) => ({ name: r.descriptor.name, title: r.descriptor.title ?? r.descriptor.name, ...sourceOf(report, r) })),
    results,
  };
}

