/**
 * The published data of a report: /donnees/<region-slug>/<year>/datapackage.json and one CSV
 * per resource (its own datasets and the reference lists its keys point to).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog } from '../../../../data/catalog.ts';
import { publishedCsv, publishedPackage, publishedResources } from '../../../../data/publish.ts';

export const getStaticPaths = (() => {
  const catalog = loadCatalog();
  return catalog.reports.flatMap((report) => {
    const params = { region: report.region.slug, year: String(report.year) };
    return [
      { params: { ...params, file: 'datapackage.json' }, props: { body: JSON.stringify(publishedPackage(catalog, report), null, 2) } },
      ...publishedResources(catalog, report).map((resource) => ({
        params: { ...params, file: `${resource.descriptor.name}.csv` },
        props: { body: publishedCsv(resource) },
      })),
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body);
