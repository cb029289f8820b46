/** The citation files of every edition with pages: its own, each chapter's and each chart's, as `.bib` and CSL-JSON `.json`. */
import { loadCatalog, type Catalog, type Report } from '../data/catalog.ts';
import { chartTitle } from '../charts/chart-input.ts';
import { drawnCharts } from '../charts/chart-routes.ts';
import { chapterSlug, copyPaths, type Chapter, type ReportCopy } from '../components/chapters.ts';
import { href } from '../site/url.ts';
import { bibtexOf, chartCitationTarget, citationOf, type Citation, type CitationTarget } from './citation.ts';

/** What « Pour citer » cites: the edition, or one of its chapters. */
export function chapterCitation(report: Report, chapter?: Chapter): CitationTarget {
  if (!chapter) return { report };
  const slug = chapterSlug(chapter);
  return { report, item: { title: chapter.data.title, path: `${slug}/`, slug, type: 'chapter' } };
}

/** A citation file's link, under the edition's permanent path: « /normandie/2023/v3/citation/normandie-2023-v3.bib ». */
export const citationFileHref = (report: Pick<Report, 'editionId'>, citation: Pick<Citation, 'fileName'>, extension: 'bib' | 'json') =>
  href(`/${report.editionId}/citation/${citation.fileName}.${extension}`);

/** What an edition's citation files cite: the edition, its chapters in the plan's order, then its charts. */
async function citedIn(catalog: Catalog, copy: ReportCopy): Promise<CitationTarget[]> {
  const charts = await drawnCharts(catalog, copy.report);
  const titles = await Promise.all(charts.map((chart) => chartTitle(catalog, copy.report, chart.props)));
  return [
    ...[undefined, ...copy.chapters].map((chapter) => chapterCitation(copy.report, chapter)),
    ...charts.map((chart, i) => chartCitationTarget(copy.report, chart.id, titles[i]!)),
  ];
}

/** One static path per citation file: « normandie-2023-v3.bib », « normandie-2023-v3-entrees-en-cep.json », « normandie-2023-v3-graphique-<id>.bib ». */
export async function citationFilePaths() {
  const catalog = loadCatalog();
  const perEdition = await Promise.all(
    (await copyPaths(false)).map(async ({ params, props: { copy } }) =>
      (await citedIn(catalog, copy)).flatMap((target) => {
        const citation = citationOf(target);
        return [
          { params: { ...params, file: `${citation.fileName}.bib` }, props: { body: bibtexOf(citation.csl) } },
          { params: { ...params, file: `${citation.fileName}.json` }, props: { body: `${JSON.stringify([citation.csl], null, 2)}\n` } },
        ];
      }),
    ),
  );
  return perEdition.flat();
}
