/**
 * The reading layout over the built site: tables on a phone, the report homes, breadcrumbs and
 * the measure of the prose, the glossary links. Pages come from the catalog, never named.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { readGlossary, termMatcher } from '../../src/markdown/glossary-links.ts';
import { isErratum } from '../../src/editions/wording.ts';
import { typesetText } from '../../src/typography/html.ts';
import { chapterUrls, editionsOf, editionsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtHtml, builtPages, representativePages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const pages = builtPages();
const withTables = pages.filter((p) => builtHtml(p).includes('class="table-figure"'));
const homes = editionsWithPages.map((e) => ({ edition: e, url: `/${e.editionId}/` }));
const wholeReports = editionsWithPages.map((e) => `/${e.editionId}/rapport-complet/`);

interface TableState {
  id: string;
  layout: string;
  overflows: boolean;
  cueVisible: boolean;
  captionInside: boolean;
  named: boolean;
  keyboard: boolean;
  stickyKept: boolean;
  opaque: boolean;
}

/** Each table of the page as a reader on a phone gets it, after opening its « Voir les données ». */
async function tableStates(): Promise<TableState[]> {
  for (const d of document.querySelectorAll('details')) if (d.querySelector('.table-figure')) d.open = true;
  // Scroll timelines follow the layout at the next frame.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return [...document.querySelectorAll<HTMLElement>('figure.table-figure')].map((figure) => {
    const box = figure.querySelector<HTMLElement>('.table-scroll')!;
    const table = box.querySelector('table')!;
    const cue = figure.querySelector<HTMLElement>(':scope > .scroll-cue')!;
    const first = table.querySelector<HTMLElement>('tbody th[scope="row"]') ?? table.querySelector<HTMLElement>('thead th')!;
    const overflows = box.scrollWidth > box.clientWidth + 1;
    const before = first.getBoundingClientRect().left;
    box.scrollLeft = 80;
    const stickyKept = Math.abs(first.getBoundingClientRect().left - before) < 1;
    box.scrollLeft = 0;
    const label = document.getElementById(table.getAttribute('aria-labelledby') ?? '');
    return {
      id: figure.id,
      layout: figure.dataset.phoneLayout ?? '',
      overflows,
      cueVisible: getComputedStyle(cue).visibility === 'visible' && cue.getBoundingClientRect().height > 0,
      captionInside: box.querySelector('caption, figcaption, .table-caption') !== null,
      named: !!label && !box.contains(label) && label.textContent!.trim() !== '' && box.getAttribute('aria-labelledby') === label.id,
      keyboard: box.tabIndex === 0 && box.getAttribute('role') === 'region',
      stickyKept,
      opaque: /^rgb\(/.test(getComputedStyle(first).backgroundColor),
    };
  });
}

describe('tables on a phone (390 px)', () => {
  it('there are tables to check', () => {
    expect(withTables.length).toBeGreaterThan(0);
  });

  it('every table: caption above the scroll box and naming it; an overflowing one shows the cue and keeps its first column; no page overflows', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const tab = await context.newPage();
    const problems: string[] = [];
    let overflowing = 0;
    for (const page of withTables) {
      await tab.goto(`${baseUrl}${page}`);
      const width = await tab.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) problems.push(`${page}: page ${width} px wide`);
      for (const t of await tab.evaluate(tableStates)) {
        const at = `${page}#${t.id}`;
        if (t.captionInside) problems.push(`${at}: caption inside the scroll box`);
        if (!t.named) problems.push(`${at}: table or region not named by the caption outside the box`);
        if (!t.keyboard) problems.push(`${at}: scroll box not focusable as a region`);
        if (t.overflows) {
          overflowing++;
          if (t.layout === 'stack') problems.push(`${at}: stacked table still overflows`);
          if (!t.cueVisible) problems.push(`${at}: overflows without the scroll cue`);
          if (!t.stickyKept) problems.push(`${at}: first column scrolls away`);
          if (!t.opaque) problems.push(`${at}: first column not opaque`);
        } else if (t.cueVisible) problems.push(`${at}: scroll cue shown on a table that fits`);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
    expect(overflowing).toBeGreaterThan(0);
  });

  it('no page overflows at 390 px with every « Voir les données » and note opened', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const tab = await context.newPage();
    const problems: string[] = [];
    for (const page of representativePages(pages)) {
      await tab.goto(`${baseUrl}${page}`);
      const width = await tab.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
        return document.documentElement.scrollWidth;
      });
      if (width > 390) problems.push(`${page}: page ${width} px wide`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('a stacked table reads as cards: each cell labelled by its column', async () => {
    const page = withTables.find((p) => builtHtml(p).includes('data-phone-layout="stack"'));
    expect(page).toBeDefined();
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}${page}`);
    const cell = tab.locator('[data-phone-layout="stack"] tbody td').first();
    const label = await cell.getAttribute('data-label');
    expect(label).toBeTruthy();
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe(JSON.stringify(label));
    expect(await cell.evaluate((td) => getComputedStyle(td).display)).toBe('flex');
    await context.close();
  });
});

describe('report homes', () => {
  it.each(homes)('$url: L’essentiel bound to the data, downloads before it, the plan once, the publication details', ({ edition, url }) => {
    const { document } = parseHTML(builtHtml(url));
    const main = document.querySelector('main')!;
    const points = [...main.querySelectorAll('.essentiel li')];
    if ((edition.resources.get('cep_entries')?.table.rows.length ?? 0) > 0) expect(points.length, url).toBeGreaterThan(0);
    expect(points.length).toBeLessThanOrEqual(6);
    for (const li of points) {
      const figures = [...li.querySelectorAll('data.value[data-indicator]')];
      expect(figures.length, li.textContent!).toBeGreaterThan(0);
      for (const f of figures) expect(f.textContent, li.textContent!).not.toBe('n.d.');
    }
    // The downloads come before « L'essentiel » and the plan.
    const html = main.innerHTML;
    expect(html.indexOf('rapport.pdf')).toBeGreaterThan(-1);
    expect(html.indexOf('rapport.pdf')).toBeLessThan(html.indexOf('id="sommaire"'));
    expect(html.indexOf('-donnees.zip')).toBeGreaterThan(-1);
    expect(html.indexOf('-donnees.zip')).toBeLessThan(html.indexOf('id="sommaire"'));
    // Each chapter linked once: the plan is not repeated in a side menu.
    for (const chapter of chapterUrls(edition)) expect(main.querySelectorAll(`a[href="${chapter}"]`).length, chapter).toBe(1);
    const details = main.querySelector('.report-details')!.textContent!.replace(/\s+/g, ' ');
    for (const text of [edition.meta.author, edition.meta.publication, edition.edition.changes, `Édition v${edition.edition.number}`])
      expect(details).toContain(typesetText(text).replace(/\s+/g, ' '));
  });

  it('an edition replaced by a later one says so; an erratum says it is one', () => {
    for (const e of editionsWithPages) {
      const next = editionsOf(e).find((x) => x.edition.number === e.edition.number + 1 && x.edition.date);
      const text = parseHTML(builtHtml(`/${e.editionId}/`)).document.querySelector('.report-details')!.textContent!.replace(/\s+/g, ' ');
      if (next) expect(text).toContain(typesetText(`remplacée par l'édition v${next.edition.number}`));
      else expect(text).not.toContain('remplacée');
      expect(text.includes(`Édition v${e.edition.number} (erratum)`)).toBe(isErratum(e.edition));
    }
  });
});

describe('every report page', () => {
  it('has a breadcrumb; the whole report’s ends with « Rapport complet »', () => {
    for (const e of editionsWithPages)
      for (const url of [`/${e.editionId}/`, ...chapterUrls(e), `/${e.editionId}/rapport-complet/`]) {
        const crumbs = parseHTML(builtHtml(url)).document.querySelector('nav.breadcrumbs');
        expect(crumbs, url).not.toBeNull();
        expect(crumbs!.querySelector('a[href="/"]'), url).not.toBeNull();
      }
    for (const url of wholeReports) {
      const current = parseHTML(builtHtml(url)).document.querySelector('nav.breadcrumbs [aria-current="page"]');
      expect(current?.textContent).toBe('Rapport complet');
    }
  });

  it('keeps prose lines to a readable measure at 1280 px (at most 70 characters wide)', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const tooWide: string[] = [];
    for (const url of [...wholeReports, ...homes.map((h) => h.url), ...editionsWithPages.flatMap((e) => chapterUrls(e).slice(0, 1))]) {
      await tab.goto(`${baseUrl}${url}`);
      const widest = await tab.evaluate(() => {
        const paragraphs = [...document.querySelectorAll<HTMLElement>('main p')].filter((p) => !p.closest('figure, nav, .site-header'));
        const probe = document.createElement('div');
        probe.style.width = '70ch';
        paragraphs[0]!.parentElement!.append(probe);
        const limit = probe.getBoundingClientRect().width;
        probe.remove();
        return { count: paragraphs.length, over: paragraphs.filter((p) => p.getBoundingClientRect().width > limit + 1).map((p) => p.textContent!.slice(0, 40)) };
      });
      expect(widest.count, url).toBeGreaterThan(0);
      if (widest.over.length > 0) tooWide.push(`${url}: ${widest.over.join(' | ')}`);
    }
    await context.close();
    expect(tooWide).toEqual([]);
  });
});

describe('glossary links', () => {
  const glossary = readGlossary();
  const matcher = termMatcher(glossary);
  const ids = new Set([...parseHTML(builtHtml('/glossaire/')).document.querySelectorAll('.glossary [id]')].map((e) => e.id));

  it.each(editionsWithPages.flatMap((e) => chapterUrls(e)))('%s: each term in the prose linked once, to an entry that exists, never in a heading or a link', (url) => {
    const { document } = parseHTML(builtHtml(url));
    const article = document.querySelector('article')!;
    const links = [...article.querySelectorAll('a[data-glossary]')];
    const linked = links.map((a) => a.getAttribute('data-glossary')!);
    expect(new Set(linked).size, url).toBe(linked.length);
    for (const a of links) {
      expect(ids.has(a.getAttribute('data-glossary')!), a.outerHTML).toBe(true);
      expect(a.getAttribute('href')).toBe(`/glossaire/#${a.getAttribute('data-glossary')}`);
      expect(a.parentElement!.closest('a, h1, h2, h3, h4, h5, h6'), a.outerHTML).toBeNull();
    }
    // The chapter's own prose (markdown paragraphs and list items), outside links and figures.
    const prose = [...article.querySelectorAll(':scope > p, :scope > ul > li, :scope > ol > li')]
      .map((el) => {
        const copy = el.cloneNode(true) as Element;
        for (const skip of copy.querySelectorAll('a, code, data, figure, aside')) skip.remove();
        return copy.textContent ?? '';
      })
      .join('\n');
    const mentioned = new Set([...prose.matchAll(matcher.pattern)].map((m) => matcher.idOf.get(m[0])!));
    for (const id of mentioned) expect(linked, `${url}: ${id}`).toContain(id);
  });
});
