/**
 * Every link of the site goes through href(), which puts the deployment's base path in front
 * (astro.config.mjs `base`, from CEP_BASE_PATH): the same build works at the root of a domain
 * and in a GitHub Pages project folder.
 */
let base = '/';
try {
  // Replaced by Vite with the configured base (written out in full: Vite replaces only this form).
  base = import.meta.env.BASE_URL ?? '/';
} catch {
  // Outside Vite (scripts run by tsx), import.meta.env does not exist: the site's root.
}
const BASE = base.replace(/\/$/, '');

/** A site path (« /donnees/ ») as a link under the base path (« /cep-rapports/donnees/ »). */
export function href(path: string): string {
  return `${BASE}${path}`;
}
