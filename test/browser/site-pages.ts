/** The built site (dist/) as the browser tests read it: its pages, their HTML, the sample a browser opens. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtFile, builtPages as pagesIn, representativePages as sampleOf } from '../../src/accessibility/built-pages.ts';

export const DIST = path.resolve('dist');

/** Every HTML page of the built site, as its URL path (« /<region>/<year>/ »). */
export const builtPages = (): string[] => pagesIn(DIST);

/** The HTML of a built page, from its URL path. */
export const builtHtml = (urlPath: string): string => readFileSync(builtFile(DIST, urlPath), 'utf8');

/** The pages a browser check opens: every page, each family of generated pages by its first and largest. */
export const representativePages = (pages = builtPages()): string[] => sampleOf(DIST, pages);
