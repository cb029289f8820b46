/**
 * What a chart of an indicator says about its data: the report's datasets the indicator reads
 * (for the Champ, Source and Note lines, the downloads and the discrepancies), and the labels of
 * the codes its rows carry.
 */
import type { Catalog, Report } from '../data/catalog.ts';
import { labellerFor } from '../data/labels.ts';
import { readsKind, type IndicatorDefinition, type IndicatorRow } from '../indicators/model.ts';

const unique = (values: string[]) => [...new Set(values.filter(Boolean))];

export function indicatorSources(report: Report, indicator: IndicatorDefinition) {
  const read = [...report.resources.values()].filter((r) => readsKind(indicator, r.descriptor.cep?.kind) && r.descriptor.cep?.kind !== 'categories' && r.table.rows.length > 0);
  return {
    resources: read.map((r) => r.descriptor.name),
    champ: unique(read.map((r) => r.descriptor.cep?.champ ?? '')).join(' ; '),
    titles: unique(read.flatMap((r) => (r.descriptor.sources ?? []).map((s) => s.title))),
    notes: unique(read.flatMap((r) => r.descriptor.cep?.notes ?? [])),
    technicalNotes: unique(read.flatMap((r) => r.descriptor.cep?.technicalNotes ?? [])),
  };
}

/** Whether a dimension's values are codes with a label (every one but the years). */
export const isCoded = (dimension: string) => dimension !== 'year' && !dimension.endsWith('_year');

/** Code → label for every dimension value of the rows (operators as named in the report's year). */
export function dimensionLabels(catalog: Catalog, report: Report, indicator: IndicatorDefinition, rows: IndicatorRow[]): Record<string, string> {
  const resource = [...report.resources.values()].find((r) => readsKind(indicator, r.descriptor.cep?.kind));
  const labels: Record<string, string> = {};
  if (!resource) return labels;
  const label = labellerFor(catalog, report, resource);
  for (const row of rows)
    for (const d of indicator.dimensions) {
      const code = row[d];
      if (code === null || code === undefined || !isCoded(d)) continue;
      labels[String(code)] ??= d === 'population' ? (catalog.reference.get('populations')?.table.rows.find((p) => p.code === code)?.label as string | undefined) ?? String(code) : label(d, code, row as never);
    }
  return labels;
}
