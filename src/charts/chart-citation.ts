/**
 * The citation line of a chart, drawn into its images and shown on its embed page. One function
 * so that the report's citation (« Pour citer », issue 15 point 3) can take its place.
 */
import { permanentUrl } from '../citation/citation.ts';
import type { Report } from '../data/catalog.ts';
import { editionText } from '../data/editions.ts';

/** « Source : <auteur>, <titre>, édition vN du <date>, <URL permanente> ». */
export function chartCitation(report: Report): string {
  const { author, title } = report.meta;
  return `Source : ${author}, ${title}, ${editionText(report.edition)}, ${permanentUrl(report)}`;
}
