/**
 * The « Intégrer » snippets of a chart: an iframe of its embed page, or its PNG with the
 * citation beneath, both at the edition's permanent, absolute address. (Kept out of the
 * component: Astro's compiler misreads HTML inside a template string of a front matter.)
 */
import type { Report } from '../data/catalog.ts';
import { siteUrl } from '../site/deploy.ts';
import { href } from '../site/url.ts';
import { chartCitation } from './chart-citation.ts';

/** Site path of an edition's charts folder: « /normandie/2023/v3/graphiques/ ». */
export const chartsFolder = (report: Report) => `/${report.editionId}/graphiques/`;

const absolute = (path: string) => new URL(href(path), siteUrl()).href;
const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedSnippets(report: Report, id: string, title: string): { iframe: string; image: string } {
  const folder = chartsFolder(report);
  return {
    iframe: `<iframe src="${absolute(`${folder}${id}/`)}" title="${attribute(title)}" width="100%" height="720" style="border:0" loading="lazy"></iframe>`,
    image: `<figure><img src="${absolute(`${folder}${id}.png`)}" alt="${attribute(title)}" width="672"><figcaption>${attribute(chartCitation(report))}</figcaption></figure>`,
  };
}
