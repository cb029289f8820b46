/**
 * The explorer's « Indicateurs » mode: every comparison it offers, opened from its link, shows the
 * values the reports' SQL gives natively, with the indicator's precision, only the controls that
 * apply, and without fetching DuckDB-WASM (the comparisons are computed at build time).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import type { Report } from '../../src/data/catalog.ts';
import { indicatorRows } from '../../src/engine/node.ts';
import type { IndicatorComparison } from '../../src/explorer/comparison-model.ts';
import { indicatorComparison } from '../../src/explorer/comparisons.ts';
import { dimensionChoices } from '../../src/explorer/comparison-view.ts';
import { formatValue } from '../../src/format/number.ts';
import { loadIndicators } from '../../src/indicators/catalogue.ts';
import type { IndicatorDefinition, IndicatorRow } from '../../src/indicators/model.ts';
import { catalog } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtPages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const pages = builtPages();
const published = catalog.reports.filter((r) => pages.includes(`/${r.id}/`));
const { indicators } = loadIndicators();
const browser = sharedBrowser();

let comparisons: Map<string, IndicatorComparison>;
beforeAll(async () => {
  comparisons = new Map(await Promise.all(indicators.map(async (i) => [i.id, await indicatorComparison(catalog, published, i)] as const)));
});

/** Every link a reader can reach: each indicator alone, then each axis point it offers. */
function links(indicator: IndicatorDefinition): string[] {
  const { axes } = comparisons.get(indicator.id)!;
  return [
    `?indicateur=${indicator.id}`,
    ...axes.years.map((y) => `?indicateur=${indicator.id}&comparer=regions&annee=${y}`),
    ...axes.territories.map((t) => `?indicateur=${indicator.id}&comparer=years&region=${t}`),
  ];
}

async function open(page: Page, link: string): Promise<void> {
  await page.goto(`${baseUrl}/donnees/${link}`);
  await page.waitForSelector('#explorateur[data-ready="indicator"], #explorateur [data-role="error"]:not([hidden])');
}

interface ShownRow {
  cells: Record<string, { value: string; text: string }>;
}
const shownRows = (page: Page): Promise<ShownRow[]> =>
  page.$$eval('[data-role="result"] tbody tr', (trs) =>
    trs.map((tr) => ({
      cells: Object.fromEntries([...tr.querySelectorAll('[data-column]')].map((c) => [c.getAttribute('data-column')!, { value: c.getAttribute('data-value')!, text: c.textContent! }])),
    })),
  );

const sourceLabel = (r: Report) => `${r.region.label} ${r.year}, v${r.edition.number}`;

/** The native row of the source report that a shown row names (territory, year, other dimensions). */
async function nativeRow(indicator: IndicatorDefinition, row: ShownRow, fixed: Record<string, string>): Promise<IndicatorRow | undefined> {
  const source = published.find((r) => row.cells.source!.text.startsWith(sourceLabel(r)));
  expect(source, row.cells.source!.text).toBeDefined();
  const key = { ...fixed, ...Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, v.value])) };
  return (await indicatorRows(source!, indicator)).find((n) => indicator.dimensions.every((d) => String(n[d] ?? '') === key[d]));
}

describe('explorer: indicator comparisons', () => {
  it('shows, for every comparison offered, the values of the reports’ SQL, labelled with the indicator’s precision, without DuckDB-WASM', async () => {
    const { page, requests, consoleErrors } = await watchedPage(browser());
    let checked = 0;
    for (const indicator of indicators.filter((i) => links(i).length > 1 || comparisons.get(i.id)!.axes.territoriesOverall))
      for (const link of links(indicator)) {
        await open(page, link);
        expect(await page.locator('[data-role="error"]').isVisible(), link).toBe(false);
        const params = new URL(page.url()).searchParams;
        const compare = params.get('comparer');
        // The axis filled in, in the URL, and only its selector shown.
        const fixed: Record<string, string> = compare === 'years' ? { territory: params.get('region')! } : indicator.dimensions.includes('year') ? { year: params.get('annee')! } : {};
        expect(Object.values(fixed).every(Boolean), page.url()).toBe(true);
        expect(await page.locator('select[data-control="year"]').count(), link).toBe(compare === 'regions' && indicator.dimensions.includes('year') ? 1 : 0);
        expect(await page.locator('select[data-control="territory"]').count(), link).toBe(compare === 'years' ? 1 : 0);
        const rows = await shownRows(page);
        expect(rows.length, link).toBeGreaterThan(1);
        for (const row of rows) {
          const native = await nativeRow(indicator, row, fixed);
          expect(native, `${link} ${JSON.stringify(row.cells)}`).toBeDefined();
          expect(row.cells.value!.value, link).toBe(String(native!.value ?? ''));
          expect(row.cells.value!.text, link).toBe(formatValue(native!.value, indicator.unit, indicator.decimals));
          checked++;
        }
        // The chart, when drawn, labels its bars as the table does.
        const chartTexts = await page.locator('[data-role="chart"] svg.chart-wide text').allTextContents();
        if (chartTexts.length) for (const row of rows) if (row.cells.value!.value !== '') expect(chartTexts, link).toContain(row.cells.value!.text);
        // A change column is never a column of n.d.
        const changes = rows.map((r) => r.cells.change?.value).filter((v) => v !== undefined);
        if (changes.length) expect(changes.some((v) => v !== ''), link).toBe(true);
      }
    expect(checked).toBeGreaterThan(0);
    expect(requests.filter((u) => /\.wasm|worker|duckdb/i.test(u))).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('explains in French a link naming an axis with fewer than two points, and offers the ones that have two', async () => {
    const indicator = indicators.find((i) => comparisons.get(i.id)!.axes.years.length > 0);
    if (!indicator) return;
    const { page } = await watchedPage(browser());
    await open(page, `?indicateur=${indicator.id}&comparer=regions&annee=1900`);
    const error = await page.locator('[data-role="error"]').innerText();
    expect(error).toContain('En 1900, moins de deux territoires ont une valeur');
    expect(error).toContain(String(comparisons.get(indicator.id)!.axes.years.at(-1)));
    expect(await page.locator('[data-role="result"] tbody tr').count()).toBe(0);
    // The year selector offers only the years with two territories.
    const offered = await page.locator('select[data-control="year"] option:not([disabled])').allTextContents();
    expect(offered).toEqual(comparisons.get(indicator.id)!.axes.years.map(String));
  });

  it('says so for an indicator with no comparison rather than showing an empty one', async ({ skip }) => {
    const alone = indicators.find((i) => {
      const c = comparisons.get(i.id)!;
      return c.rows.length > 0 && !c.axes.years.length && !c.axes.territories.length && !c.axes.territoriesOverall;
    });
    if (!alone) return skip('every indicator has a comparison in the published reports');
    const { page } = await watchedPage(browser());
    await open(page, `?indicateur=${alone.id}`);
    expect(await page.locator('[data-role="error"]').innerText()).toMatch(/^Aucune comparaison n’est possible/);
    expect(await page.locator('input[data-control="compare"]').count()).toBe(0);
  });

  it('switches indicator and comparison from the controls, keeping the URL in step', async ({ skip }) => {
    const both = indicators.find((i) => comparisons.get(i.id)!.axes.years.length > 0 && comparisons.get(i.id)!.axes.territories.length > 0);
    if (!both) return skip('no indicator compares both across territories and across years');
    const { page, requests } = await watchedPage(browser());
    await open(page, `?indicateur=${both.id}`);
    // click, not check(): the controls are redrawn for the new state, check() would wait for the old input.
    await page.locator('input[data-control="compare"][value="years"]').click();
    await page.waitForURL(/comparer=years&region=/);
    await page.waitForSelector('#explorateur[data-ready="indicator"]');
    expect(await page.locator('select[data-control="year"]').count()).toBe(0);
    expect(await page.locator('select[data-control="territory"]').inputValue()).toBe(new URL(page.url()).searchParams.get('region'));
    expect(await page.locator('[data-role="result"] tbody [data-column="year"]').count()).toBeGreaterThan(1);
    expect(requests.filter((u) => /\.wasm|worker|duckdb/i.test(u))).toEqual([]);
  });

  it('fixes another dimension (an operator…) from its selector, then draws one bar per territory', async ({ skip }) => {
    const offered = indicators
      .map((i) => ({ indicator: i, state: { mode: 'indicator' as const, indicator: i.id, compare: 'regions' as const, at: String(comparisons.get(i.id)!.axes.years.at(-1)) } }))
      .find(({ indicator, state }) => comparisons.get(indicator.id)!.axes.years.length > 0 && dimensionChoices(comparisons.get(indicator.id)!, state).length > 0);
    if (!offered) return skip('no comparison across territories has another dimension to fix');
    const { indicator, state } = offered;
    const { page, requests } = await watchedPage(browser());
    await open(page, `?indicateur=${indicator.id}&comparer=regions&annee=${state.at}`);
    const select = page.locator('select[data-control="choice"]').first();
    const dimension = (await select.getAttribute('data-dimension'))!;
    const value = (await select.locator('option').nth(1).getAttribute('value'))!;
    await select.selectOption(value);
    await page.waitForURL((u) => u.searchParams.get(`d.${dimension}`) === value);
    await page.waitForSelector('#explorateur[data-ready="indicator"]');
    expect(await page.locator('select[data-control="choice"]').first().inputValue()).toBe(value);
    const rows = await shownRows(page);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      const native = await nativeRow(indicator, row, { year: state.at, [dimension]: value });
      expect(row.cells.value!.value).toBe(String(native!.value ?? ''));
    }
    const valued = rows.filter((r) => r.cells.value!.value !== '').length;
    expect(await page.locator('[data-role="chart"] svg[role="img"]:visible rect').count()).toBe(valued);
    expect(requests.filter((u) => /\.wasm|worker|duckdb/i.test(u))).toEqual([]);
  });
});
