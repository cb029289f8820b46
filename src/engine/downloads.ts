/**
 * The files an edition publishes under /donnees/<region>/<year>/[v<N>/]: its Data Package, a
 * CSV per resource (its own datasets and the reference lists its keys point to), for each of
 * its own datasets the CSV with labels beside codes, the same for French Excel and Parquet
 * (written at build time by native DuckDB), and one ZIP of them all with a French guide.
 */
import type { Catalog, Report } from '../data/catalog.ts';
import { editionReadme, type EditionUrls } from '../data/edition-readme.ts';
import { permanentUrl } from '../citation/citation.ts';
import { dataFileUrl } from '../metadata/distributions.ts';
import { labelledCsv, publishedCsv, publishedPackage, publishedResources } from '../data/publish.ts';
import { archiveName, folderFile, README_FILE } from '../data/published-files.ts';
import { zipArchive, type ArchiveFile } from './archive.ts';
import { parquetOf } from './node.ts';

type Files = ArchiveFile[];
// The latest edition is published twice (its own folder and the report's): written once.
const written = new WeakMap<Report, Promise<Files>>();

/** Every file of the edition's folder. */
export function editionFiles(catalog: Catalog, report: Report): Promise<Files> {
  let files = written.get(report);
  if (!files) written.set(report, (files = writeEditionFiles(catalog, report)));
  return files;
}

/** The edition's permanent addresses on the deployed site (CEP_SITE_URL), for its guide. */
function editionUrls(report: Report): EditionUrls {
  return { page: permanentUrl(report), data: dataFileUrl(report, '') };
}

/** A file's size in bytes, as served. */
export const byteSize = (body: string | Uint8Array) => (typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);

/** The files written afresh (editionFiles keeps them for the build). */
export async function writeEditionFiles(catalog: Catalog, report: Report): Promise<Files> {
  const own = [...report.resources.values()];
  const files: Files = [
    { file: 'datapackage.json', body: JSON.stringify(publishedPackage(catalog, report), null, 2) },
    ...publishedResources(catalog, report).map((resource) => ({ file: folderFile(resource.descriptor.name, 'plain'), body: publishedCsv(resource) })),
    ...own.flatMap((resource) => [
      { file: folderFile(resource.descriptor.name, 'labelled'), body: labelledCsv(catalog, report, resource) },
      { file: folderFile(resource.descriptor.name, 'excel'), body: labelledCsv(catalog, report, resource, { excel: true }) },
    ]),
    ...(await Promise.all(own.map(async (resource) => ({ file: folderFile(resource.descriptor.name, 'parquet'), body: await parquetOf(report, resource) })))),
  ];
  const readme = { file: README_FILE, body: editionReadme(catalog, report, editionUrls(report)) };
  return [...files, { file: archiveName(report), body: zipArchive([readme, ...files], report.edition.date) }];
}
