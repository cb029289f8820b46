import { href } from './url.ts';

/**
 * Where the site is deployed, from the environment: CEP_SITE_URL is its origin, CEP_BASE_PATH
 * its folder there (« /cep-rapports/ » for a GitHub Pages project site; « / » by default).
 * Read by astro.config.mjs and by the tools that serve the built site.
 */
export function basePath(): string {
  const folder = (process.env.CEP_BASE_PATH ?? '').replace(/^\/+|\/+$/g, '');
  return folder ? `/${folder}/` : '/';
}

export function siteUrl(): string {
  return process.env.CEP_SITE_URL || 'http://127.0.0.1:4321';
}

/** A site path (« /donnees/ ») as an absolute URL on the deployed site, base path included. */
export function absoluteUrl(path: string): string {
  return new URL(href(path), siteUrl()).href;
}

/**
 * The Cache-Control that GitHub Pages (deploy.yml) sends with every file: a second visit within
 * ten minutes takes the page's files from the browser's cache. The benchmarks serve the site
 * with it (serve.ts, `preview` headers in astro.config.mjs) to measure a second visit as readers live it.
 */
export const DEPLOYED_CACHE_CONTROL = 'max-age=600';

/** The preview server's headers: the deployment's caching when a tool asks for it, none otherwise. */
export function previewHeaders(): Record<string, string> | undefined {
  const cacheControl = process.env.CEP_PREVIEW_CACHE_CONTROL;
  return cacheControl ? { 'Cache-Control': cacheControl } : undefined;
}
