/** robots.txt: everything may be indexed; the sitemap (@astrojs/sitemap) at its absolute address. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/deploy.ts';

const SITEMAP_PATH = '/sitemap-index.xml';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITEMAP_PATH)}\n`);
