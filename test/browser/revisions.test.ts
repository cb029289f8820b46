/**
 * Revision notices on the built site, derived from the catalog: every value an edition changed
 * from the previous one is listed at the top of that edition's home, on the chapters that use its
 * dataset, in full under a stable anchor on the editions page, and beside the value in the diff.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { changedValues } from '../../src/editions/revisions-check.ts';
import { chapterShowsFigure } from '../../src/editions/revisions-chapters.ts';
import { editionNotices } from '../../src/editions/revisions.ts';
import { noticeViews } from '../../src/editions/revisions-view.ts';
import { typesetText } from '../../src/typography/html.ts';
import { catalog, chapterFiles, chapterUrls, consecutiveEditions } from './catalog-pages.ts';
import { contentDir } from '../../src/data/paths.ts';
import { readChapters } from '../../src/editions/compare.ts';
import { sharedBrowser } from './shared-browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const revised = consecutiveEditions.filter(([older, newer]) => changedValues(older, newer).length > 0);
const NONE = 'no edition of the catalog changed a value of the previous one: nothing to check';

async function page(path: string): Promise<Document> {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return parseHTML(await response.text()).document;
}
const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('revision notices', () => {
  it('each changed value has its notice, listed at the top of its edition and linked to its full text', async ({ skip }) => {
    if (revised.length === 0) skip(NONE);
    for (const [older, newer] of revised) {
      const changed = changedValues(older, newer);
      expect(editionNotices(newer), newer.editionId).toHaveLength(changed.length);
      const block = (await page(`/${newer.editionId}/`)).querySelector('.revision-notices');
      expect(block, newer.editionId).not.toBeNull();
      // One link per changed value, each to a notice that exists on the editions page.
      const links = [...block!.querySelectorAll('li a')].map((a) => a.getAttribute('href')!);
      expect(links).toHaveLength(changed.length);
      const editions = await page(`/${newer.id}/editions/`);
      for (const link of links) {
        expect(link.startsWith(`/${newer.id}/editions/#`), link).toBe(true);
        expect(editions.getElementById(decodeURIComponent(link.split('#')[1]!)), link).not.toBeNull();
      }
      // The previous edition, which holds the old values, has no block of this edition's notices.
      expect((await page(`/${older.editionId}/`)).querySelector(`#revisions-v${newer.edition.number}`)).toBeNull();
    }
  });

  it('the editions page gives each notice in full under its anchor: type, old and new value, reason, date, effect', async ({ skip }) => {
    if (revised.length === 0) skip(NONE);
    for (const [, newer] of revised) {
      const doc = await page(`/${newer.id}/editions/`);
      for (const v of noticeViews(catalog, newer)) {
        const notice = doc.getElementById(v.id);
        expect(notice, v.id).not.toBeNull();
        const text = words(notice!.textContent);
        for (const part of [v.type, v.before, v.after, v.reason, v.effect, v.date!]) expect(text, v.id).toContain(words(typesetText(part)));
      }
    }
  });

  it('a chapter shows the notices of the revised figures it shows, and only those chapters', async ({ skip }) => {
    if (revised.length === 0) skip(NONE);
    for (const [, newer] of revised) {
      const views = noticeViews(catalog, newer);
      const sources = readChapters(contentDir(), newer.editionId).filter((c) => chapterFiles(newer.editionId).includes(c.file));
      const urls = chapterUrls(newer);
      let withBlock = 0;
      for (const [i, source] of sources.entries()) {
        const expected = views.filter((v) => chapterShowsFigure(source.text, v.figure)).map((v) => `/${newer.id}/editions/#${v.id}`);
        const block = (await page(urls[i]!)).querySelector('.revision-notices');
        expect([...(block?.querySelectorAll('li a') ?? [])].map((a) => a.getAttribute('href')), urls[i]).toEqual(expected);
        if (block) withBlock++;
      }
      expect(withBlock, `${newer.editionId}: no chapter shows a revised figure`).toBeGreaterThan(0);
    }
  });

  it('the diff page links each changed value to its notice', async ({ skip }) => {
    if (revised.length === 0) skip(NONE);
    for (const [older, newer] of revised) {
      const doc = await page(`/${newer.id}/editions/v${older.edition.number}-v${newer.edition.number}/`);
      const links = [...doc.querySelectorAll('.diff-table a')].map((a) => a.getAttribute('href'));
      expect(links.sort()).toEqual(noticeViews(catalog, newer).map((v) => `/${newer.id}/editions/#${v.id}`).sort());
    }
  });

  it('on a phone, the texts of a notice take the width of the notice, under their labels', async ({ skip }) => {
    if (revised.length === 0) skip(NONE);
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    try {
      const tab = await context.newPage();
      for (const [, newer] of revised) {
        await tab.goto(`${baseUrl}/${newer.id}/editions/`);
        const id = noticeViews(catalog, newer)[0]!.id;
        const widths = await tab.locator(`#${id} dl`).evaluate((dl) => ({
          list: dl.getBoundingClientRect().width,
          texts: [...dl.querySelectorAll('dd')].map((dd) => dd.getBoundingClientRect().width),
        }));
        for (const width of widths.texts) expect(width, id).toBeGreaterThan(widths.list * 0.9);
      }
    } finally {
      await context.close();
    }
  });
});
