/**
 * What the browser tests expect of the built site, derived from the catalog (whatever reports and
 * editions it holds) rather than from named reports: so that they stay true when an editor adds
 * a report or an edition.
 */
import { loadCatalog, type Report } from '../../src/data/catalog.ts';
import { contentDir } from '../../src/data/paths.ts';
import { readChapters } from '../../src/editions/compare.ts';

export const catalog = loadCatalog();

/** An edition's chapter files (`01-….mdx`), in the plan's order. */
export function chapterFiles(editionId: string): string[] {
  return readChapters(contentDir(), editionId)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.mdx'));
}

/** A chapter's URL segment: its file name without number and extension. */
export const chapterSlug = (file: string) => file.replace(/^\d+-/, '').replace(/\.mdx$/, '');

/** Editions get pages once they have chapters. */
export const editionsWithPages = catalog.editions.filter((e) => chapterFiles(e.editionId).length > 0);
/** Reports (latest editions) with pages. */
export const reportsWithPages = catalog.reports.filter((r) => chapterFiles(r.editionId).length > 0);

/** Every edition of a report, oldest first. */
export const editionsOf = (report: Report) => catalog.editions.filter((e) => e.id === report.id);

/** Consecutive editions (older, newer) of the reports with pages. */
export const consecutiveEditions: [Report, Report][] = reportsWithPages.flatMap((r) => {
  const editions = editionsOf(r).filter((e) => editionsWithPages.includes(e));
  return editions.slice(1).map((e, i) => [editions[i]!, e] as [Report, Report]);
});

/** Chapter URLs of an edition's copy: `/<id>/v<N>/<chapter>/`, or the plain `/<id>/<chapter>/`. */
export const chapterUrls = (e: Report, plain = false) => chapterFiles(e.editionId).map((f) => `/${plain ? e.id : e.editionId}/${chapterSlug(f)}/`);

/** Every copy of a report's pages, as its home's URL path: each edition's permanent one, and each report's plain one (its latest edition). */
export const reportCopies = [...editionsWithPages.map((e) => `/${e.editionId}/`), ...reportsWithPages.map((r) => `/${r.id}/`)].sort();
