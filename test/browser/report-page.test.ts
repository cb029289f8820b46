import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { sharedBrowser } from './shared-browser.ts';

const baseUrl = inject('baseUrl');
// The chapter that shows the new entries by operator, with its territory switch.
const reportUrl = `${baseUrl}/normandie/2023/recours-au-cep/`;
const isDuckdb = (url: string) => /duckdb|\.wasm$/.test(url);

const browser = sharedBrowser();

describe('report page, JavaScript disabled', () => {
  it('shows the chart as SVG, its caption, notes, data table and the bound figures', async () => {
    const { page, requests } = await watchedPage(browser(), { javaScriptEnabled: false });
    await page.goto(reportUrl);
    const svg = page.locator('figure[data-chart-switch] svg[role="img"]');
    await expect(svg.count()).resolves.toBe(1);
    expect(await svg.isVisible()).toBe(true);
    expect(await page.locator('figure[data-chart-switch] svg text').allTextContents()).toContain('80,9\u00a0%');
    expect(await page.locator('figure[data-chart-switch] figcaption').textContent()).toBe('Répartition des nouvelles entrées en CEP par opérateur, Normandie, 2023');
    const notes = await page.locator('figure[data-chart-switch] .notes').innerText();
    expect(notes).toMatch(/Lecture : en 2023, 80,9\u00a0% des nouvelles entrées/);
    expect(notes).toMatch(/Champ : Volume de bénéficiaires ayant commencé un CEP en 2023/);
    expect(notes).toMatch(/Source : AGORA 2023 – traitement ATPRO Normandie/);
    expect(await page.locator('data[data-indicator="cep-entries-total"]').first().textContent()).toBe('147\u202f693');
    expect(await page.locator('figure[data-chart-switch] [data-role="switch"]').isVisible()).toBe(false);
    // The source's own disagreement about these figures, recorded with the data, is told here.
    expect(await page.locator('figure[data-chart-switch] .discrepancy [data-rule="missions-locales-entries-sources"]').innerText()).toMatch(/^Écart dans la source : AGORA compte/);
    expect(requests.filter(isDuckdb)).toEqual([]);
  });
});

/** Count and share per operator written at build time in the « Voir les données » table. */
function buildTimeValues(page: Page, territory: string): Promise<string[]> {
  return page.$$eval(`figure[data-chart-switch] tbody tr`, (rows, t) =>
    rows.map((row) => {
      const cell = (m: string) => row.querySelector(`td[data-territory="${t}"][data-measure="${m}"]`)!.textContent;
      return `${row.querySelector('th')!.textContent} : ${cell('entries')} entrées, ${cell('share')}`;
    }).sort(), territory);
}

/** The same, as drawn in the chart now on screen (the bars' titles). */
async function drawnValues(page: Page): Promise<string[]> {
  return (await page.locator('figure[data-chart-switch] svg rect title').allTextContents()).sort();
}

describe('report page, territory switch', () => {
  it('loads nothing of DuckDB before the reader asks, then recomputes the build-time values in the browser', async () => {
    const { page, requests, consoleErrors } = await watchedPage(browser());
    await page.goto(reportUrl);
    await page.waitForLoadState('networkidle');
    expect(requests.filter(isDuckdb)).toEqual([]);

    const buildTime = await buildTimeValues(page, 'FRM');
    expect(buildTime).toHaveLength(5);

    await page.locator('figure[data-chart-switch]').getByLabel('France métropolitaine').check();
    await page.waitForFunction(() => document.querySelector('figure[data-chart-switch]')?.getAttribute('data-territory') === 'FRM', null, { timeout: 30_000 });

    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(await drawnValues(page)).toEqual(buildTime);
    expect(await page.locator('figure[data-chart-switch] [data-role="alt"]').textContent()).toContain('3\u202f238\u202f520 nouvelles entrées');
    expect(await page.locator('figure[data-chart-switch] figcaption').textContent()).toContain('France métropolitaine');
    expect(await page.locator('figure[data-chart-switch] [data-role="lecture-text"]').textContent()).toBe(
      'en 2023, 81,6\u00a0% des nouvelles entrées en CEP en France métropolitaine ont été enregistrées par Pôle emploi.',
    );

    // Back to Normandie: the browser's values equal the build-time ones there too.
    await page.locator('figure[data-chart-switch]').getByLabel('Normandie').check();
    await page.waitForFunction(() => document.querySelector('figure[data-chart-switch]')?.getAttribute('data-territory') === '28', null, { timeout: 30_000 });
    expect(await drawnValues(page)).toEqual(await buildTimeValues(page, '28'));

    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('home page', () => {
  it('lists the published reports with a figure bound to the data', async () => {
    const { page, requests, consoleErrors } = await watchedPage(browser());
    await page.goto(`${baseUrl}/`);
    const link = page.locator('a[href="/normandie/2023/"]');
    expect(await link.textContent()).toBe('Rapport 2023');
    expect(await page.locator('#region-normandie + .report-list').innerText()).toContain('Nouvelles entrées en CEP : 147\u202f693, dont 80,9\u00a0% auprès de Pôle emploi');
    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
