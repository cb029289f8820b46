/**
 * The published data of a report: /donnees/<region-slug>/<year>/datapackage.json and one CSV
 * per resource (its own datasets and the reference lists its keys point to).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog } from '../../../../data/catalog.ts';
import { publishedCsv, publishedPackage, publishedResources } from '../../../../data/publish.ts';
import { parquetOf } from '../../../../engine/node.ts';

export const getStaticPaths = (async () => {
  const catalog = loadCatalog();
  const paths = await Promise.all(catalog.reports.map(async (report) => {
    const params = { region: report.region.slug, year: String(report.year) };
    return [
      { params: { ...params, file: 'datapackage.json' }, props: { body: JSON.stringify(publishedPackage(catalog, report), null, 2) } },
      ...publishedResources(catalog, report).map((resource) => ({
        params: { ...params, file: `${resource.descriptor.name}.csv` },
        props: { body: publishedCsv(resource) },
      })),
      // Parquet for the report's own datasets: written at build time by native DuckDB.
      ...(await Promise.all(
        [...report.resources.values()].map(async (resource) => ({
          params: { ...params, file: `${resource.descriptor.name}.parquet` },
          props: { body: await parquetOf(report, resource) },
        })),
      )),
    ];
  }));
  return paths.flat();
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { body: string | Uint8Array }).body as BodyInit);
