/**
 * Every figure rendered by a component leads to its provenance. For a sample of the figures in
 * prose, key figures and tables of every report of the catalog (latest edition, at its
 * permanent address), following the link — JavaScript off — lands on the figure's own anchor,
 * holding the same raw value, under its dataset's source and Champ, or its indicator's formula
 * and input rows, with its value in each edition. With JavaScript, the popover showing the same
 * is reached and operated by keyboard.
 */
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadIndicators } from '../../src/indicators/catalogue.ts';
import type { Report } from '../../src/data/catalog.ts';
import { sameKey } from '../../src/editions/revisions.ts';
import { noticeViews } from '../../src/editions/revisions-view.ts';
import { figureFields } from '../../src/provenance/describe.ts';
import { cellId, rowKeyFields } from '../../src/provenance/figure-id.ts';
import { datasetProvenanceUrl } from '../../src/provenance/urls.ts';
import { figureTextFields } from '../../src/tables/model.ts';
import { typesetText } from '../../src/typography/html.ts';
import { catalog, chapterUrls, editionsOf, editionsWithPages, reportsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const PER_KIND = 3;

type Kind = 'prose' | 'key figure' | 'table';
interface Sampled {
  kind: Kind;
  chapter: string;
  href: string;
  /** The raw value the figure carries (`value` of its <data>, `data-value` of its cell). */
  value: string;
  /** The figure as the chapter prints it. */
  text: string;
  dataset?: string;
  indicator?: string;
}

/**
 * A figure's text up to its number: « environ 100 » of « environ 100 psychologues ». A figure's
 * unit may be left to its sentence (<KeyFigure unit={false}>, <Data format="percent">), never its
 * caution nor its precision.
 */
const leading = (text: string) => text.match(/^\D*?[−+]?\d[\d\u202f]*(?:,\d+)?/)?.[0];

const kindOf = (link: Element): Kind => (link.closest('td') ? 'table' : link.closest('.key-figures') ? 'key figure' : 'prose');

function describeLink(link: Element, chapter: string): Sampled {
  const data = link.querySelector('data');
  const cell = link.closest('td');
  // A cell of an indicator chart's data table is one of the indicator's results.
  const indicator = data?.getAttribute('data-indicator') ?? (data ? null : link.closest('figure[data-indicator]')?.getAttribute('data-indicator')) ?? undefined;
  return {
    kind: kindOf(link),
    chapter,
    href: link.getAttribute('href')!,
    value: data?.getAttribute('value') ?? cell?.getAttribute('data-value') ?? '',
    text: link.textContent!.trim(),
    dataset: indicator ? undefined : (data?.getAttribute('data-dataset') ?? link.closest('figure[data-dataset]')?.getAttribute('data-dataset') ?? undefined),
    indicator,
  };
}

/** The first PER_KIND figures of each kind, and of prose figures both dataset and indicator ones, over the edition's chapters. */
async function sample(report: Report): Promise<Sampled[]> {
  const out: Sampled[] = [];
  const count = (test: (s: Sampled) => boolean) => out.filter(test).length;
  for (const chapter of chapterUrls(report)) {
    const response = await fetch(`${baseUrl}${chapter}`);
    expect(response.status, chapter).toBe(200);
    const { document } = parseHTML(await response.text());
    // An indicator chart's count column leads to the same result as its value: the value is sampled.
    for (const link of [...document.querySelectorAll('a[data-provenance]')].filter((a) => a.closest('td')?.getAttribute('data-measure') !== 'numerator')) {
      const s = describeLink(link, chapter);
      const group = (x: Sampled) => x.kind === s.kind && Boolean(x.indicator) === Boolean(s.indicator);
      if (count(group) < PER_KIND) out.push(s);
    }
  }
  return out;
}

async function checkStatic(page: Page, report: Report, s: Sampled): Promise<void> {
  const where = `${s.chapter} ${s.kind} ${s.href}`;
  const url = new URL(s.href, baseUrl);
  expect(url.pathname.startsWith(`/${report.editionId}/provenance/`), where).toBe(true);
  // From a blank page: a second figure of the same page would be a same-document navigation, with no response.
  await page.goto('about:blank');
  const response = await page.goto(url.href);
  expect(response?.status(), where).toBe(200);
  const anchor = decodeURIComponent(url.hash.slice(1));
  const target = page.locator(`[id="${anchor}"]`);
  expect(await target.count(), where).toBe(1);
  const history = target.locator('.provenance-history tbody tr');
  if (s.indicator) {
    const indicator = loadIndicators().indicators.find((i) => i.id === s.indicator)!;
    expect(url.pathname, where).toBe(`/${report.editionId}/provenance/indicateurs/${indicator.id}/`);
    expect(await target.getAttribute('data-value'), where).toBe(s.value);
    expect(await page.locator('#formule pre code').first().textContent(), where).toBe(indicator.sql);
    const inputs = await target.locator('.provenance-inputs a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(inputs.length, `${where}: lignes des jeux de données lus`).toBeGreaterThan(0);
    for (const input of inputs) expect(input.startsWith(`/${report.editionId}/provenance/`), where).toBe(true);
  } else {
    const resource = report.resources.get(s.dataset!)!;
    expect(url.pathname, where).toBe(`/${report.editionId}/provenance/${s.dataset!.replaceAll('_', '-')}/`);
    const source = (await page.locator('#source').textContent())!.replace(/\s+/g, ' ');
    for (const title of (resource.descriptor.sources ?? []).map((x) => x.title)) expect(source, where).toContain(title.replace(/\s+/g, ' '));
    expect(source, where).toContain('Champ');
    if ((await target.getAttribute('class'))?.includes('provenance-figure')) expect(await target.getAttribute('data-value'), where).toBe(s.value);
    const explore = page.locator(`.provenance-row:has([id="${anchor}"]) a[href*="/donnees/?"], [id="${anchor}"].provenance-row a[href*="/donnees/?"]`);
    if (report.edition.latest) expect(await explore.first().getAttribute('href'), where).toContain(`vue=${report.id.replace('/', '-')}--${s.dataset}`);
  }
  if ((await target.getAttribute('class'))?.includes('provenance-figure')) {
    expect(await history.count(), `${where}: une valeur par édition`).toBe(editionsOf(report).length);
    const shown = (await target.locator('h3 > strong, h4 > strong').first().textContent())!.trim();
    expect(leading(shown), `${where}: « ${s.text} » / « ${shown} »`).toBe(leading(s.text));
  }
}

describe.each(reportsWithPages.map((r) => [r.editionId, r] as const))('provenance of the figures of %s', (_, report) => {
  // Sampled once for the report: each test below runs on its own (`-t`), not after another.
  let sampled: Sampled[] = [];
  beforeAll(async () => {
    sampled = await sample(report);
  });

  it('samples figures of every kind: prose (dataset and indicator), key figures, tables', () => {
    const kinds = new Set(sampled.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['key figure', 'prose', 'table']);
    expect(sampled.some((s) => s.indicator && s.kind === 'prose')).toBe(true);
    expect(sampled.some((s) => s.indicator && s.kind === 'table'), 'a cell of an indicator chart’s data table').toBe(true);
  });

  it('leads, JavaScript off, to the figure’s anchor: same value, its row, source and Champ, or formula and input rows, and its history', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const s of sampled) await checkStatic(page, report, s);
    await context.close();
  });

  it('opens, with JavaScript, a labelled popover by keyboard (Tab, Enter, Space), closed by Escape with the focus back on the figure', async () => {
    const s = sampled.find((x) => x.kind === 'prose')!;
    const page = await browser().newPage();
    await page.goto(`${baseUrl}${s.chapter}`);
    const link = page.locator(`a[data-provenance][href="${s.href}"]`).first();
    await link.and(page.locator('[aria-haspopup="dialog"]')).waitFor();
    // Reachable: Tab moves the focus through the page until it lands on the figure.
    let reached = false;
    for (let i = 0; i < 400 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await link.evaluate((a) => a === document.activeElement);
    }
    expect(reached, `${s.chapter}: lien atteint au clavier`).toBe(true);
    const popover = page.locator('#provenance-popover');
    for (const key of ['Enter', ' ']) {
      await page.keyboard.press(key);
      await popover.and(page.locator('[data-ready="true"]:popover-open')).waitFor();
      expect(await popover.getAttribute('role')).toBe('dialog');
      const title = await page.locator(`#${await popover.getAttribute('aria-labelledby')}`).textContent();
      expect(title).toContain('Provenance du chiffre');
      expect(await popover.evaluate((p) => p.contains(document.activeElement))).toBe(true);
      if (s.indicator) expect(await popover.locator('pre code').first().textContent()).toBeTruthy();
      expect(await popover.locator(`[data-value="${s.value}"]`).count(), s.href).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await popover.and(page.locator(':not(:popover-open)')).waitFor({ state: 'attached' });
      expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    }
    await page.close();
  });
});

/** The provenance links of the figures a dataset notice of an edition is about: its cell, or the figures whose text reads it. */
function revisedFigures(edition: Report): { url: string; type: string; reason: string }[] {
  return noticeViews(catalog, edition).flatMap((view) => {
    if (!('dataset' in view.figure)) return [];
    const { dataset, row: key, field } = view.figure;
    const resource = edition.resources.get(dataset)!;
    const row = resource.table.rows.find((r) => sameKey(rowKeyFields(resource, r), key))!;
    const figures = figureFields(resource).filter((f) => figureTextFields(resource, f).includes(field));
    expect(figures.length, `${edition.editionId} ${view.id}: un chiffre montre la valeur révisée`).toBeGreaterThan(0);
    return figures.map((f) => ({ url: datasetProvenanceUrl(edition, dataset, cellId(resource, row, f)), type: view.type, reason: view.reason }));
  });
}

describe('revision notices in the history of a figure', () => {
  it('a figure an edition revised says so on that edition’s provenance page, and its history shows the notice in that edition’s row', async () => {
    const revised = editionsWithPages.flatMap(revisedFigures);
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const { url, type, reason } of revised) {
      await page.goto('about:blank');
      await page.goto(`${baseUrl}${url}`);
      const target = page.locator(`[id="${decodeURIComponent(new URL(url, baseUrl).hash.slice(1))}"]`);
      expect(await target.locator('.provenance-revision').textContent(), url).toContain('Révisée dans cette édition');
      // As readers read it: through the pages' French typography pass (’, no-break spaces).
      const plain = (text: string) => typesetText(text).replace(/\s+/g, ' ');
      const row = plain((await target.locator('.provenance-history tr[aria-current]').textContent())!);
      expect(row, url).toContain(plain(type));
      expect(row, url).toContain(plain(reason));
    }
    await context.close();
  });
});
