/** The citation files of every edition with pages: its own and each chapter's, as `.bib` and CSL-JSON `.json`. */
import type { Report } from '../data/catalog.ts';
import { chapterSlug, copyPaths, type Chapter } from '../components/chapters.ts';
import { href } from '../site/url.ts';
import { bibtexOf, citationOf, type Citation, type CitationTarget } from './citation.ts';

/** What « Pour citer » cites: the edition, or one of its chapters. */
export function chapterCitation(report: Report, chapter?: Chapter): CitationTarget {
  if (!chapter) return { report };
  const slug = chapterSlug(chapter);
  return { report, item: { title: chapter.data.title, path: `${slug}/`, slug } };
}

/** A citation file's link, under the edition's permanent path: « /normandie/2023/v3/citation/normandie-2023-v3.bib ». */
export const citationFileHref = (report: Pick<Report, 'editionId'>, citation: Pick<Citation, 'fileName'>, extension: 'bib' | 'json') =>
  href(`/${report.editionId}/citation/${citation.fileName}.${extension}`);

/** One static path per citation file (the edition first, then its chapters in the plan's order): « normandie-2023-v3.bib », « normandie-2023-v3-entrees-en-cep.json ». */
export async function citationFilePaths() {
  return (await copyPaths(false)).flatMap(({ params, props: { copy } }) =>
    [undefined, ...copy.chapters].flatMap((chapter) => {
      const citation = citationOf(chapterCitation(copy.report, chapter));
      return [
        { params: { ...params, file: `${citation.fileName}.bib` }, props: { body: bibtexOf(citation.csl) } },
        { params: { ...params, file: `${citation.fileName}.json` }, props: { body: `${JSON.stringify([citation.csl], null, 2)}\n` } },
      ];
    }),
  );
}
