/**
 * Awkward labels (`"`, `;`, `'`, an emoji, a line break; a TAB then `=`) through every path a
 * label takes to a reader: the explorer's table (DuckDB-WASM reading the served CSV), the chart
 * switch of a report page (every territory drawn at build time), the explorer's
 * downloads (CSV and Excel variant) and the published files. The site is built from a copy of the
 * fixture roots (awkward-site.ts). No wall-clock limit: the build and every wait end on a condition.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, watchedPage } from '../../src/browser/chromium.ts';
import { serve, type Served } from '../../src/browser/serve.ts';
import { typesetText } from '../../src/typography/html.ts';
import { FIXTURE } from '../helpers/fixtures.ts';
import { buildAwkwardSite, CELL, FORMULA, FORMULA_VIEW, LABEL, TITLE } from './awkward-site.ts';

const NO_LIMIT = { timeout: 0 };
let outDir: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  outDir = await buildAwkwardSite();
  served = await serve(outDir);
  browser = await launch();
}, 0);

afterAll(async () => {
  await browser?.close();
  served?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function openPage(url: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const { page, consoleErrors } = await watchedPage(browser);
  page.setDefaultTimeout(0);
  await page.goto(url);
  return { page, consoleErrors };
}

async function explorer(view: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const opened = await openPage(`${served.url}/donnees/?vue=${encodeURIComponent(view)}`);
  await opened.page.waitForSelector('#explorateur[data-ready], #explorateur [data-role="error"]:not([hidden])', NO_LIMIT);
  expect(await opened.page.locator('[data-role="error"]').isVisible(), 'the explorer loaded the view').toBe(false);
  return opened;
}

const cells = (page: Page, column: string) => page.$$eval(`[data-role="result"] tbody [data-column="${column}"]`, (tds) => tds.map((td) => td.textContent));

/** The file the explorer's download button gives, parsed with the delimiter of its variant. */
async function download(page: Page, format: 'csv' | 'excel'): Promise<Record<string, string>[]> {
  const [file] = await Promise.all([page.waitForEvent('download', NO_LIMIT), page.click(`[data-control="download"][data-format="${format}"]`)]);
  const text = readFileSync((await file.path())!, 'utf8');
  return parse(text, { columns: true, bom: true, delimiter: format === 'excel' ? ';' : ',' });
}

describe('awkward labels', () => {
  it('the explorer shows them exactly: a reference label, a resource title, a two-line cell', async () => {
    const across = await explorer('tous--cep-entries-by-operator');
    expect(await cells(across.page, 'operator')).toContain(LABEL);
    expect(new Set(await cells(across.page, 'dataset'))).toContain(TITLE);
    const free = await explorer(`${FIXTURE.slug}-${FIXTURE.year}--reception_points`);
    expect(await cells(free.page, 'published_text')).toContain(CELL);
    expect([...across.consoleErrors, ...free.consoleErrors]).toEqual([]);
  }, 0);

  it('the chart switch of a report page shows them in the other territory’s drawing, prerendered at build time', async () => {
    const chapters = path.join(outDir, FIXTURE.slug, String(FIXTURE.year));
    // The shortest path: a page of the latest edition (/<region>/<year>/<chapter>/).
    const page = readdirSync(chapters, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html') && readFileSync(path.join(chapters, f), 'utf8').includes('data-chart-switch'))
      .sort((a, b) => a.length - b.length)[0];
    expect(page, 'a chapter of the fixture report has a chart with a territory switch').toBeDefined();
    const { page: tab, consoleErrors } = await openPage(`${served.url}/${FIXTURE.slug}/${FIXTURE.year}/${path.dirname(page!)}/`.replace('/./', '/'));
    const figure = tab.locator('figure[data-chart-switch]').first();
    const other = figure.locator('[data-role="switch"] input:not(:checked)').first();
    const territory = await other.getAttribute('value');
    await other.check();
    const shown = figure.locator('.chart-variant:visible');
    expect(await shown.getAttribute('data-variant')).toBe(territory);
    // A long label wraps into several tspans: each text's lines, joined by a space.
    const texts = await shown.locator('.chart-svg > svg:visible text').evaluateAll((els) => els.map((t) => (t.children.length ? [...t.children].map((l) => l.textContent).join(' ') : t.textContent)));
    // Drawn at build time, the label went through the pages' French typography pass (’), as every page's text.
    expect(texts).toContain(typesetText(LABEL));
    expect(consoleErrors).toEqual([]);
  }, 0);

  it('the downloads give them back exactly, and neutralise the formula in both variants', async () => {
    const across = await explorer('tous--cep-entries-by-operator');
    for (const format of ['csv', 'excel'] as const) {
      const rows = await download(across.page, format);
      expect(rows.map((r) => r.operator_libelle), format).toContain(LABEL);
      expect(rows.map((r) => r.dataset_libelle), format).toContain(TITLE);
    }
    const hostile = await explorer(FORMULA_VIEW);
    expect(await cells(hostile.page, 'operator'), 'the table shows the text as it is').toContain(FORMULA);
    for (const format of ['csv', 'excel'] as const) {
      const labels = (await download(hostile.page, format)).map((r) => r.operator_libelle);
      expect(labels, format).toContain(`'${FORMULA}`);
      expect(labels.filter((l) => /^[\s]*[=+\-@]/.test(l!)), format).toEqual([]);
    }
  }, 0);

  it('the published files hold them exactly', async () => {
    const get = async (file: string) => (await fetch(`${served.url}/donnees/${FIXTURE.slug}/${FIXTURE.year}/${file}`)).text();
    const pkg = JSON.parse(await get('datapackage.json')) as { resources: { name: string; title: string }[] };
    expect(pkg.resources.find((r) => r.name === 'cep_entries')?.title).toBe(TITLE);
    const rows = async (file: string) => parse(await get(file), { columns: true }) as Record<string, string>[];
    expect((await rows('operators.csv')).find((r) => r.code === 'apec')?.label).toBe(LABEL);
    expect((await rows('reception_points.csv')).map((r) => r.published_text)).toContain(CELL);
    // The dataset downloads of report pages: labels beside codes, and the variant for Excel.
    for (const [file, delimiter] of [['cep_entries-libelles.csv', ','], ['cep_entries-excel.csv', ';']] as const)
      expect((parse(await get(file), { columns: true, bom: true, delimiter }) as Record<string, string>[]).map((r) => r.operator_libelle), file).toContain(LABEL);
  });
});
