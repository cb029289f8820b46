import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

/** A report's chapters, in the order of the plan (their file names are numbered). */
export async function chaptersOf(reportId: string): Promise<Chapter[]> {
  const chapters = await getCollection('chapters', (c) => c.id.startsWith(`${reportId}/`));
  return chapters.sort((a, b) => a.id.localeCompare(b.id));
}

/** The chapter's URL segment: its file name without the number (« 01-entrees-en-cep » → « entrees-en-cep »). */
export function chapterSlug(chapter: Chapter): string {
  return chapter.id.split('/').at(-1)!.replace(/^\d+-/, '');
}

/** Static paths of the pages that exist once per published report (its home, its whole text). */
export async function reportPaths<T extends { id: string; year: number; region: { slug: string } }>(reports: T[]) {
  return (await reportsWithChapters(reports)).map((report) => ({
    params: { region: report.region.slug, year: String(report.year) },
    props: { report },
  }));
}

/** Reports are published as pages once they have chapters; their data is published regardless. */
export async function reportsWithChapters<T extends { id: string }>(reports: T[]): Promise<T[]> {
  const counts = await Promise.all(reports.map(async (r) => (await chaptersOf(r.id)).length));
  return reports.filter((_, i) => counts[i]! > 0);
}
