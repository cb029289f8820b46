/**
 * The national pages, as built, against the national view computed from the catalog (whatever
 * reports it holds): the latest year's page reads without JavaScript (a map with a tile per
 * region, every region in the table, « non disponible » where no report gives a value), is
 * accessible (axe-core), and each value of its tables is the value its source link lands on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { sameValue } from '../../src/indicators/model.ts';
import { isMapped, nationalView, type NationalView } from '../../src/national/view.ts';
import { getIndicator } from '../../src/indicators/catalogue.ts';
import { indicatorSeries, type IndicatorSeries } from '../../src/national/series.ts';
import { catalog, reportsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const browser = sharedBrowser();
const regions = [...catalog.territories.values()].filter((t) => t.level === 'region');

let view: NationalView;
let latest: NationalView['years'][number];
/** An indicator page with a time series (a territory with two years), when the reports give one. */
let followed: { id: string; label: string; series: IndicatorSeries } | undefined;
beforeAll(async () => {
  view = await nationalView(catalog, reportsWithPages);
  latest = view.years.at(-1)!;
  followed = view.indicators.flatMap((i) => {
    const series = indicatorSeries(getIndicator(i.years[0]!.indicator.catalogueId), i.years);
    return series ? [{ id: i.id, label: i.label, series }] : [];
  })[0];
});

describe('the national page of the latest year', () => {
  it('maps at least three regions with a value, as the published reports give them', () => {
    const valued = new Set(latest.indicators.filter(isMapped).flatMap((i) => i.regions.filter((r) => r.values.length > 0).map((r) => r.code)));
    expect(valued.size).toBeGreaterThanOrEqual(3);
  });

  it('reads without JavaScript: a map with a tile per region, and every region in the table, valued or « non disponible »', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/france/${latest.year}/`);
    const mapped = latest.indicators.filter(isMapped);
    expect(mapped.length).toBeGreaterThan(0);
    for (const indicator of mapped) {
      const figure = tab.locator(`figure#${indicator.indicator.id}`);
      const svg = figure.locator('svg[role="img"]:visible');
      await expect.poll(() => svg.count()).toBe(1);
      const tiles = await svg.locator('title').allTextContents();
      // The page's typography pass may set no-break spaces and apostrophes: compare the words.
      const plain = (t: string) => t.replace(/\s+/g, ' ').replace(/’/g, "'");
      const named = tiles.map((t) => plain(t).split(' : ')[0]!);
      expect(named.sort(), indicator.indicator.id).toEqual(regions.map((r) => r.label).sort());
      for (const region of indicator.regions) {
        const cells = figure.locator(`td[data-territory="${region.code}"]`);
        if (region.values.length === 0) {
          expect(await cells.allTextContents(), region.label).toEqual(['non disponible']);
          expect(tiles.map(plain)).toContain(`${region.label} : n.d.`);
        } else {
          expect((await cells.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))))).sort()).toEqual(region.values.map((v) => v.value).sort());
        }
      }
    }
    await context.close();
  });

  it('gives each value its source, and the source holds that value', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/france/${latest.year}/`);
    const cells = await tab.locator('td[data-source]').evaluateAll((tds) => tds.map((td) => ({ value: Number(td.getAttribute('data-value')), source: td.getAttribute('data-source')! })));
    expect(cells.length).toBeGreaterThan(0);
    const pages = new Map<string, string>();
    for (const { value, source } of cells) {
      const [page, anchor] = source.split('#') as [string, string];
      if (!pages.has(page)) {
        await tab.goto(`${baseUrl}${page}`);
        pages.set(page, await tab.content());
      }
      await tab.setContent(pages.get(page)!);
      const published = await tab.locator(`[id="${anchor}"]`).getAttribute('data-value');
      expect(sameValue(Number(published), value), `${source}: ${published} ≠ ${value}`).toBe(true);
    }
    await context.close();
  });
});

describe('an indicator over the years', () => {
  it('reads without JavaScript: a chart, and each territory’s values year by year as the reports give them, linked to their source', async (ctx) => {
    if (!followed) return ctx.skip();
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/indicateurs/${followed.id}/`);
    const figure = tab.locator('figure#serie');
    await expect.poll(() => figure.locator('svg[role="img"]:visible').count()).toBe(1);
    // Its caption names what the page is about (a series or an operator of the indicator included).
    expect((await figure.locator('figcaption').textContent())!.replace(/\s+/g, ' ').replace(/’/g, "'")).toContain(followed.label.replace(/’/g, "'"));
    for (const t of followed.series.territories)
      for (const year of followed.series.years) {
        const cell = figure.locator(`tr[data-territory="${t.code}"] td[data-year="${year}"]`);
        const given = t.values.get(year) ?? [];
        if (!given.length) expect(await cell.textContent()).toBe('n.d.');
        else expect(await cell.locator('a').evaluateAll((as) => as.map((a) => [Number(a.getAttribute('data-value')), a.getAttribute('href')]))).toEqual(given.map((v) => [v.value, v.source.url]));
      }
    // A break inside the years is said in the table's header and explained under the chart.
    for (const b of followed.series.breaks) {
      expect(await figure.locator(`th[data-break="${b.id}"]`).textContent()).toContain(String(b.year));
      expect(await figure.locator('.notes').textContent()).toContain(b.label);
    }
    await context.close();
  });
});

describe('the national pages', () => {
  it.each(['france', 'indicator', 'series'])('%s page: no WCAG 2.1 AA violation (axe-core), no console error, no request to another origin', async (which) => {
    const url = which === 'france' ? `/france/${latest.year}/` : `/indicateurs/${which === 'series' && followed ? followed.id : view.indicators[0]!.id}/`;
    const { page: tab, requests, consoleErrors } = await watchedPage(browser());
    await tab.goto(`${baseUrl}${url}`, { waitUntil: 'networkidle' });
    await tab.evaluate(axeSource);
    const violations = await tab.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
    await tab.context().close();
  });

  it('are linked from the home page and the site navigation', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/`);
    const links = await tab.locator('#vue-nationale ~ ul a, nav[aria-label="Menu principal"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining([expect.stringMatching(/\/france\/$/), expect.stringMatching(new RegExp(`/france/${latest.year}/$`))]));
    await context.close();
  });
});
