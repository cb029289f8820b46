/** Starts Pagefind's search UI (loaded by the page from /pagefind/, an index built with the site). */
import { href } from '../site/url.ts';

declare const PagefindUI: new (options: Record<string, unknown>) => unknown;

export function startSearch(selector: string): void {
  new PagefindUI({
    element: selector,
    showSubResults: true,
    // Result links under the site's base path (GitHub Pages project folder).
    baseUrl: href('/'),
    translations: { placeholder: 'Rechercher un mot, un opérateur, un dispositif…', zero_results: 'Aucun résultat pour [SEARCH_TERM]' },
  });
}
