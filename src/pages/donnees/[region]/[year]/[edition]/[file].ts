/** The published data of every edition, as it was released: /donnees/<region-slug>/<year>/v<N>/<file>. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog } from '../../../../../data/catalog.ts';
import { editionFiles } from '../../../../../engine/downloads.ts';

export const getStaticPaths = (async () => {
  const catalog = loadCatalog();
  const paths = await Promise.all(catalog.editions.map(async (report) =>
    (await editionFiles(catalog, report)).map(({ file, body }) => ({
      params: { region: report.region.slug, year: String(report.year), edition: `v${report.edition.number}`, file },
      props: { body },
    })),
  ));
  return paths.flat();
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { body: string | Uint8Array }).body as BodyInit);
