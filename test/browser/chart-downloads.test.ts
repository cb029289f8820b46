/**
 * Every chart of every edition of the catalog has its files under …/v<N>/graphiques/ (SVG, PNG,
 * CSV) that open and carry its title and source; every chapter links them; each embed page shows
 * the chart and its citation, with no console error, no other-origin request, and no axe violation.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { chartModel } from '../../src/charts/chart-model.ts';
import { editionCharts } from '../../src/charts/edition-charts.ts';
import { catalog, chapterUrls, editionsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtHtml, DIST } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const browser = sharedBrowser();

const charts = editionsWithPages.flatMap((report) => editionCharts(report.editionId).map((chart) => ({ report, chart, folder: `/${report.editionId}/graphiques/` })));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The texts of an SVG's elements, joined by spaces (lines wrapped by the frame join back). */
function svgTexts(svg: string): string {
  const texts: string[] = [];
  const collect = (node: unknown): void => {
    if (typeof node === 'string' || typeof node === 'number') texts.push(String(node));
    else if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (!k.startsWith(':@')) collect(v);
  };
  collect(new XMLParser({ ignoreAttributes: true, preserveOrder: true, processEntities: true }).parse(svg));
  return texts.join(' ');
}

describe('chart downloads', () => {
  it('the catalog has charts in every edition with pages', () => {
    for (const report of editionsWithPages) expect(charts.some((c) => c.report === report), report.editionId).toBe(true);
  });

  it.each(charts.map((c) => [`${c.folder}${c.chart.id}`, c] as const))('%s: SVG, PNG and CSV open and carry its title, Champ, Source, licence and edition', async (_, { report, chart, folder }) => {
    const file = (ext: string) => path.join(DIST, `${folder}${chart.id}.${ext}`);
    const model = await chartModel(catalog, report, chart.props);
    const svg = readFileSync(file('svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    const texts = svgTexts(svg);
    expect(texts).toContain(model.title);
    for (const source of model.sources) expect(texts).toContain(source);
    if (model.champ) expect(texts).toContain(`Champ : ${model.champ}`);
    expect(texts).toContain('Licence Ouverte');
    expect(texts).toContain(`${report.meta.author}, ${report.meta.title}, édition v${report.edition.number}`);
    const png = readFileSync(file('png'));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const [width, height] = [Number(/^<svg[^>]*width="(\d+)"/.exec(svg)![1]), Number(/^<svg[^>]*height="(\d+)"/.exec(svg)![1])];
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width * 2, height * 2]);
    expect(readFileSync(file('csv'), 'utf8')).toBe(model.csv);
  });

  it('every edition’s chapter pages link each of its charts’ files and embed page, and only those', () => {
    for (const report of editionsWithPages) {
      const linked = new Set<string>();
      for (const url of chapterUrls(report)) {
        const { document } = parseHTML(builtHtml(url));
        for (const block of document.querySelectorAll('.chart-downloads')) {
          const id = block.getAttribute('data-chart-id')!;
          linked.add(id);
          const hrefs = [...block.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
          const folder = `/${report.editionId}/graphiques/`;
          expect(hrefs).toEqual(expect.arrayContaining([`${folder}${id}.svg`, `${folder}${id}.png`, `${folder}${id}.csv`, `${folder}${id}/`]));
          expect(block.querySelector('textarea')?.textContent).toContain(`${folder}${id}/`);
        }
      }
      expect([...linked].sort()).toEqual(editionCharts(report.editionId).map((c) => c.id).sort());
    }
  });

  it.each(charts.filter((c) => c.report.edition.latest).map((c) => [`${c.folder}${c.chart.id}/`, c] as const))('%s: the embed page shows the chart and its citation, alone, with no error, no other origin, no axe violation', async (url, { report }) => {
    expect(existsSync(path.join(DIST, url, 'index.html'))).toBe(true);
    const { page, requests, consoleErrors } = await watchedPage(browser());
    await page.goto(`${baseUrl}${url}`, { waitUntil: 'networkidle' });
    await page.locator('figure.chart .chart-svg svg').first().waitFor({ state: 'attached' });
    expect(await page.locator('.site-header, .site-footer, nav').count()).toBe(0);
    // The typography pass puts no-break spaces before « : »: compared with plain spaces.
    const citation = (await page.locator('.chart-embed-citation').innerText()).replace(/[\u00a0\u202f]/g, ' ');
    expect(citation).toContain(`Source : ${report.meta.author}, ${report.meta.title}, édition v${report.edition.number}`);
    expect(citation).toContain(`/${report.editionId}/`);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v: { id: string }) => v.id);
    });
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${baseUrl}/`))).toEqual([]);
    await page.context().close();
  });
});
