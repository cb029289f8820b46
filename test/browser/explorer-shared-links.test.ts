/**
 * Issue 14: a shared explorer link never shows a result that is not the one it names. Every
 * state of the result region is recorded from the first paint (a MutationObserver installed
 * before the page's own scripts), and each one a reader could see is checked against the
 * link's result computed natively (DuckDB in Node, indicators with the reports' SQL).
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { watchedPage } from '../../src/browser/chromium.ts';
import { loadCatalog } from '../../src/data/catalog.ts';
import { writeCsv } from '../../src/engine/csv.ts';
import { runOnView } from '../../src/engine/node.ts';
import { indicatorComparison } from '../../src/explorer/comparisons.ts';
import { comparisonResult, resolveState } from '../../src/explorer/comparison-view.ts';
import { buildQueries, parseState, type IndicatorState, type TableState } from '../../src/explorer/query.ts';
import { explorerViews, viewColumns, type ViewData } from '../../src/explorer/views.ts';
import { loadIndicators } from '../../src/indicators/catalogue.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtPages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const pages = builtPages();
const catalog = loadCatalog();
const published = catalog.reports.filter((r) => pages.includes(`/${r.id}/`));
const viewData = explorerViews(catalog, published);
const views = viewData.map((d) => d.view);
const defaultView = viewData[0]!;
const region = published.map((r) => r.region.code).find((code) => defaultView.rows.some((r) => r.territory === code));
const browser = sharedBrowser();

interface Snapshot {
  visible: boolean;
  error: boolean;
  ready: string | null;
  count: string;
  /** Each data row's raw values by column; a label said once over its rows (a group header) counts for each of them. */
  rows: Record<string, string>[];
  total: string;
}

/** Records every state of the result region, from the parser's first insertion on. */
function recorder(): void {
  const w = window as unknown as { snapshots: Snapshot[] };
  w.snapshots = [];
  let last = '';
  const record = () => {
    const root = document.getElementById('explorateur');
    const result = root?.querySelector<HTMLElement>('[data-role="result"]');
    if (!root || !result) return;
    const error = root.querySelector<HTMLElement>('[data-role="error"]');
    const snapshot: Snapshot = {
      visible: getComputedStyle(result).visibility !== 'hidden' && result.querySelector('tbody [data-column]') !== null,
      error: !!error && !error.hidden,
      ready: root.getAttribute('data-ready'),
      count: root.querySelector('[data-role="count"]')?.textContent ?? '',
      rows: [...result.querySelectorAll('tbody')].flatMap((tbody) => {
        const cells = (tr: Element | null) => Object.fromEntries([...(tr?.querySelectorAll('[data-column]') ?? [])].map((c) => [c.getAttribute('data-column')!, c.getAttribute('data-value') ?? '']));
        const group = cells(tbody.querySelector('tr.group'));
        return [...tbody.querySelectorAll('tr:not(.group)')].map((tr) => ({ ...group, ...cells(tr) }));
      }),
      total: result.querySelector('tfoot')?.textContent ?? '',
    };
    const key = JSON.stringify(snapshot);
    if (key !== last) w.snapshots.push(snapshot);
    last = key;
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function snapshotsOf(page: Page, search: string, done: string): Promise<Snapshot[]> {
  await page.addInitScript(recorder);
  await page.goto(`${baseUrl}/donnees/${search}`);
  await page.waitForSelector(done);
  return page.evaluate(() => (window as unknown as { snapshots: Snapshot[] }).snapshots);
}

async function expectedTable(search: string): Promise<{ rows: Record<string, string>[]; count: number }> {
  const state = parseState(search, views, loadIndicators().indicators.map((i) => i.id), defaultView.view.id) as TableState;
  const d: ViewData = viewData.find((x) => x.view.id === state.view)!;
  const q = buildQueries(state, d.view);
  const csvText = writeCsv(d.columns, d.rows.map((row) => d.columns.map((c) => row[c])));
  const [rows, count] = await runOnView({ table: d.view.table, csvText, columns: viewColumns(d.view) }, [q.rows, q.count]);
  const cells = rows!.map((row) => Object.fromEntries(q.columns.filter((c) => c.name !== 'sommes').map((c) => [c.name, String(row[c.name] ?? '')])));
  return { rows: cells, count: Number(count![0]!.n) };
}

describe('a shared explorer link', () => {
  for (const [what, search] of [
    ['a filter', () => `?f.territory=${region}`],
    ['a grouping', () => `?f.territory=${region}&grouper=operator&tri=lignes:desc`],
  ] as const)
    it(`with ${what} shows a loading state, then its own result, never another one`, async ({ skip }) => {
      if (!region) return skip('no published report’s region in the default view');
      const { page, consoleErrors, requests } = await watchedPage(browser());
      const link = search();
      const snapshots = await snapshotsOf(page, link, '#explorateur[data-ready="table"]');
      const expected = await expectedTable(link);
      const shown = snapshots.filter((s) => s.visible);
      expect(snapshots.length).toBeGreaterThan(shown.length); // the prerendered default was there, hidden
      expect(shown.length).toBeGreaterThan(0);
      for (const s of shown) {
        const names = Object.keys(expected.rows[0]!);
        expect(s.rows.map((r) => Object.fromEntries(names.map((n) => [n, r[n]]))), link).toEqual(expected.rows);
        expect(s.count, link).toMatch(new RegExp(`sur ${expected.count}$`));
      }
      expect(consoleErrors).toEqual([]);
      // explorer-first-paint.js preloads the view's CSV; the island takes that response, fetching nothing twice.
      expect(requests.filter((u) => /\/donnees\/explorateur\/[^/]+\.csv$/.test(new URL(u).pathname)), link).toHaveLength(1);
    });

  it('with an indicator comparison shows a loading state, then the comparison’s values only', async ({ skip }) => {
    // An indicator that compares territories for some year (computed natively, as the build does).
    const found = (
      await Promise.all(loadIndicators().indicators.map(async (i) => ({ i, c: await indicatorComparison(catalog, published, i) })))
    ).find(({ c }) => c.axes.years.length > 0);
    if (!found) return skip('no indicator compares territories in the published reports');
    const link = `?indicateur=${found.i.id}&comparer=regions&annee=${found.c.axes.years[0]}`;
    const resolved = resolveState(found.c, parseState(link, views, loadIndicators().indicators.map((i) => i.id), defaultView.view.id) as IndicatorState);
    if (!('state' in resolved)) throw new Error(`${link}: ${resolved.problem}`);
    const expected = comparisonResult(found.c, resolved.state).rows.map((r) => String(r.value ?? ''));
    const { page, requests } = await watchedPage(browser());
    const snapshots = await snapshotsOf(page, link, '#explorateur[data-ready="indicator"]');
    const shown = snapshots.filter((s) => s.visible);
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(s.rows.map((r) => r.value).sort(), link).toEqual([...expected].sort());
    expect(requests.filter((u) => /\.wasm$|worker/.test(u))).toEqual([]);
    expect(requests.filter((u) => new URL(u).pathname.endsWith(`/donnees/indicateurs/${found.i.id}.json`)), link).toHaveLength(1);
  });

  it('that is not valid shows the French error, never the default table', async () => {
    const { page } = await watchedPage(browser());
    const snapshots = await snapshotsOf(page, '?page=1e3', '#explorateur [data-role="error"]:not([hidden])');
    expect(snapshots.filter((s) => s.visible)).toEqual([]);
    expect(await page.locator('[data-role="error"]').innerText()).toContain('Ce lien d’exploration n’est pas valide');
  });
});
