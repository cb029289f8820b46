/**
 * The downloads of the built site, for each report of the catalog: every dataset link of a report
 * page answers with the file it names (labelled CSV, Excel CSV, Parquet, plain CSV) under a
 * `download` name that says the report, the edition and the dataset; the edition's ZIP opens and
 * holds its guide and every file its Data Package lists; on a phone the links stay compact.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import type { Report } from '../../src/data/catalog.ts';
import { archiveName, folderFile, README_FILE, VARIANTS } from '../../src/data/published-files.ts';
import { editionsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/**
 * For each edition with pages, its whole report on one page (every dataset's downloads), at the
 * URL readers use (plain for the latest).
 */
const pages = editionsWithPages.map((edition) => ({ edition, path: `/${edition.edition.latest ? edition.id : edition.editionId}/rapport-complet/` }));

interface Link {
  href: string;
  download: string;
  text: string;
}

async function datasetLinks(page: Page): Promise<Link[]> {
  return page.$$eval('.dataset-downloads a[download]', (links) =>
    links.map((a) => ({ href: (a as HTMLAnchorElement).href, download: a.getAttribute('download')!, text: a.textContent!.trim() })),
  );
}

/** The variant a link's file is, from its name in the edition's folder. */
function variantOf(edition: Report, file: string) {
  for (const name of edition.resources.keys()) for (const variant of VARIANTS) if (folderFile(name, variant) === file) return { name, variant };
  return undefined;
}

const fetchBytes = async (url: string) => {
  const response = await fetch(url);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};

describe.each(pages)('dataset downloads on $path', ({ edition, path }) => {
  it('every link answers 200 with the file it names, under a download name saying report, edition and dataset', async () => {
    const { page } = await watchedPage(browser());
    await page.goto(`${baseUrl}${path}`);
    const links = await datasetLinks(page);
    expect(links.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const link of links) {
      const file = decodeURIComponent(new URL(link.href).pathname.split('/').pop()!);
      const kind = variantOf(edition, file);
      expect(kind, `${link.href}: not a dataset of ${edition.editionId}`).toBeDefined();
      const { name, variant } = kind!;
      const suffix = { labelled: '-libelles.csv', excel: '-excel.csv', parquet: '.parquet', plain: '.csv' }[variant];
      expect(link.download).toBe(`${edition.region.slug}-${edition.year}-v${edition.edition.number}-${name.replaceAll('_', '-')}${suffix}`);
      if (seen.has(link.href)) continue;
      seen.add(link.href);
      const { response, bytes } = await fetchBytes(link.href);
      expect(response.status, link.href).toBe(200);
      const fields = edition.resources.get(name)!.descriptor.schema.fields.map((f) => f.name);
      const text = strFromU8(bytes);
      if (variant === 'parquet') expect(strFromU8(bytes.slice(0, 4)), link.href).toBe('PAR1');
      else expect(response.headers.get('content-type'), link.href).toMatch(/^text\/csv/);
      if (variant === 'plain') expect(text.split('\n')[0]).toBe(fields.join(','));
      // The byte order mark French Excel needs (a text decoder drops it: read the bytes).
      if (variant === 'excel') expect([...bytes.slice(0, 3)], link.href).toEqual([0xef, 0xbb, 0xbf]);
      if (variant === 'excel') expect(text.startsWith(`${fields[0]};`), link.href).toBe(true);
      if (variant === 'labelled') expect(text.split('\r\n')[0]!.split(',').filter((c) => !c.endsWith('_libelle'))).toEqual(fields);
    }
    // Each dataset shown offers all four files.
    const names = new Set([...seen].map((href) => variantOf(edition, new URL(href).pathname.split('/').pop()!)!.name));
    expect(names.size).toBeGreaterThan(0);
    for (const name of names) for (const variant of VARIANTS) expect([...seen].some((h) => h.endsWith(`/${folderFile(name, variant)}`)), `${name} ${variant}`).toBe(true);
    await page.context().close();
  });

  it('the browser saves a file under its download name', async () => {
    const { page } = await watchedPage(browser(), { acceptDownloads: true });
    await page.goto(`${baseUrl}${path}`);
    // Links under a chart sit in its closed « Voir les données »: open them first.
    await page.$$eval('details', (all) => all.forEach((d) => d.setAttribute('open', '')));
    const links = page.locator('.dataset-downloads a[download$="-excel.csv"]');
    expect(await links.count()).toBeGreaterThan(0);
    const link = links.first();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(await link.getAttribute('download'));
    await page.context().close();
  });

  it('on a phone (390 px), the four files of each dataset take at most two lines, each link beside its size', async () => {
    const { page } = await watchedPage(browser(), { viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}${path}`);
    await page.$$eval('details', (all) => all.forEach((d) => d.setAttribute('open', '')));
    const lists = await page.$$eval('.dataset-downloads-files', (uls) =>
      uls.map((ul) => [...ul.querySelectorAll('li')].map((li) => li.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), right: r.right, height: r.height }))),
    );
    expect(lists.length).toBeGreaterThan(0);
    for (const boxes of lists) {
      expect(boxes).toHaveLength(VARIANTS.length);
      const lineHeight = Math.min(...boxes.map((b) => b.height));
      expect(new Set(boxes.map((b) => b.top)).size).toBeLessThanOrEqual(2);
      for (const b of boxes) expect(b.height).toBeLessThan(lineHeight * 1.5);
      for (const b of boxes) expect(b.right).toBeLessThanOrEqual(390);
    }
    await page.context().close();
  });
});

describe.each(pages)('the archive of $edition.editionId', ({ edition }) => {
  it('is offered on the edition’s home page, opens, and holds the guide and every file its Data Package lists', async () => {
    const { page } = await watchedPage(browser());
    const home = edition.edition.latest ? `/${edition.id}/` : `/${edition.editionId}/`;
    await page.goto(`${baseUrl}${home}`);
    const link = page.locator(`.report-downloads a[download="${archiveName(edition)}"]`);
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toMatch(/^Toutes les données \(ZIP, [\d,]+\s(ko|Mo)\)$/);
    const { response, bytes } = await fetchBytes(new URL((await link.getAttribute('href'))!, page.url()).href);
    expect(response.status).toBe(200);
    const zip = unzipSync(bytes);
    const readme = strFromU8(zip[README_FILE]!);
    expect(readme).toContain(edition.meta.title);
    expect(readme).toContain('Licence Ouverte');
    const pkg = JSON.parse(strFromU8(zip['datapackage.json']!)) as { version: string; resources: { path: string }[] };
    expect(pkg.version).toBe(String(edition.edition.number));
    for (const { path: file } of pkg.resources) expect(Object.keys(zip), file).toContain(file);
    for (const name of edition.resources.keys()) for (const variant of VARIANTS) expect(Object.keys(zip)).toContain(folderFile(name, variant));
    await page.context().close();
  });
});

describe('the explorer page', () => {
  it('lists the archive of each report’s latest edition', async () => {
    const { page } = await watchedPage(browser());
    await page.goto(`${baseUrl}/donnees/`);
    for (const { edition } of pages.filter((p) => p.edition.edition.latest)) {
      const link = page.locator(`a[download="${archiveName(edition)}"]`);
      expect(await link.count(), edition.editionId).toBe(1);
      const href = await link.getAttribute('href');
      expect((await fetch(new URL(href!, page.url()))).status).toBe(200);
    }
    await page.context().close();
  });
});
