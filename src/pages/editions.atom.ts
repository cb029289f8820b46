/** The Atom feed of editions (src/metadata/feed.ts). */
import type { APIRoute } from 'astro';
import { loadCatalog } from '../data/catalog.ts';
import { editionsFeed } from '../metadata/feed.ts';

export const GET: APIRoute = () => new Response(editionsFeed(loadCatalog()));
