/** The downloads an edition publishes, at its permanent data address /donnees/<region>/<year>/v<N>/. */
import type { Report } from '../data/catalog.ts';
import { archiveName, folderFile, VARIANT_LINKS, type Variant } from '../data/published-files.ts';
import { absoluteUrl } from '../site/deploy.ts';

export interface Distribution {
  title: string;
  url: string;
  mediaType: string;
  /** The dataset it holds; none for the edition's archive. */
  dataset?: string;
}

type EditionOf = Pick<Report, 'editionId' | 'year' | 'region' | 'edition' | 'resources'>;

export const dataFileUrl = (report: Pick<Report, 'editionId'>, file: string) => absoluteUrl(`/donnees/${report.editionId}/${file}`);

/** The edition's ZIP archive (every file, with its guide). */
export function archiveDistribution(report: EditionOf): Distribution {
  return { title: `Archive ZIP de toutes les données, édition v${report.edition.number}`, url: dataFileUrl(report, archiveName(report)), mediaType: 'application/zip' };
}

/** One dataset's files, in the given variants. */
export function datasetDistributions(report: EditionOf, dataset: string, variants: readonly Variant[]): Distribution[] {
  return variants.map((variant) => ({
    title: VARIANT_LINKS[variant].title,
    url: dataFileUrl(report, folderFile(dataset, variant)),
    mediaType: VARIANT_LINKS[variant].type,
    dataset,
  }));
}
