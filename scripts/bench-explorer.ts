/**
 * npm run bench:explorer: serves dist/ and measures the explorer in headless Chromium, as a
 * reader of a shared link lives it (issue 14): time from navigation to the link's own result on
 * screen, cold (new context, empty cache) and on a second visit (same context), for a table link
 * (filter + grouping) and an indicator comparison link; and the warm filter change. Writes
 * benchmarks/explorer.json and the « explorer » section of BENCHMARKS.md. Figures, not a test.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from '../src/browser/chromium.ts';
import { serve } from '../src/browser/serve.ts';
import { loadCatalog } from '../src/data/catalog.ts';
import { explorerViews } from '../src/explorer/views.ts';
import { loadIndicators } from '../src/indicators/catalogue.ts';

const RUNS = 5;
const WARM = 12;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Measured before issue 14 (the figures): a shared link reached its state with DuckDB-WASM only. */
const BEFORE = { sharedLinkColdMs: 1600, warmFilterChangeMs: 28 };

export interface LinkFigures {
  link: string;
  coldMs: number;
  secondVisitMs: number;
  /** Same runs: when DuckDB-WASM held the view, the soonest the link showed its state before issue 14. */
  duckdbColdMs?: number;
  duckdbSecondVisitMs?: number;
  /** Who computed the result first shown (the status line). */
  answeredBy: string;
}

export interface ExplorerFigures {
  date: string;
  machine: string;
  runs: number;
  table: LinkFigures;
  indicator: LinkFigures;
  warmFilterChangeMedianMs: number;
  warmFilterAnsweredBy: string[];
}

/**
 * Marks, in the page, the instant its result is first on screen (data-ready set), and the
 * instant DuckDB-WASM holds the view: before issue 14 a shared link showed its state no sooner.
 */
function markReady(): void {
  const w = window as unknown as { readyAt?: number; duckdbAt?: number };
  window.addEventListener('explorer:duckdb', () => (w.duckdbAt ??= performance.now()));
  new MutationObserver(() => {
    if (w.readyAt === undefined && document.getElementById('explorateur')?.dataset.ready) requestAnimationFrame(() => (w.readyAt ??= performance.now()));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

interface Visit {
  ms: number;
  /** When DuckDB-WASM held the view (table links only). */
  duckdbMs?: number;
  status: string;
}

async function visit(context: BrowserContext, url: string, table: boolean): Promise<Visit> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((t) => {
    const w = window as unknown as { readyAt?: number; duckdbAt?: number };
    return w.readyAt !== undefined && (!t || w.duckdbAt !== undefined);
  }, table);
  const figures = await page.evaluate(() => {
    const w = window as unknown as { readyAt: number; duckdbAt?: number };
    return { ms: w.readyAt, duckdbMs: w.duckdbAt, status: document.querySelector('[data-role="status"]')?.textContent ?? '' };
  });
  await page.close();
  return figures;
}

async function measureLink(launchBrowser: () => Promise<BrowserContext>, url: string, table: boolean): Promise<LinkFigures> {
  const cold: Visit[] = [];
  const second: Visit[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await launchBrowser(); // a new context: nothing cached
    cold.push(await visit(context, url, table));
    second.push(await visit(context, url, table));
    await context.close();
  }
  const duckdb = (visits: Visit[]) => (table ? median(visits.map((v) => v.duckdbMs!)) : undefined);
  return {
    link: url.replace(/^https?:\/\/[^/]+/, ''),
    coldMs: median(cold.map((v) => v.ms)),
    secondVisitMs: median(second.map((v) => v.ms)),
    duckdbColdMs: duckdb(cold),
    duckdbSecondVisitMs: duckdb(second),
    answeredBy: cold.at(-1)!.status,
  };
}

/**
 * A warm filter change as the reader lives it, timed inside the page: from the `change` event
 * of the territory filter (a list or a checkbox) to the next frame after the result is in the page.
 */
function filterChangeInPage(page: Page, territory: string): Promise<{ ms: number; status: string }> {
  return page.evaluate(async (value) => {
    const root = document.getElementById('explorateur')!;
    const select = root.querySelector<HTMLSelectElement>('select[data-field="territory"]');
    let target: HTMLElement;
    if (select) {
      for (const option of select.options) option.selected = option.value === value;
      target = select;
    } else {
      for (const box of root.querySelectorAll<HTMLInputElement>('input[data-field="territory"]')) box.checked = box.value === value;
      target = root.querySelector<HTMLInputElement>(`input[data-field="territory"][value="${value}"]`)!;
    }
    delete root.dataset.ready;
    const started = performance.now();
    target.dispatchEvent(new Event('change', { bubbles: true }));
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
    return { ms: performance.now() - started, status: root.querySelector('[data-role="status"]')?.textContent ?? '' };
  }, territory);
}

/** The links measured: the default view filtered on a published region and grouped, and an indicator by region; the filter changes start from the ungrouped filter (no chart), as before issue 14. */
function links(): { table: string; filter: string; indicator: string; territories: [string, string] } {
  const catalog = loadCatalog();
  const published = catalog.reports.filter((r) => existsSync(`dist/${r.id}/index.html`));
  const view = explorerViews(catalog, published)[0]!;
  const territories = [...new Set(view.rows.map((r) => String(r.territory)))];
  const region = published.map((r) => r.region.code).find((code) => territories.includes(code))!;
  const other = territories.find((t) => t !== region)!;
  return {
    table: `/donnees/?f.territory=${region}&grouper=operator`,
    filter: `/donnees/?f.territory=${region}`,
    indicator: `/donnees/?indicateur=${loadIndicators().indicators[0]!.id}&comparer=regions&annee=${published[0]!.year}`,
    territories: [region, other],
  };
}

/** Measures the explorer of a site served at `url`. */
export async function measureExplorer(url: string): Promise<ExplorerFigures> {
  const browser = await launch();
  const { table, filter, indicator, territories } = links();
  const newContext = async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(0); // a busy machine is slow, not wrong: wait for the result
    await context.addInitScript(markReady);
    return context;
  };
  try {
    const tableFigures = await measureLink(newContext, `${url}${table}`, true);
    const indicatorFigures = await measureLink(newContext, `${url}${indicator}`, false);
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${url}${filter}`);
    await page.waitForSelector('#explorateur[data-ready]');
    const warm: { ms: number; status: string }[] = [];
    for (let k = 0; k < WARM; k++) warm.push(await filterChangeInPage(page, territories[k % 2]!));
    await context.close();
    return {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cœurs, ${Math.round(os.totalmem() / 2 ** 30)} Gio, load average ${os.loadavg()[0]!.toFixed(1)}`,
      runs: RUNS,
      table: tableFigures,
      indicator: indicatorFigures,
      warmFilterChangeMedianMs: median(warm.map((w) => w.ms)),
      warmFilterAnsweredBy: [...new Set(warm.map((w) => (w.status.includes('DuckDB') ? 'DuckDB-WASM' : 'exécuteur léger')))],
    };
  } finally {
    await browser.close();
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;
const line = (what: string, value: number, target: number, before?: string) =>
  `| ${what} | ${ms(value)} | ${before ?? '—'} | ≤ ${target} ms | ${value <= target ? 'atteint' : 'non atteint'} |`;

export function explorerSection(figures: ExplorerFigures): string {
  const { table, indicator } = figures;
  return [
    '<!-- explorer:start -->',
    '## Explorateur (/donnees/)',
    '',
    `Mesuré le ${figures.date.slice(0, 10)} (${figures.machine}), Chromium headless servi en local par \`astro preview\`. Un lien partagé est mesuré de la navigation à l’image qui suit l’affichage de son propre résultat (\`data-ready\`), médiane de ${figures.runs} ouvertures à froid (nouveau contexte, cache vide) et de ${figures.runs} secondes visites (même contexte, juste après). Les changements de filtre sont mesurés dans la page, de l’événement « change » à l’image suivant l’affichage (médiane de ${WARM}). « Avant » : avant l’issue 14, un lien partagé montrait d’abord la vue par défaut et n’atteignait son état qu’une fois DuckDB-WASM prêt ; la colonne donne, mesuré dans les mêmes ouvertures, l’instant où DuckDB-WASM tient la vue (il se charge toujours, en parallèle), et le chiffre de l’issue (machine au calme). La machine de mesure est partagée : la charge (load average) au moment de la mesure est indiquée.`,
    '',
    `Lien tableau : \`${table.link}\` (premier résultat : « ${table.answeredBy} »). Lien indicateur : \`${indicator.link}\`.`,
    '',
    '| mesure | valeur | avant | budget | |',
    '|---|---|---|---|---|',
    line('Lien partagé (filtre + regroupement), à froid', table.coldMs, 1000, `${ms(table.duckdbColdMs!)} (issue : ${ms(BEFORE.sharedLinkColdMs)} au calme)`),
    line('Lien partagé (filtre + regroupement), seconde visite', table.secondVisitMs, 500, ms(table.duckdbSecondVisitMs!)),
    line('Lien partagé (comparaison d’indicateur), à froid', indicator.coldMs, 1000, `${ms(BEFORE.sharedLinkColdMs)} (au calme)`),
    line('Lien partagé (comparaison d’indicateur), seconde visite', indicator.secondVisitMs, 500),
    line(`Changement de filtre à chaud, sans regroupement (médiane ; calculé par ${figures.warmFilterAnsweredBy.join(' puis ')})`, figures.warmFilterChangeMedianMs, 30, ms(BEFORE.warmFilterChangeMs)),
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
