/** The citation files of every edition with pages: its own and each chapter's, as `.bib` and CSL-JSON `.json`. */
import { chapterSlug, copyPaths, type ReportCopy } from '../components/chapters.ts';
import { citationOf, type Citation } from './citation.ts';

/** The citations an edition's pages offer: the edition first, then its chapters in the plan's order. */
export function editionCitations(copy: Pick<ReportCopy, 'report' | 'chapters'>): Citation[] {
  return [
    citationOf({ report: copy.report }),
    ...copy.chapters.map((c) => citationOf({ report: copy.report, item: { title: c.data.title, path: `${chapterSlug(c)}/`, slug: chapterSlug(c) } })),
  ];
}

/** The folder of an edition's citation files, under its permanent path. */
export const citationFolder = (editionId: string) => `/${editionId}/citation/`;

/** One static path per citation file: « normandie-2023-v3.bib », « normandie-2023-v3-entrees-en-cep.json ». */
export async function citationFilePaths() {
  const copies = (await copyPaths(false)).map((p) => p.props.copy);
  return copies.flatMap((copy) =>
    editionCitations(copy).flatMap((citation) => [
      { params: { region: copy.report.region.slug, year: String(copy.report.year), edition: `v${copy.report.edition.number}`, file: `${citation.fileName}.bib` }, props: { body: citation.bibtex } },
      { params: { region: copy.report.region.slug, year: String(copy.report.year), edition: `v${copy.report.edition.number}`, file: `${citation.fileName}.json` }, props: { body: `${JSON.stringify([citation.csl], null, 2)}\n` } },
    ]),
  );
}
