/** robots.txt: everything may be indexed; the sitemap (@astrojs/sitemap) at its absolute address. */
import type { APIRoute } from 'astro';
import { siteUrl } from '../site/deploy.ts';
import { href } from '../site/url.ts';

export const SITEMAP_PATH = '/sitemap-index.xml';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(href(SITEMAP_PATH), siteUrl()).href}\n`);
