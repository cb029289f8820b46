/**
 * Where an edition's provenance pages live: under the edition's permanent address, so that a
 * figure's provenance link keeps pointing at the figure as that edition published it.
 *   /<region>/<year>/v<N>/provenance/<dataset>/#<cell>
 *   /<region>/<year>/v<N>/provenance/indicateurs/<indicator>/#<result row>
 */
import type { Report } from '../data/catalog.ts';
import { href } from '../site/url.ts';
import { datasetSlug, slugPart } from './figure-id.ts';

type EditionRef = Pick<Report, 'editionId'>;

export const datasetProvenancePath = (report: EditionRef, dataset: string) => `/${report.editionId}/provenance/${datasetSlug(dataset)}/`;
export const indicatorProvenancePath = (report: EditionRef, indicator: string) => `/${report.editionId}/provenance/indicateurs/${slugPart(indicator)}/`;

export const datasetProvenanceUrl = (report: EditionRef, dataset: string, anchor: string) => href(`${datasetProvenancePath(report, dataset)}#${anchor}`);
export const indicatorProvenanceUrl = (report: EditionRef, indicator: string, anchor: string) => href(`${indicatorProvenancePath(report, indicator)}#${anchor}`);

/** An edition's entry on its report's editions page, where its changes are told. */
export const editionChangesUrl = (report: Pick<Report, 'id' | 'edition'>) => href(`/${report.id}/editions/#v${report.edition.number}`);
