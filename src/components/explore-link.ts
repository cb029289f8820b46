import type { Report } from '../data/catalog.ts';

/** The explorer, opened on a report's dataset, filtered as the chart or table is. */
export function exploreUrl(report: Report, dataset: string, where: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ vue: `${report.id.replace('/', '-')}--${dataset}` });
  for (const [field, value] of Object.entries(where)) params.set(`f.${field}`, String(value));
  return `/donnees/?${params}`;
}
