/**
 * Turns a served « rapport complet » page into printable pages, for scripts/pdf.ts:
 * its links are pointed at the deployed site, then Paged.js lays the page out from its print
 * CSS (src/styles/print.css: cover, contents with page numbers, running headers).
 *
 * Paged.js is served to this step alone, from node_modules, at a URL of the local site (so that
 * the page's Content-Security-Policy, `script-src 'self'`, admits it): the pages readers load
 * carry no script for it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';

const PAGED_JS = path.join(path.dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist', 'paged.js');
const PAGED_JS_PATH = '/_print/paged.js';

/** Serves Paged.js to a page of the local site at `<siteUrl>/_print/paged.js`. */
export async function servePagedJs(page: Page, siteUrl: string): Promise<void> {
  await page.route(`${siteUrl}${PAGED_JS_PATH}`, (route) => route.fulfill({ path: PAGED_JS, contentType: 'text/javascript' }));
}

/**
 * Rewrites every link to the local site as a link to the deployed one (`data-site-root`, written
 * by the build from the configured site URL): Chromium would otherwise resolve the page's
 * relative links against the local server. Links within the page stay fragments, so that the
 * PDF keeps them as internal links. Returns the deployed site's root.
 */
export async function pointLinksToSite(page: Page, localRoot: string): Promise<string> {
  return page.evaluate((local) => {
    const siteRoot = document.querySelector<HTMLElement>('[data-site-root]')?.dataset.siteRoot;
    if (!siteRoot) throw new Error(`${location.href} : aucun élément [data-site-root], adresse du site publié inconnue`);
    const here = location.href.split('#')[0];
    for (const a of document.querySelectorAll<HTMLAnchorElement | SVGAElement>('a[href]')) {
      const target = new URL(a.getAttribute('href')!, location.href);
      if (!target.href.startsWith(local)) continue;
      const inPage = target.href.split('#')[0] === here && target.hash;
      a.setAttribute('href', inPage ? target.hash : siteRoot + target.href.slice(local.length));
      if (!inPage) a.setAttribute('data-site-link', '');
    }
    return siteRoot;
  }, localRoot);
}

interface PagedModule {
  Previewer: new () => { preview(): Promise<{ total: number }> };
  Handler: new (...args: unknown[]) => object;
  registerHandlers(...handlers: unknown[]): void;
}

/** Lays the page out with Paged.js and resolves once every page is rendered; the number of pages. */
export async function paginate(page: Page, siteUrl: string): Promise<number> {
  await page.addScriptTag({ url: `${siteUrl}${PAGED_JS_PATH}` });
  return page.evaluate(async () => {
    const { Previewer, Handler, registerHandlers } = (window as unknown as { Paged: PagedModule }).Paged;
    // Paged.js parses the CSS with css-tree 1, which predates media range syntax (« (width>=72rem) »,
    // as the build's CSS minifier writes it) and fails on it: give it the older form of the queries.
    // An anonymous class: tsx would name a declared one with a helper the page does not have.
    registerHandlers(
      class extends Handler {
        beforeTreeParse(text: string, sheet: { text: string }) {
          sheet.text = text.replace(/\((width|height)\s*(>=|<=|>|<)\s*([^)]+)\)/g, (_, feature, op, value) => `(${op.startsWith('>') ? 'min' : 'max'}-${feature}: ${value})`);
        }
      },
    );
    const flow = await new Previewer().preview();
    return flow.total;
  });
}
