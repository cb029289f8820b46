/**
 * The citation line of a chart, drawn into its images and shown on its embed page. One function
 * so that the report's citation (« Pour citer », issue 15 point 3) can take its place.
 */
import type { Report } from '../data/catalog.ts';
import { frenchDate } from '../data/editions.ts';
import { siteUrl } from '../site/deploy.ts';
import { href } from '../site/url.ts';

/** The edition's permanent address, absolute: « https://…/normandie/2023/v3/ ». */
export function permanentUrl(report: Report): string {
  return new URL(href(`/${report.editionId}/`), siteUrl()).href;
}

/** « Source : <auteur>, <titre>, édition vN du <date>, <URL permanente> ». */
export function chartCitation(report: Report): string {
  const { author, title } = report.meta;
  const edition = report.edition.date ? `édition v${report.edition.number} du ${frenchDate(report.edition.date)}` : `édition v${report.edition.number} (en préparation)`;
  return `Source : ${author}, ${title}, ${edition}, ${permanentUrl(report)}`;
}
