/** /donnees/indicateurs/<id>.json: an indicator across every published report (explorer/comparisons.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { reportsWithChapters } from '../../../components/chapters.ts';
import { loadCatalog } from '../../../data/catalog.ts';
import { indicatorComparison } from '../../../explorer/comparisons.ts';
import { loadIndicators } from '../../../indicators/catalogue.ts';

export const getStaticPaths = (async () => {
  const catalog = loadCatalog();
  const published = await reportsWithChapters(catalog.reports);
  return Promise.all(
    loadIndicators().indicators.map(async (indicator) => ({
      params: { indicator: indicator.id },
      props: { body: JSON.stringify(await indicatorComparison(catalog, published, indicator)) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
