/**
 * npm run bench:explorer: serves dist/ and measures the explorer in headless Chromium —
 * rows visible after opening it, the first DuckDB-WASM result after a filter change with a
 * cold cache, and the median warm filter change — then writes benchmarks/explorer.json and the
 * « Explorateur » section of BENCHMARKS.md. A script that prints figures, not a test.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import type { Page } from 'playwright-core';
import { launch } from '../src/browser/chromium.ts';
import { serve } from '../src/browser/serve.ts';

const RUNS = 5;
const WARM = 12;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface ExplorerFigures {
  date: string;
  machine: string;
  runs: number;
  rowsVisibleMs: number;
  coldFirstDuckdbResultMs: number;
  coldFilterChangeMs: number;
  warmFilterChangeMedianMs: number;
}

/**
 * A warm filter change as the reader lives it, timed inside the page: from the `change` event
 * of the territory filter to the next frame after the result is in the page (data-ready set
 * again). Timing it from Node would add the automation's own round trips to the browser.
 */
function filterChangeInPage(page: Page, territory: string): Promise<number> {
  return page.evaluate(async (value) => {
    const root = document.getElementById('explorateur')!;
    const select = root.querySelector<HTMLSelectElement>('select[data-field="territory"]')!;
    for (const option of select.options) option.selected = option.value === value;
    const started = performance.now();
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (root.dataset.ready) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
    });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return performance.now() - started;
  }, territory);
}

/** Measures the explorer of a site served at `url`. */
export async function measureExplorer(url: string): Promise<ExplorerFigures> {
  const browser = await launch();
  const cold: { rowsVisible: number; firstResult: number; filterResult: number }[] = [];
  const warm: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext(); // a new context: nothing cached
      const page = await context.newPage();
      await page.goto(`${url}/donnees/`);
      const rowsVisible = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      await page.waitForSelector('#explorateur[data-ready]', { timeout: 60_000 });
      const firstResult = await page.evaluate(() => performance.now());
      cold.push({ rowsVisible, firstResult, filterResult: await filterChangeInPage(page, '28') });
      if (i === 0)
        for (let k = 0; k < WARM; k++) warm.push(await filterChangeInPage(page, k % 2 ? '28' : 'FRM'));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cœurs, ${Math.round(os.totalmem() / 2 ** 30)} Gio`,
    runs: RUNS,
    rowsVisibleMs: median(cold.map((c) => c.rowsVisible)),
    coldFirstDuckdbResultMs: median(cold.map((c) => c.firstResult)),
    coldFilterChangeMs: median(cold.map((c) => c.filterResult)),
    warmFilterChangeMedianMs: median(warm),
  };
}

const line = (what: string, value: number, target: number, stretch?: number) =>
  `| ${what} | ${Math.round(value)} ms | ≤ ${target} ms${stretch ? ` (objectif ${stretch} ms)` : ''} | ${value <= target ? 'atteint' : 'non atteint'} |`;

export function explorerSection(figures: ExplorerFigures): string {
  return [
    '<!-- explorer:start -->',
    '## Explorateur (/donnees/)',
    '',
    `Mesuré le ${figures.date.slice(0, 10)} (${figures.machine}), Chromium headless servi en local par \`astro preview\`, médiane de ${RUNS} ouvertures à froid (nouveau contexte, cache vide) et de ${WARM} changements de filtre à chaud. Les changements de filtre sont mesurés dans la page, de l’événement « change » du filtre à l’image suivant l’affichage du résultat (mesurés depuis Node, ils compteraient aussi les allers-retours de l’automate, environ 30 ms).`,
    '',
    '| mesure | valeur | budget | |',
    '|---|---|---|---|',
    line('Lignes visibles après ouverture (premier rendu, vue prérendue)', figures.rowsVisibleMs, 500),
    line('Premier résultat DuckDB-WASM, cache vide (depuis l’ouverture : moteur, données, requête)', figures.coldFirstDuckdbResultMs, 2000, 1500),
    line('Changement de filtre juste après, cache vide', figures.coldFilterChangeMs, 2000),
    line('Changement de filtre à chaud (médiane, mesuré dans la page : de l’événement « change » au résultat affiché)', figures.warmFilterChangeMedianMs, 50),
    '<!-- explorer:end -->',
  ].join('\n');
}

/** Replaces (or adds) a marked section of BENCHMARKS.md, leaving the other sections alone. */
export function updateBenchmarks(name: string, section: string): void {
  const doc = existsSync('BENCHMARKS.md') ? readFileSync('BENCHMARKS.md', 'utf8') : '# Benchmarks\n';
  const marked = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  writeFileSync('BENCHMARKS.md', marked.test(doc) ? doc.replace(marked, section) : `${doc.trimEnd()}\n\n${section}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = await serve('dist');
  try {
    const figures = await measureExplorer(site.url);
    mkdirSync('benchmarks', { recursive: true });
    writeFileSync('benchmarks/explorer.json', `${JSON.stringify(figures, null, 2)}\n`);
    updateBenchmarks('explorer', explorerSection(figures));
    console.log(explorerSection(figures));
  } finally {
    site.stop();
  }
}
