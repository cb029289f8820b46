/** The reference lists: /donnees/reference/datapackage.json and one CSV per list. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog } from '../../../data/catalog.ts';
import { publishedCsv } from '../../../data/publish.ts';

export const getStaticPaths = (() => {
  const catalog = loadCatalog();
  const resources = [...catalog.reference.values()];
  const pkg = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    ...catalog.referencePackage,
    resources: resources.map((r) => ({ ...r.descriptor, path: `${r.descriptor.name}.csv` })),
  };
  return [
    { params: { file: 'datapackage.json' }, props: { body: JSON.stringify(pkg, null, 2) } },
    ...resources.map((r) => ({ params: { file: `${r.descriptor.name}.csv` }, props: { body: publishedCsv(r) } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body);
