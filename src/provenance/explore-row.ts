/**
 * The explorer opened on one dataset row: filtered by the row's key fields the explorer lets a
 * reader filter on (its facets, explorer/views.ts); the other key fields (a free text, a rank)
 * cannot be filtered on, and the link then shows the few rows the facets leave.
 */
import type { Catalog, Report, Resource } from '../data/catalog.ts';
import type { Row } from '../data/table.ts';
import { exploreUrl } from '../components/explore-link.ts';
import { explorerViews, type ViewData } from '../explorer/views.ts';

let views: { catalog: Catalog; byId: Map<string, ViewData> } | undefined;

function facetsOf(catalog: Catalog, viewId: string): Set<string> {
  if (views?.catalog !== catalog) views = { catalog, byId: new Map(explorerViews(catalog, catalog.reports).map((v) => [v.view.id, v])) };
  return new Set((views.byId.get(viewId)?.view.fields ?? []).filter((f) => f.role === 'facet').map((f) => f.name));
}

export function exploreRowUrl(catalog: Catalog, report: Report, resource: Resource, row: Row): string | undefined {
  const name = resource.descriptor.name;
  const facets = facetsOf(catalog, `${report.id.replace('/', '-')}--${name}`);
  const key = (resource.descriptor.schema.primaryKey ?? []).filter((k) => facets.has(k) && row[k] !== null);
  return exploreUrl(report, name, Object.fromEntries(key.map((k) => [k, String(row[k])])));
}
