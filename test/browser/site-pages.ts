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
