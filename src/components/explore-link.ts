import type { Report } from '../data/catalog.ts';
import { href } from '../site/url.ts';

/**
 * The explorer, opened on a report's dataset, filtered as the chart or table is. The explorer
 * holds the latest editions only: an older edition's figures are not there, so no link.
 */
export function exploreUrl(report: Report, dataset: string, where: Record<string, string | number> = {}): string | undefined {
  if (!report.edition.latest) return undefined;
  const params = new URLSearchParams({ vue: `${report.id.replace('/', '-')}--${dataset}` });
  for (const [field, value] of Object.entries(where)) params.set(`f.${field}`, String(value));
  return href(`/donnees/?${params}`);
}
