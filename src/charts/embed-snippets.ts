/**
 * The « Intégrer » snippets of a chart: an iframe of its embed page, or its PNG with the
 * citation beneath, both at the edition's permanent, absolute address. (Kept out of the
 * component: Astro's compiler misreads HTML inside a template string of a front matter.)
 */
import type { Report } from '../data/catalog.ts';
import { absoluteUrl } from '../site/deploy.ts';
import { chartCitation } from './chart-citation.ts';
import { escapeXml, FRAMED_WIDE_WIDTH } from './frame.ts';

/** Site path of an edition's charts folder: « /normandie/2023/v3/graphiques/ ». */
export const chartsFolder = (report: Report) => `/${report.editionId}/graphiques/`;

export function embedSnippets(report: Report, id: string, title: string): { iframe: string; image: string } {
  const file = (name: string) => absoluteUrl(`${chartsFolder(report)}${name}`);
  return {
    iframe: `<iframe src="${file(`${id}/`)}" title="${escapeXml(title)}" width="100%" height="720" style="border:0" loading="lazy"></iframe>`,
    image: `<figure><img src="${file(`${id}.png`)}" alt="${escapeXml(title)}" width="${FRAMED_WIDE_WIDTH}"><figcaption>${escapeXml(chartCitation(report))}</figcaption></figure>`,
  };
}
