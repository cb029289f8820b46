/** /donnees/indicateurs.json: every indicator with its label, unit, definition, datasets and SQL. */
import type { APIRoute } from 'astro';
import { loadIndicators } from '../../indicators/catalogue.ts';
import { publishedCatalogue } from '../../indicators/publish.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(publishedCatalogue(loadIndicators()), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
