/**
 * « Pour citer » and the open-data metadata on the built site, for every edition of the catalog:
 * the citation block of each home and chapter (permanent URL even on the plain URL, its files),
 * share metadata and the feed link of every page, the JSON-LD and DCAT catalogue (offline JSON-LD
 * expansion), the Atom feed, the sitemap and robots.txt.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { chapterUrls, catalog, editionsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtHtml, builtPages } from './site-pages.ts';
import { outsideNamespaces, vocabularyOf } from '../helpers/jsonld-offline.ts';
import { typesetText } from '../../src/typography/html.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

async function fetched(path: string): Promise<string> {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}
const documentOf = (path: string) => parseHTML(builtHtml(path)).document;
const pathOf = (url: string) => new URL(url).pathname;

/** Every copy of an edition's pages (its permanent one, and the plain one of the latest), with the path each cites. */
const citedPages = editionsWithPages.flatMap((e) => {
  const permanent = [`/${e.editionId}/`, ...chapterUrls(e)];
  const copies = e.edition.latest ? [permanent, [`/${e.id}/`, ...chapterUrls(e, true)]] : [permanent];
  return copies.flatMap((paths) => paths.map((path, i) => ({ path, cites: permanent[i]! })));
});

describe('« Pour citer »', () => {
  it('each home and chapter cites its edition’s permanent URL, with BibTeX and CSL-JSON files saying the same', async () => {
    expect(citedPages.length).toBeGreaterThan(0);
    for (const { path, cites } of citedPages) {
      const block = documentOf(path).querySelector('details#pour-citer')!;
      expect(block, path).not.toBeNull();
      const text = block.querySelector('[data-citation]')!.textContent!;
      const url = text.match(/Disponible à l’adresse\s?: (\S+)\.$/)?.[1];
      expect(url && pathOf(url), path).toBe(cites);
      const links = [...block.querySelectorAll('a[download]')].map((a) => a.getAttribute('href')!);
      expect(links.map((l) => l.split('.').at(-1))).toEqual(['bib', 'json']);
      const [csl] = JSON.parse(await fetched(links[1]!));
      expect(csl.URL).toBe(url);
      expect(text).toContain(typesetText(csl.title));
      expect(await fetched(links[0]!)).toContain(`url = {${url}}`);
    }
  });

  it('each chart of a chapter cites its embed page under its own caption, with BibTeX and CSL-JSON files saying the same', async () => {
    let charts = 0;
    for (const { path } of citedPages.filter((p) => p.path === p.cites)) {
      for (const block of documentOf(path).querySelectorAll('.chart-downloads')) {
        charts++;
        const id = block.getAttribute('data-chart-id')!;
        const caption = block.closest('figure')!.querySelector('figcaption')!.textContent!;
        const text = block.querySelector('.chart-cite [data-citation]')!.textContent!;
        const url = text.match(/Disponible à l’adresse\s?: (\S+)\.$/)?.[1];
        expect(url && pathOf(url), `${path} ${id}`).toBe(`/${path.split('/').slice(1, 4).join('/')}/graphiques/${id}/`);
        const links = [...block.querySelectorAll('.chart-cite a[download]')].map((a) => a.getAttribute('href')!);
        const [csl] = JSON.parse(await fetched(links.find((l) => l.endsWith('.json'))!));
        expect(csl).toMatchObject({ type: 'figure', URL: url });
        // The caption on the page: a chart with a territory switch has one per territory, the cited one among them.
        expect(caption.replace(/\s+/g, ' '), `${path} ${id}`).toContain(typesetText(csl.title));
        expect(await fetched(links.find((l) => l.endsWith('.bib'))!)).toContain(`url = {${url}}`);
      }
    }
    expect(charts).toBeGreaterThan(0);
  });

  it('opens by keyboard and fits a 390 px screen, without JavaScript', async () => {
    const { page } = await watchedPage(browser(), { javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    await page.goto(`${baseUrl}${citedPages.at(-1)!.path}`);
    const text = page.locator('#pour-citer [data-citation]');
    expect(await text.isVisible()).toBe(false);
    await page.locator('#pour-citer summary').focus();
    await page.keyboard.press('Enter');
    await text.waitFor({ state: 'visible' });
    const box = (await text.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

describe('share metadata and feed link', () => {
  it('every page has its Open Graph title, description, URL and locale, and links the Atom feed', () => {
    for (const path of builtPages()) {
      const head = documentOf(path).head;
      const og = (p: string) => head.querySelector(`meta[property="og:${p}"]`)?.getAttribute('content');
      expect(og('title'), path).toBe(head.querySelector('title')!.textContent!.replace(/ · Rapports CEP$/, ''));
      expect(og('description'), path).toBe(typesetText(head.querySelector('meta[name="description"]')!.getAttribute('content')!));
      const canonical = head.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(pathOf(og('url')!), path).toBe(canonical ? pathOf(canonical) : path);
      expect(og('locale')).toBe('fr_FR');
      expect(head.querySelector('link[rel="alternate"][type="application/atom+xml"]'), path).not.toBeNull();
    }
  });
});

describe('open-data metadata', () => {
  it('each edition’s home has a schema.org Dataset that expands to schema.org terms, with downloads that exist', async () => {
    for (const edition of editionsWithPages) {
      const block = documentOf(`/${edition.editionId}/`).querySelector('script[type="application/ld+json"]')!;
      const ld = JSON.parse(block.textContent!);
      const { predicates, types } = await vocabularyOf(ld);
      expect(outsideNamespaces([...predicates, ...types])).toEqual([]);
      for (const d of ld.distribution) expect((await fetch(`${baseUrl}${pathOf(d.contentUrl)}`, { method: 'HEAD' })).status, d.contentUrl).toBe(200);
    }
  });

  it('the DCAT catalogue expands to DCAT-AP vocabularies and lists every dataset of every edition', async () => {
    const doc = JSON.parse(await fetched('/donnees/catalogue.jsonld'));
    const { predicates, types } = await vocabularyOf(doc);
    expect(outsideNamespaces([...predicates, ...types])).toEqual([]);
    expect(doc['dcat:dataset']).toHaveLength(catalog.editions.reduce((n, e) => n + e.resources.size, 0));
  });

  it('the Atom feed parses, with one entry per released edition, and the head link leads to it', async () => {
    const link = documentOf('/').querySelector('link[type="application/atom+xml"]')!.getAttribute('href')!;
    const feed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(await fetched(link)).feed;
    expect(feed.entry.map((e: { id: string }) => pathOf(e.id)).sort()).toEqual(catalog.editions.filter((e) => e.edition.released).map((e) => `/${e.editionId}/`).sort());
  });

  it('the home page lists the feed’s newest entries whose edition has pages, newest first, and links the feed', async () => {
    const feed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(await fetched('/editions.atom')).feed;
    const withPages = feed.entry.map((e: { id: string }) => pathOf(e.id)).filter((p: string) => builtPages().includes(p));
    const home = documentOf('/');
    const listed = [...home.querySelectorAll('.news li > a')].map((a) => a.getAttribute('href'));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual(withPages.slice(0, listed.length));
    expect(listed.length).toBe(Math.min(withPages.length, 5));
    expect(home.querySelector('.news a[href="/editions.atom"]')).not.toBeNull();
  });

  it('robots.txt names the sitemap, which lists every built page but those asking not to be indexed (chart embeds)', async () => {
    const sitemap = (await fetched('/robots.txt')).match(/^Sitemap: (\S+)$/m)![1]!;
    const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
    const index = parser.parse(await fetched(pathOf(sitemap))).sitemapindex.sitemap.map((s: { loc: string }) => pathOf(s.loc));
    const listed = new Set<string>();
    for (const part of index) for (const u of parser.parse(await fetched(part)).urlset.url) listed.add(pathOf(u.loc));
    const pages = builtPages().filter((p) => p.endsWith('/'));
    const noindex = (p: string) => /<meta name="robots" content="noindex"/.test(builtHtml(p));
    expect(pages.filter((p) => !noindex(p) && !listed.has(p))).toEqual([]);
    expect(pages.filter((p) => noindex(p) && listed.has(p))).toEqual([]);
    expect(pages.some(noindex)).toBe(true);
  });
});
