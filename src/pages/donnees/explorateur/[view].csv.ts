/** The explorer's views: /donnees/explorateur/<view>.csv, loaded by DuckDB-WASM in the browser. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog } from '../../../data/catalog.ts';
import { reportsWithChapters } from '../../../components/chapters.ts';
import { explorerViews } from '../../../explorer/views.ts';
import { writeCsv } from '../../../engine/csv.ts';

export const getStaticPaths = (async () => {
  const catalog = loadCatalog();
  return explorerViews(catalog, await reportsWithChapters(catalog.reports)).map(({ view, rows, columns }) => ({
    params: { view: view.id },
    props: { body: writeCsv(columns, rows.map((row) => columns.map((c) => row[c]))) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body);
