/**
 * How pages name an edition among its report's editions, so that two editions released the same
 * day never read alike: « Édition v1, publiée le …, remplacée par l'édition v2 (erratum) le … »,
 * « Édition v2 (erratum), publiée le … ». An edition is an erratum when its changelog says so
 * first (`edition.changes` starting with « Erratum », as CONTRIBUTING.md asks).
 */
import { frenchDate, releaseText } from '../data/editions.ts';

interface EditionLike {
  number: number;
  date?: string;
  changes: string;
}

export const isErratum = (edition: Pick<EditionLike, 'number' | 'changes'>) => edition.number > 1 && /^\s*erratum\b/i.test(edition.changes);

/** « v2 (erratum) », « v1 ». */
export const editionName = (edition: EditionLike) => `v${edition.number}${isErratum(edition) ? ' (erratum)' : ''}`;

/** The edition that replaced this one (the next one released), if any. */
export function replacedBy<E extends { edition: EditionLike }>(edition: E, editions: E[]): E | undefined {
  return editions.find((e) => e.edition.number === edition.edition.number + 1 && e.edition.date);
}

/** « publiée le 22 novembre 2026, remplacée par l'édition v2 (erratum) le 22 novembre 2026 ». */
export function releaseStatus<E extends { edition: EditionLike }>(edition: E, editions: E[]): string {
  const next = replacedBy(edition, editions);
  const replaced = next ? `, remplacée par l'édition ${editionName(next.edition)} le ${frenchDate(next.edition.date!)}` : '';
  return `${releaseText(edition.edition)}${replaced}`;
}

/** « Édition v2 (erratum), publiée le 22 novembre 2026 ». */
export const editionStatus = <E extends { edition: EditionLike }>(edition: E, editions: E[]) =>
  `Édition ${editionName(edition.edition)}, ${releaseStatus(edition, editions)}`;
