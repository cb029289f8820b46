import { findReport, loadCatalog, type Catalog, type Report } from '../data/catalog.ts';
import { href } from '../site/url.ts';

/**
 * Components used in chapters find their report edition through Astro.locals, set by the
 * report page, so that editors write <Value indicator="…" /> without repeating the region and year.
 */
export function currentReport(locals: App.Locals): { catalog: Catalog; report: Report } {
  if (!locals.reportId) throw new Error('Composant lié aux données utilisé hors d\u2019une page de rapport');
  const catalog = loadCatalog();
  return { catalog, report: findReport(catalog, locals.reportId) };
}

/**
 * URL of an edition's published files (data package, CSV): the report's plain data folder for
 * its latest edition, the edition's own folder (/donnees/<region>/<year>/v<N>/) for an older one.
 */
export function dataUrl(report: Report, file: string): string {
  return href(`/donnees/${report.edition.latest ? report.id : report.editionId}/${file}`);
}
