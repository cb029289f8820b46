/**
 * What the cover of a printed report (its PDF) says, from the edition's report.json: the lines
 * a reader of a statistical publication looks for before the first chapter (who publishes it,
 * which edition, of when, after which source, under which licence, where it lives online).
 */
import type { Report } from '../data/catalog.ts';
import { frenchDate } from '../data/editions.ts';
import { isErratum } from '../editions/wording.ts';

/** Licence Ouverte / Open Licence 2.0, at the address the Data Packages give (`licenses[].path`): the one copy of it. */
export const LICENCE = { text: 'Licence Ouverte / Open Licence 2.0 (Etalab)', href: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' };

/** One line of the cover's details: a term and its value, a link when the value is an address. */
export interface CoverFact {
  term: string;
  text: string;
  href?: string;
}

/** Where the printed copy lives online: the address it was printed from, and this edition's permanent one. */
export interface CoverAddresses {
  online: string;
  permanent: string;
}

type CoverReport = Pick<Report, 'meta' | 'edition' | 'region' | 'year'>;

/** « v2, erratum » */
export function editionLabel(edition: { number: number; changes: string }): string {
  return `v${edition.number}${isErratum(edition) ? ', erratum' : ''}`;
}

/** « publiée le 22 novembre 2026 », or « en préparation (non publiée) ». */
function editionDate(edition: { date?: string }): string {
  return edition.date ? `publiée le ${frenchDate(edition.date)}` : 'en préparation (non publiée)';
}

export function coverFacts(report: CoverReport, at: CoverAddresses): CoverFact[] {
  const { meta, edition } = report;
  const facts: CoverFact[] = [
    { term: 'Région', text: report.region.label },
    { term: 'Année observée', text: String(report.year) },
    { term: 'Éditeur', text: meta.author },
    { term: 'Publication source', text: meta.publication },
    { term: 'Cette édition', text: `${editionLabel(edition)}, ${editionDate(edition)}` },
    { term: 'Licence', text: LICENCE.text, href: LICENCE.href },
    { term: 'En ligne', text: at.online, href: at.online },
  ];
  if (at.permanent !== at.online) facts.push({ term: 'Adresse de cette édition', text: at.permanent, href: at.permanent });
  return facts;
}

/** How to cite the edition: publisher, title, edition and date, permanent address. */
export function citation(report: CoverReport, at: CoverAddresses): string {
  const { meta, edition } = report;
  const date = edition.date ? ` du ${frenchDate(edition.date)}` : ' (en préparation)';
  return `${meta.author}, «\u00a0${meta.title}\u00a0», édition v${edition.number}${date}, ${at.permanent}`;
}
