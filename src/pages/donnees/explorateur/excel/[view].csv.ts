/**
 * The explorer's views for French Excel: /donnees/explorateur/excel/<view>.csv (semicolons,
 * decimal commas, a byte order mark, each label beside its code), as the explorer's own « CSV
 * pour Excel » download writes them; linked from the page for readers without JavaScript.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog } from '../../../../data/catalog.ts';
import { reportsWithChapters } from '../../../../components/chapters.ts';
import { resultCsv } from '../../../../explorer/download.ts';
import { buildQueries } from '../../../../explorer/query.ts';
import type { ResultRow } from '../../../../explorer/render.ts';
import { explorerViews } from '../../../../explorer/views.ts';

export const getStaticPaths = (async () => {
  const catalog = loadCatalog();
  return explorerViews(catalog, await reportsWithChapters(catalog.reports)).map(({ view, rows }) => {
    const { columns } = buildQueries({ mode: 'table', view: view.id, filters: {}, group: [], page: 1 }, view);
    return { params: { view: view.id }, props: { body: resultCsv(columns, rows as ResultRow[], true) } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body);
