/** The DCAT-AP catalogue of every dataset of every edition (src/metadata/dcat.ts). */
import type { APIRoute } from 'astro';
import { loadCatalog } from '../../data/catalog.ts';
import { dcatCatalogue } from '../../metadata/dcat.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(dcatCatalogue(loadCatalog()), null, 1));
