/**
 * The PDF of each edition as its reader gets it (read back from the built file): links to the
 * deployed site and never to the local server it was printed from, a cover, a table of contents
 * whose page numbers are those of the chapters, running headers and page numbers, still tagged.
 */
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { frenchDate } from '../../src/data/editions.ts';
import { editionLabel, LICENCE } from '../../src/print/cover.ts';
import { isErratum } from '../../src/editions/wording.ts';
import { readPdf, type PdfContent } from '../helpers/pdf-text.ts';
import { editionsWithPages, reportCopies } from './catalog-pages.ts';
import { builtHtml, DIST } from './site-pages.ts';

/** Text as compared here: ligatures unfolded, without any space or line break (they fall anywhere in a PDF). */
const compact = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** « 3 / 63 », the page number as a run of its own (not the end of « 2023 »). */
const pageNumber = (text: string, n: number, total: number) => new RegExp(`(^|\\s)${n} / ${total}(\\s|$)`).test(text.replace(/\s+/g, ' '));
const LOCAL = /127\.0\.0\.1|localhost/;

// From the catalog: a URL of the same shape may be another page (/france/<year>/).
const copies = reportCopies;

describe.each(copies)('%srapport.pdf', (copy) => {
  // The edition the copy shows: its permanent one, or the latest for the report's plain URL.
  const report = editionsWithPages.find((e) => copy === `/${e.editionId}/` || (e.edition.latest && copy === `/${e.id}/`))!;
  const document = parseHTML(builtHtml(`${copy}rapport-complet/`)).document;
  const siteRoot = document.querySelector<HTMLElement>('[data-site-root]')?.dataset.siteRoot ?? '';
  const chapterTitles = [...document.querySelectorAll('.chapter-title')].map((h) => h.textContent!);
  let pdf: PdfContent;
  let pages: string[];
  beforeAll(() => {
    pdf = readPdf(path.join(DIST, copy, 'rapport.pdf'));
    pages = pdf.pages.map(compact);
  });

  it('links to the deployed site, never to the local server it was printed from', () => {
    expect(siteRoot).toMatch(/^https:\/\//); // the test build gives the site an address
    expect(pdf.raw).not.toMatch(LOCAL);
    expect(pdf.pages.join('\n')).not.toMatch(LOCAL);
    expect(pdf.uris).toContain(`${siteRoot}${copy.slice(1)}`);
    expect(pdf.uris.filter((uri) => !uri.startsWith(siteRoot) && uri !== LICENCE.href)).toEqual([]);
  });

  it('opens on a cover: title, region, year, edition, dates, publisher, licence, address', () => {
    const cover = pages[0]!;
    const { meta, edition } = report;
    const expected = [meta.title, report.region.label, String(report.year), meta.author, meta.publication, LICENCE.text, `${siteRoot}${copy.slice(1)}`];
    expected.push(`v${edition.number}`, edition.date ? frenchDate(edition.date) : 'en préparation');
    for (const text of expected) expect(cover, text).toContain(compact(text));
    // The edition line says « v2, erratum » exactly for an erratum (a banner may name a later erratum).
    expect(cover.includes(compact(editionLabel(edition)))).toBe(true);
    expect(cover.includes(compact(`v${edition.number}, erratum`))).toBe(isErratum(edition));
    expect(pageNumber(pdf.pages[0]!, 1, pages.length)).toBe(false);
  });

  it('gives each chapter its page in the table of contents', () => {
    const toc = pages.findIndex((p) => p.includes('Sommaire'));
    expect(toc).toBeGreaterThan(0);
    expect(chapterTitles.length).toBeGreaterThan(0);
    for (const title of chapterTitles) {
      const listed = new RegExp(`${escape(compact(title))}(\\d+)`).exec(pages[toc]!);
      expect(listed, `« ${title} » sans numéro de page dans le sommaire`).not.toBeNull();
      // The chapter starts on the first page after the contents that bears its title.
      const start = pages.findIndex((p, i) => i > toc && p.includes(compact(title)));
      expect(Number(listed![1]), title).toBe(start + 1);
    }
  });

  it('numbers every page after the cover and heads it with the report title, then the chapter', () => {
    const total = pages.length;
    pdf.pages.slice(1).forEach((page, i) => expect(pageNumber(page, i + 2, total), `page ${i + 2}`).toBe(true));
    const first = pages.findIndex((p, i) => i > 1 && p.includes(compact(chapterTitles[0]!)));
    for (const page of pages.slice(first)) expect(page).toContain(compact(report.meta.title));
    expect(pages.at(-1)).toContain(compact(chapterTitles.at(-1)!));
  });

  it('stays tagged, with an outline, for assistive technologies', () => {
    expect(pdf.raw).toMatch(/\/StructTreeRoot/);
    expect(pdf.raw).toMatch(/\/Outlines/);
  });

  it('leaves the web page free of the print script', () => {
    const html = builtHtml(`${copy}rapport-complet/`);
    expect(html).not.toMatch(/paged(\.polyfill)?(\.min)?\.js|_print\//);
  });
});

describe('the PDF of a report plain URL', () => {
  const latest = editionsWithPages.filter((e) => e.edition.latest);
  it.each(latest.map((e) => [e.id, e.editionId]))('%s/rapport.pdf is the latest edition, %s', (id, editionId) => {
    expect(readFileSync(path.join(DIST, id, 'rapport.pdf')).equals(readFileSync(path.join(DIST, editionId, 'rapport.pdf')))).toBe(true);
  });
});
