/**
 * Every link of the site goes through href(), which puts the deployment's base path in front
 * (astro.config.mjs `base`, from CEP_BASE_PATH): the same build works at the root of a domain
 * and in a GitHub Pages project folder.
 */
const BASE = ((import.meta.env?.BASE_URL as string | undefined) ?? '/').replace(/\/$/, '');

/** A site path (« /donnees/ ») as a link under the base path (« /cep-rapports/donnees/ »). */
export function href(path: string): string {
  return `${BASE}${path}`;
}
