/**
 * The rows of a dataset added to an edition are listed in full for review (markdown-rows.ts):
 * a reviewer checks them against the printed report, which names « APEC » and « Bretagne »,
 * not `apec` and `53`. This puts the label of each code beside it, with the labeller of the
 * pages (data/labels.ts), so the diff and the site name a code the same way.
 */
import type { Catalog, Report } from '../data/catalog.ts';
import { labellerFor } from '../data/labels.ts';
import type { DatasetDiff } from './compare.ts';

/** Sets `labels` on the rows of the added datasets of an edition's diff (`report`: the after side). */
export function labelAddedRows(datasets: DatasetDiff[], catalog: Catalog, report: Report): void {
  for (const d of datasets) {
    const resource = report.resources.get(d.name);
    if (d.status !== 'added' || !resource) continue;
    const label = labellerFor(catalog, report, resource);
    for (const ref of d.rows.added) {
      const labels: Record<string, string> = {};
      for (const [field, value] of Object.entries(ref.row)) {
        if (value === null || value === undefined || typeof value === 'number') continue;
        const text = label(field, value, ref.row);
        if (text !== '' && text !== String(value)) labels[field] = text;
      }
      if (Object.keys(labels).length > 0) ref.labels = labels;
    }
  }
}
