/**
 * schema.org `Dataset` of an edition's data, for search engines (Google Dataset Search): typed
 * with schema-dts, so that the compiler checks the vocabulary. Set on the edition's home.
 */
import type { DataDownload, Dataset, WithContext } from 'schema-dts';
import type { Catalog, Report } from '../data/catalog.ts';
import { permanentUrl } from '../citation/citation.ts';
import { coverageOf } from './coverage.ts';
import { LICENCE } from '../print/cover.ts';
import { archiveDistribution, datasetDistributions, type Distribution } from './distributions.ts';

// Datasets' files unnamed: their URL says which dataset, and the page stays light (the DCAT catalogue names them).
const download = (d: Distribution): DataDownload => ({ '@type': 'DataDownload', ...(!d.dataset && { name: d.title }), encodingFormat: d.mediaType, contentUrl: d.url });

/** The Dataset of an edition's data; its coverage is the union of its datasets' (coverage.ts). */
export function editionDataset(report: Report, territories: Catalog['territories']): WithContext<Dataset> {
  const organisation = { '@type': 'Organization', name: report.meta.author } as const;
  const names = [...report.resources.keys()];
  const { years, territories: covered } = coverageOf(report.resources.values(), territories);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${permanentUrl(report)}#donnees`,
    name: report.package.title,
    description: `Données de « ${report.meta.title} » (${report.meta.author}, ${report.meta.publication}), édition v${report.edition.number} : ${names.length} tableaux en CSV et Parquet, décrits par un Data Package.`,
    url: permanentUrl(report),
    version: String(report.edition.number),
    ...(report.edition.date && { datePublished: report.edition.date }),
    inLanguage: 'fr',
    isAccessibleForFree: true,
    license: LICENCE.href,
    creator: organisation,
    publisher: organisation,
    ...(covered.length > 0 && { spatialCoverage: covered.map((t) => ({ '@type': 'AdministrativeArea', name: t.label, identifier: t.code }) as const) }),
    // ISO 8601: one year, or an interval of years.
    ...(years && { temporalCoverage: years.first === years.last ? String(years.first) : `${years.first}/${years.last}` }),
    distribution: [archiveDistribution(report), ...names.flatMap((n) => datasetDistributions(report, n, ['labelled', 'parquet']))].map(download),
  };
}
