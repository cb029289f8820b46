/**
 * A chart's territory switch on a report page: every territory is prerendered, the checked one
 * shown by CSS. Switching fetches nothing (no DuckDB-WASM, no worker), with or without
 * JavaScript, and shows the values native DuckDB computes for that territory; paper shows the
 * default territory only.
 */
import { parseHTML } from 'linkedom';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { runIndicator } from '../../src/engine/node.ts';
import { formatValue } from '../../src/format/number.ts';
import { getIndicator } from '../../src/indicators/catalogue.ts';
import { reportsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtHtml, builtPages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const isEngine = (url: string) => /duckdb|worker|\.wasm(\?|$)/.test(url);

interface Variant {
  code: string;
  label: string;
  selection: Record<string, string | number>;
}

/**
 * The first chapter (plain URL of a report's latest edition) with a chart that has a territory
 * switch, and its variants as the build wrote them; none when no chart of the catalog has one.
 */
function chartWithSwitch() {
  for (const report of reportsWithPages)
    for (const path of builtPages().filter((p) => p.startsWith(`/${report.id}/`) && !p.startsWith(`/${report.editionId}/`))) {
      const figure = parseHTML(builtHtml(path)).document.querySelector('figure[data-chart-switch]');
      if (!figure) continue;
      const variants: Variant[] = [...figure.querySelectorAll('[data-role="switch"] input[type="radio"]')].map((input, i) => ({
        code: input.getAttribute('value')!,
        label: input.closest('label')!.textContent!.trim(),
        selection: JSON.parse(figure.querySelector(`.chart-variant[data-variant-index="${i + 1}"]`)!.getAttribute('data-selection')!),
      }));
      return { report, path, id: figure.id, indicator: getIndicator(figure.getAttribute('data-indicator')!), variants };
    }
  return undefined;
}
const chart = chartWithSwitch();
const NO_SWITCH = 'no chart of the catalog’s reports has a territory switch: nothing to check';

/** The values of the indicator for a territory, computed by native DuckDB and formatted as the page does. */
async function nativeValues(variant: Variant): Promise<string[]> {
  const rows = await runIndicator(chart!.report, chart!.indicator.id, variant.selection);
  expect(rows.length).toBeGreaterThan(0);
  return rows.map((r) => formatValue(r.value, chart!.indicator.unit, chart!.indicator.decimals)).sort();
}

/** What the figure shows now: caption, the values of the bars of the one drawing on screen (their titles end with it), Lecture. */
async function shown(figure: Locator) {
  const svgs = figure.locator('.chart-svg > svg:visible');
  expect(await svgs.count()).toBe(1);
  const titles = await svgs.locator('rect title').allTextContents();
  return {
    caption: (await figure.locator('figcaption').innerText()).trim(),
    values: titles.map((t) => t.split(/ : |, /).at(-1)!).sort(),
    lecture: await figure.locator('[data-role="lecture"]:visible').innerText(),
    alt: await figure.locator('[data-role="alt"]').evaluateAll((ps) => ps.filter((p) => getComputedStyle(p.parentElement!).display !== 'none').map((p) => p.id)),
    describedBy: await svgs.getAttribute('aria-describedby'),
  };
}

/** Switches, checks that the variant's own values and texts are shown, and that nothing was fetched meanwhile. */
async function switchAndCheck(page: Page, requests: string[], variant: Variant, how: 'click' | 'keyboard') {
  const figure = page.locator(`figure#${chart!.id}`);
  const before = requests.length;
  if (how === 'click') await figure.getByLabel(variant.label, { exact: true }).check();
  else await page.keyboard.press('ArrowRight');
  expect(await figure.getByLabel(variant.label, { exact: true }).isChecked()).toBe(true);
  const now = await shown(figure);
  expect(now.values).toEqual(await nativeValues(variant));
  expect(now.caption).toContain(variant.label);
  expect(now.lecture).toMatch(/^Lecture\s:\s.{10,}/);
  // The one text alternative on screen is the one the drawing points to.
  expect(now.alt).toEqual([now.describedBy]);
  await page.waitForLoadState('networkidle');
  expect(requests.slice(before)).toEqual([]);
}

describe.each([true, false])('report page, territory switch (JavaScript %s)', (javaScriptEnabled) => {
  it('shows each territory’s values, as native DuckDB computes them, and fetches nothing', async ({ skip }) => {
    if (!chart) return skip(NO_SWITCH);
    expect(chart.variants.length).toBeGreaterThan(1);
    const [first, second] = chart.variants as [Variant, Variant];
    const { page, requests, consoleErrors } = await watchedPage(browser(), { javaScriptEnabled });
    await page.goto(`${baseUrl}${chart.path}`);
    await page.waitForLoadState('networkidle');
    const figure = page.locator(`figure#${chart.id}`);
    expect(await figure.locator('[data-role="switch"]').isVisible()).toBe(true);
    expect(await figure.locator('legend').innerText()).toBe('Territoire affiché');
    expect((await shown(figure)).values).toEqual(await nativeValues(first));

    await switchAndCheck(page, requests, second, 'click');
    await switchAndCheck(page, requests, first, 'click');
    // Arrow keys move the checked radio, as in any radio group.
    await figure.getByLabel(first.label, { exact: true }).focus();
    await switchAndCheck(page, requests, second, 'keyboard');

    expect(requests.filter(isEngine)).toEqual([]);
    expect(page.workers()).toEqual([]);
    // Ids stay unique with every variant in the page.
    const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('report page, printed', () => {
  it('shows the default territory only, without the switch, whatever the reader checked', async ({ skip }) => {
    if (!chart) return skip(NO_SWITCH);
    const { page } = await watchedPage(browser());
    await page.goto(`${baseUrl}${chart.path}`);
    const figure = page.locator(`figure#${chart.id}`);
    await figure.getByLabel(chart.variants[1]!.label, { exact: true }).check();
    await page.emulateMedia({ media: 'print' });
    expect(await figure.locator('[data-role="switch"]').isVisible()).toBe(false);
    const variants = await figure.locator('.chart-variant').evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.getAttribute('data-variant')));
    expect(variants).toEqual([chart.variants[0]!.code]);
    expect((await shown(figure)).caption).toContain(chart.variants[0]!.label);
  });
});
