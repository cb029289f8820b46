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
