import { getCollection, type CollectionEntry } from 'astro:content';
import { loadCatalog, type Report } from '../data/catalog.ts';

export type Chapter = CollectionEntry<'chapters'>;

/** An edition's chapters, in the order of the plan (their file names are numbered). */
export async function chaptersOf(editionId: string): Promise<Chapter[]> {
  const chapters = await getCollection('chapters', (c) => c.id.startsWith(`${editionId}/`));
  return chapters.sort((a, b) => a.id.localeCompare(b.id));
}

/** The chapter's URL segment: its file name without the number (« 01-entrees-en-cep » → « entrees-en-cep »). */
export function chapterSlug(chapter: Chapter): string {
  return chapter.id.split('/').at(-1)!.replace(/^\d+-/, '');
}

/**
 * One copy of an edition's pages. Every edition has its permanent copy under
 * /<region>/<year>/v<N>/; the latest one is also the report's plain URL, /<region>/<year>/.
 */
export interface ReportCopy {
  report: Report;
  chapters: Chapter[];
  /** URL path of the copy's home, without the site's base path: « /<region>/<year>/v1/ ». */
  path: string;
  /** The plain URL of the report, showing its latest edition. */
  alias: boolean;
}

/** Editions get pages once they have chapters; their data is published regardless. */
async function copies(): Promise<ReportCopy[]> {
  const out: ReportCopy[] = [];
  for (const report of loadCatalog().editions) {
    const chapters = await chaptersOf(report.editionId);
    if (chapters.length === 0) continue;
    out.push({ report, chapters, path: `/${report.editionId}/`, alias: false });
    if (report.edition.latest) out.push({ report, chapters, path: `/${report.id}/`, alias: true });
  }
  return out;
}

function params(copy: ReportCopy) {
  const { region, year } = copy.report;
  return copy.alias ? { region: region.slug, year: String(year) } : { region: region.slug, year: String(year), edition: `v${copy.report.edition.number}` };
}

/** Static paths of the pages that exist once per copy (home, whole report): `alias` picks the plain or the versioned route. */
export async function copyPaths(alias: boolean) {
  return (await copies()).filter((c) => c.alias === alias).map((copy) => ({ params: params(copy), props: { copy } }));
}

/** Static paths of the chapter pages of the plain or the versioned route. */
export async function chapterPaths(alias: boolean) {
  return (await copies())
    .filter((c) => c.alias === alias)
    .flatMap((copy) => copy.chapters.map((chapter, index) => ({ params: { ...params(copy), chapter: chapterSlug(chapter) }, props: { copy, index } })));
}

/** Reports (latest editions) published as pages. */
export async function reportsWithChapters<T extends { editionId: string }>(reports: T[]): Promise<T[]> {
  const counts = await Promise.all(reports.map(async (r) => (await chaptersOf(r.editionId)).length));
  return reports.filter((_, i) => counts[i]! > 0);
}
