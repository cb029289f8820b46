/**
 * npm run bench:explorer: serves dist/ and measures the explorer in headless Chromium —
 * rows visible after opening it, the first DuckDB-WASM result after a filter change with a
 * cold cache, and the median warm filter change — then writes benchmarks/explorer.json and the
 * « Explorateur » section of BENCHMARKS.md. A script that prints figures, not a test.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
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
      const started = Date.now();
      await page.locator('select[data-field="territory"]').selectOption(['28']);
      await page.waitForSelector('#explorateur[data-ready]', { timeout: 60_000 });
      cold.push({ rowsVisible, firstResult, filterResult: Date.now() - started });
      if (i === 0)
        for (let k = 0; k < WARM; k++) {
          const t = Date.now();
          await page.locator('select[data-field="territory"]').selectOption([k % 2 ? '28' : 'FRM']);
          await page.waitForSelector('#explorateur[data-ready]', { timeout: 60_000 });
          warm.push(Date.now() - t);
        }
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
    `Mesuré le ${figures.date.slice(0, 10)} (${figures.machine}), Chromium headless servi en local par \`astro preview\`, médiane de ${RUNS} ouvertures à froid (nouveau contexte, cache vide) et de ${WARM} changements de filtre à chaud.`,
    '',
    '| mesure | valeur | budget | |',
    '|---|---|---|---|',
    line('Lignes visibles après ouverture (premier rendu, vue prérendue)', figures.rowsVisibleMs, 500),
    line('Premier résultat DuckDB-WASM, cache vide (depuis l’ouverture : moteur, données, requête)', figures.coldFirstDuckdbResultMs, 2000, 1500),
    line('Changement de filtre juste après, cache vide', figures.coldFilterChangeMs, 2000),
    line('Changement de filtre à chaud (médiane)', figures.warmFilterChangeMedianMs, 50),
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
