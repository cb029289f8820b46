import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve('dist');

/** Every HTML page of the built site, as its URL path (« /<region>/<year>/ »). */
export function builtPages(dir = DIST): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind') pages.push(...builtPages(full));
    } else if (name.endsWith('.html')) {
      const rel = `/${path.relative(DIST, full).split(path.sep).join('/')}`;
      pages.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
    }
  }
  return pages.sort();
}

/** The HTML of a built page, from its URL path. */
export function builtHtml(urlPath: string): string {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return readFileSync(path.join(DIST, file), 'utf8');
}

/** Folders of pages generated from one template per edition: provenance pages and chart embeds. */
const GENERATED = /^(.*\/(?:provenance|graphiques)\/(?:indicateurs\/)?)[^/]+\/$/;

/**
 * The pages a browser check opens: every page, except that each family of generated pages (one
 * template per edition: provenance pages, chart embeds) is represented by its first and its
 * largest page — the same markup with other rows, a few hundred pages that would double the suite.
 */
export function representativePages(pages = builtPages()): string[] {
  const families = new Map<string, string[]>();
  const kept: string[] = [];
  for (const page of pages) {
    const family = GENERATED.exec(page)?.[1];
    if (family) families.set(family, [...(families.get(family) ?? []), page]);
    else kept.push(page);
  }
  for (const members of families.values()) {
    const largest = members.reduce((a, b) => (builtHtml(b).length > builtHtml(a).length ? b : a));
    kept.push(...new Set([members[0]!, largest]));
  }
  return kept.sort();
}
