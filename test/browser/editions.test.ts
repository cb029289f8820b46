/**
 * Editions on the built site: every edition keeps its URL and its own figures; the report's
 * plain URL shows the latest; an older edition says so and links to what changed. Derived from
 * the catalog: whatever reports and editions it holds.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { releaseText } from '../../src/data/editions.ts';
import { publishedCsv } from '../../src/data/publish.ts';
import { compareDatasets } from '../../src/editions/compare.ts';
import { formatCell } from '../../src/editions/markdown.ts';
import { typesetText } from '../../src/typography/html.ts';
import { catalog, chapterUrls, consecutiveEditions, editionsOf, editionsWithPages, reportsWithPages } from './catalog-pages.ts';
import { builtPages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const NO_OLDER = 'no report of the catalog has two editions with pages: nothing to check';

async function page(path: string): Promise<Document> {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return parseHTML(await response.text()).document;
}

const text = async (path: string) => {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
};

describe('editions', () => {
  it('every edition of every report is served at its own URL, with its PDF, its data and all its chapters', async () => {
    expect(editionsWithPages.length).toBeGreaterThan(0);
    for (const e of editionsWithPages) {
      const home = await page(`/${e.editionId}/`);
      expect(home.querySelector('h1')!.textContent).toBe(e.meta.title);
      expect((await fetch(`${baseUrl}/${e.editionId}/rapport.pdf`)).status, e.editionId).toBe(200);
      const pkg = (await (await fetch(`${baseUrl}/donnees/${e.editionId}/datapackage.json`)).json()) as { version: string };
      expect(pkg.version).toBe(String(e.edition.number));
      // Its home, each chapter and the whole report; besides, its provenance pages and chart embeds (their own tests).
      const pages = builtPages().filter((p) => p.startsWith(`/${e.editionId}/`) && !/^\/[^/]+\/[^/]+\/[^/]+\/(provenance|graphiques)\//.test(p));
      expect(pages.sort(), e.editionId).toEqual([`/${e.editionId}/`, ...chapterUrls(e), `/${e.editionId}/rapport-complet/`].sort());
    }
  });

  it('each edition publishes its own data as released; the plain URL, the latest edition’s', async () => {
    for (const e of catalog.editions)
      for (const resource of e.resources.values())
        expect(await text(`/donnees/${e.editionId}/${resource.descriptor.name}.csv`), `${e.editionId} ${resource.descriptor.name}`).toBe(publishedCsv(resource));
    for (const r of catalog.reports)
      for (const resource of r.resources.values()) expect(await text(`/donnees/${r.id}/${resource.descriptor.name}.csv`), r.id).toBe(publishedCsv(resource));
  });

  it('an older edition shows its own values where they changed; the plain URL shows the latest', async ({ skip }) => {
    if (consecutiveEditions.length === 0) skip(NO_OLDER);
    for (const [older, newer] of consecutiveEditions) {
      const changed = compareDatasets(older.resources, newer.resources).filter((d) => d.rows.changed.length > 0).map((d) => d.name);
      for (const url of chapterUrls(older)) {
        // The values a page shows of each changed dataset: its tables' cells and its charts' texts.
        const tables = (path: string) =>
          page(path).then((d) =>
            changed.map((name) => {
              const cells = [...d.querySelectorAll(`[data-dataset="${name}"] td, [data-dataset="${name}"] svg text`)].map((c) => c.textContent!.trim());
              return cells.length > 0 ? cells.join(' | ') : null;
            }),
          );
        const plain = url.replace(`/${older.editionId}/`, `/${older.id}/`);
        if (!builtPages().includes(plain)) continue;
        const [own, latest] = await Promise.all([tables(url), tables(plain)]);
        // A table of a dataset whose values changed differs between the two editions' pages.
        own.forEach((html, i) => {
          if (html !== null && latest[i] !== null && newer.edition.latest) expect(html, `${url} ${changed[i]}`).not.toBe(latest[i]);
        });
      }
    }
    // The plain URL of each report is its latest edition's page.
    for (const r of reportsWithPages) {
      const strip = (d: Document) => d.querySelector('h1')!.textContent;
      expect(strip(await page(`/${r.id}/`))).toBe(strip(await page(`/${r.editionId}/`)));
    }
  });

  it('an older edition carries a banner to the latest and to the differences; the latest has none', async () => {
    for (const e of editionsWithPages) {
      const latest = editionsOf(e).at(-1)!;
      for (const url of chapterUrls(e)) {
        const doc = await page(url);
        const banner = doc.querySelector('.edition-banner:not(.edition-draft)');
        const exploreLinks = [...doc.querySelectorAll('a')].filter((a) => a.textContent === 'Explorer ces données').length;
        if (e.edition.latest) {
          expect(banner, url).toBeNull();
          continue;
        }
        expect(banner!.textContent!.replace(/\s+/g, ' '), url).toContain(typesetText(`Ancienne édition. Vous lisez l'édition v${e.edition.number} de ce rapport, ${releaseText(e.edition)}`).replace(/\s+/g, ' '));
        const links = [...banner!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
        expect(links[1], url).toBe(`/${e.id}/editions/v${e.edition.number}-v${latest.edition.number}/`);
        expect(links[0], url).toMatch(new RegExp(`^/${e.id}/([a-z0-9-]+/)?$`));
        // The explorer holds the latest editions only: an older edition's tables do not link to it.
        expect(exploreLinks, url).toBe(0);
      }
    }
    for (const r of reportsWithPages) {
      expect((await page(`/${r.id}/`)).querySelector('.edition-banner:not(.edition-draft)'), r.id).toBeNull();
      // The latest edition's own URL points search engines and citations to the plain URL.
      expect((await page(`/${r.editionId}/`)).querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(new RegExp(`/${r.id}/$`));
    }
  });

  it('the changelog lists every edition, newest first, with what it changed', async () => {
    for (const r of reportsWithPages) {
      const doc = await page(`/${r.id}/editions/`);
      const headings = [...doc.querySelectorAll('.editions h2')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
      const editions = editionsOf(r).reverse();
      expect(headings).toEqual(editions.map((e) => `Édition v${e.edition.number}, ${releaseText(e.edition)}${e.edition.latest ? ' (dernière édition)' : ''}`));
      for (const e of editions) expect(doc.querySelector('.editions')!.textContent).toContain(typesetText(e.edition.changes));
    }
  });

  it('the diff page between consecutive editions lists every changed value old → new', async ({ skip }) => {
    if (consecutiveEditions.length === 0) skip(NO_OLDER);
    for (const [older, newer] of consecutiveEditions) {
      const url = `/${older.id}/editions/v${older.edition.number}-v${newer.edition.number}/`;
      const doc = await page(url);
      const rows = [...doc.querySelectorAll('section[aria-labelledby="donnees"] .diff-table tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td.numeric')].map((c) => c.textContent!.trim()),
      );
      const expected = compareDatasets(older.resources, newer.resources).flatMap((d) =>
        d.rows.changed.flatMap((row) => row.cells.map((cell) => [formatCell(cell.field, cell.before), formatCell(cell.field, cell.after)])),
      );
      expect(rows, url).toEqual(expected);
      // Each changed chapter links to itself in both editions.
      for (const a of doc.querySelectorAll('section[aria-labelledby="chapitres"] a')) {
        const href = a.getAttribute('href')!;
        expect([...chapterUrls(older), ...chapterUrls(newer)], `${url} → ${href}`).toContain(href);
      }
      // Readers see the text as published, word by word, never the MDX source or rule ids.
      const chapters = doc.querySelector('section[aria-labelledby="chapitres"]');
      expect(chapters?.textContent ?? '', url).not.toMatch(/<\/?[A-Z][A-Za-z]*|\b(dataset|indicator)=|^import /m);
      for (const section of chapters?.querySelectorAll('.chapter-diff') ?? [])
        if (/Chapitre modifié/.test(section.textContent!))
          expect(section.querySelector('.text-diff ins, .text-diff del') ?? section.textContent!.includes('Le texte lu ne change pas'), url).toBeTruthy();
      expect(doc.querySelector('section[aria-labelledby="regles"] code'), url).toBeNull();
    }
  });

  it('search indexes each report once: its plain URL, not the copies of its editions', async () => {
    for (const e of editionsWithPages) {
      const copies = chapterUrls(e).slice(0, 1);
      const plain = e.edition.latest ? chapterUrls(e, true).slice(0, 1) : [];
      for (const path of [...copies, ...plain]) {
        expect(builtPages()).toContain(path);
        // Pagefind indexes only the pages marked data-pagefind-body: the edition copies are not.
        const marked = (await page(path)).querySelector('[data-pagefind-body]') !== null;
        expect(marked, path).toBe(!path.startsWith(`/${e.editionId}/`));
      }
    }
  });
});
