/**
 * « Pour citer » an edition, a chapter or any titled item of an edition (a chart…). One source of
 * truth, the CSL-JSON object: BibTeX (biblatex dialect) is produced from it by citation-js, only
 * where the .bib files are written (`bibtexOf`); the French text follows ISO 690 (NF ISO 690:2021,
 * documents électroniques), written here.
 * A citation always gives the edition's permanent URL, /<region>/<year>/v<N>/…, never the
 * report's plain URL, whose content changes with each new edition.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Report } from '../data/catalog.ts';
import { frenchDate } from '../data/editions.ts';
import { editionPrefix } from '../data/published-files.ts';
import { absoluteUrl } from '../site/deploy.ts';

type CitedReport = Pick<Report, 'editionId' | 'year' | 'region' | 'edition' | 'meta'>;

/** What is cited: an edition, or an item of it (`path` under the edition's folder, « entrees-en-cep/ »): a chapter or a chart. */
export interface CitationTarget {
  report: CitedReport;
  item?: { title: string; path: string; slug: string; type: 'chapter' | 'figure' };
}

/** The CSL-JSON fields this site fills (a subset of CSL-JSON 1.0). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'report' | 'chapter' | 'figure';
  title: string;
  'container-title'?: string;
  author: { literal: string }[];
  publisher: string;
  issued?: { 'date-parts': [[number, number, number]] };
  version: string;
  medium: string;
  language: 'fr';
  URL: string;
}

export interface Citation {
  csl: CslItem;
  /** The French text, final full stop included, title apart so that a page can set it in italics. */
  text: { before: string; title: string; after: string };
  url: string;
  /** Base name of the `.bib` and `.json` files: « normandie-2023-v3 », « normandie-2023-v3-entrees-en-cep ». */
  fileName: string;
}

/** A chart of the edition, at its embed page (…/v<N>/graphiques/<id>/), under its caption. */
export function chartCitationTarget(report: CitedReport, id: string, title: string): CitationTarget {
  return { report, item: { title, path: `graphiques/${id}/`, slug: `graphique-${id}`, type: 'figure' } };
}

/** The absolute permanent URL of an edition's page. */
export function permanentUrl(report: Pick<Report, 'editionId'>, path = ''): string {
  return absoluteUrl(`/${report.editionId}/${path}`);
}

function cslOf({ report, item }: CitationTarget, key: string): CslItem {
  const { meta, edition } = report;
  const date = edition.date?.split('-').map(Number) as [number, number, number] | undefined;
  return {
    id: key,
    'citation-key': key,
    type: item?.type ?? 'report',
    title: item ? item.title : meta.title,
    ...(item && { 'container-title': meta.title }),
    author: [{ literal: meta.author }],
    publisher: meta.author,
    ...(date && { issued: { 'date-parts': [date] } }),
    version: String(edition.number),
    medium: 'en ligne',
    language: 'fr',
    URL: permanentUrl(report, item?.path),
  };
}

/** ISO 690: AUTEUR. Titre [en ligne]. Édition. Éditeur, date. Disponible à l'adresse : URL. */
function frenchText(csl: CslItem, report: CitedReport): Citation['text'] {
  const author = report.meta.author.toLocaleUpperCase('fr-FR');
  const date = report.edition.date ? frenchDate(report.edition.date) : '[s. d.]';
  const tail = ` [en ligne]. Édition v${report.edition.number}. ${csl.publisher}, ${date}. Disponible à l’adresse : ${csl.URL}.`;
  return csl['container-title']
    ? { before: `${author}. ${csl.title}. In : `, title: csl['container-title'], after: tail }
    : { before: `${author}. `, title: csl.title, after: tail };
}

/** The citation of an edition, or of one of its items. */
export function citationOf(target: CitationTarget): Citation {
  const fileName = [editionPrefix(target.report), target.item?.slug].filter(Boolean).join('-');
  // citation-js keeps a key of letters, digits and underscores only.
  const csl = cslOf(target, fileName.replaceAll('-', '_'));
  return {
    csl,
    text: frenchText(csl, target.report),
    url: csl.URL,
    fileName,
  };
}

/** The citation as BibTeX (biblatex), for its .bib file. */
export const bibtexOf = (csl: CslItem) => new Cite(csl).format('biblatex') as string;
