import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { reportCopies, reportsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';
import { DIST } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

describe('search', () => {
  it('finds a chapter from a word of its text, with the index served by the site itself', async () => {
    const { page, requests, consoleErrors } = await watchedPage(browser());
    await page.goto(`${baseUrl}/recherche/`);
    await page.locator('.pagefind-ui__search-input').fill('Missions locales');
    const first = page.locator('.pagefind-ui__result-link').first();
    await first.waitFor();
    // A chapter of one of the reports (plain URLs only: the edition copies are not indexed).
    const href = (await first.getAttribute('href'))!;
    expect(reportsWithPages.some((r) => href.startsWith(`/${r.id}/`) && !href.startsWith(`/${r.editionId}/`)), href).toBe(true);
    expect(requests.some((u) => u.includes('/pagefind/'))).toBe(true);
    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('print', () => {
  const reports = reportCopies;

  it.each(reports)('%s: a PDF of the whole report, linked from its home', (report) => {
    const pdf = readFileSync(path.join(DIST, report, 'rapport.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/StructTreeRoot/); // tagged, for assistive technologies
    expect(readFileSync(path.join(DIST, report, 'index.html'), 'utf8')).toContain(`href="${report}rapport.pdf"`);
  });
});
