import { findReport, loadCatalog, type Catalog, type Report } from '../data/catalog.ts';

/**
 * Components used in chapters find their report through Astro.locals, set by the report page,
 * so that editors write <Value indicator="…" /> without repeating the region and year.
 */
export function currentReport(locals: App.Locals): { catalog: Catalog; report: Report } {
  if (!locals.reportId) throw new Error('Composant lié aux données utilisé hors d\u2019une page de rapport');
  const catalog = loadCatalog();
  return { catalog, report: findReport(catalog, locals.reportId) };
}

/** URL of a report's published files (data package, CSV). */
export function dataUrl(report: Report, file: string): string {
  return `/donnees/${report.id}/${file}`;
}
