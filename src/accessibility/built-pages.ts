import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Folders of a built site that hold no page of ours: Astro's assets, the search index. */
const NOT_PAGES = new Set(['_astro', 'pagefind', '_print']);

/** Every HTML page of a built site, as its URL path (« /<region>/<year>/ »), sorted. */
export function builtPages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html') && !NOT_PAGES.has(f.split('/')[0]!))
    .map((f) => `/${f}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}
