import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folders of a built site that hold no page of ours: Astro's assets, the search index, the PDFs' print copies. */
const NOT_PAGES = new Set(['_astro', 'pagefind', '_print']);

/** Every HTML page of a built site, as its URL path (« /<region>/<year>/ »), sorted. */
export function builtPages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html') && !NOT_PAGES.has(f.split('/')[0]!))
    .map((f) => `/${f}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** The file of a built page, from its URL path. */
export function builtFile(outDir: string, urlPath: string): string {
  return path.join(outDir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
}

/** Folders of pages generated from one template per edition: provenance pages and chart embeds. */
const GENERATED = /^(.*\/(?:provenance|graphiques)\/(?:indicateurs\/)?)[^/]+\/$/;

/**
 * The pages a browser check opens: every page, except that each family of generated pages (one
 * template per edition: provenance pages, chart embeds) is represented by its first and its
 * largest page — the same markup with other rows, a few hundred pages that would double the checks.
 */
export function representativePages(outDir: string, pages = builtPages(outDir)): string[] {
  const families = new Map<string, string[]>();
  const kept: string[] = [];
  for (const page of pages) {
    const family = GENERATED.exec(page)?.[1];
    if (family) families.set(family, [...(families.get(family) ?? []), page]);
    else kept.push(page);
  }
  const size = (page: string) => statSync(builtFile(outDir, page)).size;
  for (const members of families.values()) {
    const largest = members.reduce((a, b) => (size(b) > size(a) ? b : a));
    kept.push(...new Set([members[0]!, largest]));
  }
  return kept.sort();
}
