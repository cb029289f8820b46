/**
 * The files an edition publishes under /donnees/<region>/<year>/[v<N>/]: its Data Package, a
 * CSV per resource (its own datasets and the reference lists its keys point to), and Parquet
 * for its own datasets, written at build time by native DuckDB.
 */
import type { Catalog, Report } from '../data/catalog.ts';
import { publishedCsv, publishedPackage, publishedResources } from '../data/publish.ts';
import { parquetOf } from './node.ts';

export async function editionFiles(catalog: Catalog, report: Report): Promise<{ file: string; body: string | Uint8Array }[]> {
  return [
    { file: 'datapackage.json', body: JSON.stringify(publishedPackage(catalog, report), null, 2) },
    ...publishedResources(catalog, report).map((resource) => ({ file: `${resource.descriptor.name}.csv`, body: publishedCsv(resource) })),
    ...(await Promise.all(
      [...report.resources.values()].map(async (resource) => ({ file: `${resource.descriptor.name}.parquet`, body: await parquetOf(report, resource) })),
    )),
  ];
}
