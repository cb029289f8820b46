/**
 * The files an edition publishes under /donnees/<region>/<year>/[v<N>/]: its Data Package, a
 * CSV per resource (its own datasets and the reference lists its keys point to), and Parquet
 * for its own datasets, written at build time by native DuckDB.
 */
import type { Catalog, Report } from '../data/catalog.ts';
import { publishedCsv, publishedPackage, publishedResources } from '../data/publish.ts';
import { parquetOf } from './node.ts';

type Files = { file: string; body: string | Uint8Array }[];
// The latest edition is published twice (its own folder and the report's): written once.
const written = new WeakMap<Report, Promise<Files>>();

export function editionFiles(catalog: Catalog, report: Report): Promise<Files> {
  let files = written.get(report);
  if (!files) written.set(report, (files = write(catalog, report)));
  return files;
}

async function write(catalog: Catalog, report: Report): Promise<Files> {
  return [
    { file: 'datapackage.json', body: JSON.stringify(publishedPackage(catalog, report), null, 2) },
    ...publishedResources(catalog, report).map((resource) => ({ file: `${resource.descriptor.name}.csv`, body: publishedCsv(resource) })),
    ...(await Promise.all(
      [...report.resources.values()].map(async (resource) => ({ file: `${resource.descriptor.name}.parquet`, body: await parquetOf(report, resource) })),
    )),
  ];
}
