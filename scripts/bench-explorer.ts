/**
 * npm run bench:explorer: serves dist/ and measures the explorer in headless Chromium, as a
 * reader of a shared link lives it (issue 14): time from navigation to the link's own figures on
 * screen, then to its chart, cold (new context, empty cache) and on a second visit (same context,
 * files cached as the deployment's Cache-Control allows), for a table link
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
import { DEPLOYED_CACHE_CONTROL } from '../src/site/deploy.ts';

const RUNS = 5;
const WARM = 12;
/** The console message of a page whose state is fully shown (markReady). */
const READY = 'bench:explorer-ready';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/**
 * Before: the issue's figure (a shared link reached its state with DuckDB-WASM only, quiet
 * machine), and this bench on 2026-12-02 at abe0f60 (load 3,5), when the figures waited for the
 * chart and DuckDB-WASM compiled beside them, and a second visit revalidated every file.
 */
const BEFORE = { issueSharedLinkMs: 1600, warmFilterChangeMs: 28, table: { coldMs: 1004, secondVisitMs: 957 }, indicator: { coldMs: 878, secondVisitMs: 879 } };

export interface LinkFigures {
  link: string;
  /** Navigation to the asked figures on screen (`data-result`). */
  coldMs: number;
  secondVisitMs: number;
  /** Navigation to the chart drawn below them (`data-ready`). */
  chartColdMs: number;
  chartSecondVisitMs: number;
  /** Who computed the result first shown (the status line). */
  answeredBy: string;
}

export interface ExplorerFigures {
  date: string;
  machine: string;
  runs: number;
  cacheControl: string;
  table: LinkFigures;
  indicator: LinkFigures;
  warmFilterChangeMedianMs: number;
  warmFilterAnsweredBy: string[];
}

/**
 * Marks, in the page, the frames after the asked figures (data-result) and the whole state with
 * its chart (data-ready) are on screen, and says so on the console: Playwright's waitForFunction
 * would inject its own script into the page, which ran on the main thread during the load (about
 * 80 ms in a trace) and was measured with the page.
 */
function markReady(readyMessage: string): void {
  const w = window as unknown as { resultAt?: number; readyAt?: number };
  new MutationObserver(() => {
    const root = document.getElementById('explorateur');
    if (w.resultAt === undefined && root?.dataset.result) requestAnimationFrame(() => (w.resultAt ??= performance.now()));
    if (w.readyAt === undefined && root?.dataset.ready)
      requestAnimationFrame(() => {
        w.readyAt ??= performance.now();
        console.debug(readyMessage);
      });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-result', 'data-ready'] });
}

interface Visit {
  resultMs: number;
  chartMs: number;
  status: string;
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  const ready = page.waitForEvent('console', { predicate: (m) => m.text() === READY, timeout: 0 });
  await page.goto(url);
  await ready;
  const figures = await page.evaluate(() => {
    const w = window as unknown as { resultAt: number; readyAt: number };
    return { resultMs: w.resultAt, chartMs: w.readyAt, status: document.querySelector('[data-role="status"]')?.textContent ?? '' };
  });
  await page.close();
  return figures;
}

async function measureLink(launchBrowser: () => Promise<BrowserContext>, url: string): Promise<LinkFigures> {
  const cold: Visit[] = [];
  const second: Visit[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await launchBrowser(); // a new context: nothing cached
    cold.push(await visit(context, url));
    second.push(await visit(context, url));
    await context.close();
  }
  return {
    link: url.replace(/^https?:\/\/[^/]+/, ''),
    coldMs: median(cold.map((v) => v.resultMs)),
    secondVisitMs: median(second.map((v) => v.resultMs)),
    chartColdMs: median(cold.map((v) => v.chartMs)),
    chartSecondVisitMs: median(second.map((v) => v.chartMs)),
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
    await context.addInitScript(markReady, READY);
    return context;
  };
  try {
    const tableFigures = await measureLink(newContext, `${url}${table}`);
    const indicatorFigures = await measureLink(newContext, `${url}${indicator}`);
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
      cacheControl: DEPLOYED_CACHE_CONTROL,
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
const line = (what: string, value: number, target: number | undefined, before?: string) =>
  `| ${what} | ${ms(value)} | ${before ?? '—'} | ${target === undefined ? '—' : `≤ ${target} ms`} | ${target === undefined ? '' : value <= target ? 'atteint' : 'non atteint'} |`;

export function explorerSection(figures: ExplorerFigures): string {
  const { table, indicator } = figures;
  return [
    '<!-- explorer:start -->',
    '## Explorateur (/donnees/)',
    '',
    `Mesuré le ${figures.date.slice(0, 10)} (${figures.machine}), Chromium headless servi en local par \`astro preview\` avec l’en-tête de cache de l’hébergement (GitHub Pages : \`Cache-Control: ${figures.cacheControl}\`). Un lien partagé est mesuré de la navigation à l’image qui suit l’affichage de ses chiffres (\`data-result\` : tableau, effectifs, notes), puis du graphique dessiné en dessous par Plot (\`data-ready\`), signalés par un message de console (attendre avec \`waitForFunction\` de Playwright injectait dans la page un script qui occupait son fil principal pendant le chargement, environ 80 ms dans une trace, et qui était mesuré avec elle) ; médiane de ${figures.runs} ouvertures à froid (nouveau contexte, cache vide) et de ${figures.runs} secondes visites (même contexte, juste après). Les changements de filtre sont mesurés dans la page, de l’événement « change » à l’image suivant l’affichage (médiane de ${WARM}). « Avant » : le chiffre de l’issue (avant l’issue 14, un lien partagé n’atteignait son état qu’avec DuckDB-WASM, machine au calme), puis ce banc au commit abe0f60 (charge 3,5), quand les chiffres attendaient le graphique, que DuckDB-WASM se compilait en même temps, qu’une seconde visite revalidait chaque fichier et que le script de Playwright était mesuré avec la page. La machine de mesure est partagée : la charge (load average) au moment de la mesure est indiquée.`,
    '',
    `Lien tableau : \`${table.link}\` (premier résultat : « ${table.answeredBy} »). Lien indicateur : \`${indicator.link}\`.`,
    '',
    '| mesure | valeur | avant | budget | |',
    '|---|---|---|---|---|',
    line('Lien partagé (filtre + regroupement), à froid : chiffres affichés', table.coldMs, 1000, `${ms(BEFORE.issueSharedLinkMs)} (issue) ; ${ms(BEFORE.table.coldMs)}`),
    line('Lien partagé (filtre + regroupement), seconde visite : chiffres affichés', table.secondVisitMs, 500, ms(BEFORE.table.secondVisitMs)),
    line('Lien partagé (filtre + regroupement), à froid : graphique dessiné', table.chartColdMs, undefined, ms(BEFORE.table.coldMs)),
    line('Lien partagé (filtre + regroupement), seconde visite : graphique dessiné', table.chartSecondVisitMs, undefined, ms(BEFORE.table.secondVisitMs)),
    line('Lien partagé (comparaison d’indicateur), à froid : chiffres affichés', indicator.coldMs, 1000, `${ms(BEFORE.issueSharedLinkMs)} (issue) ; ${ms(BEFORE.indicator.coldMs)}`),
    line('Lien partagé (comparaison d’indicateur), seconde visite : chiffres affichés', indicator.secondVisitMs, 500, ms(BEFORE.indicator.secondVisitMs)),
    line('Lien partagé (comparaison d’indicateur), à froid : graphique dessiné', indicator.chartColdMs, undefined, ms(BEFORE.indicator.coldMs)),
    line('Lien partagé (comparaison d’indicateur), seconde visite : graphique dessiné', indicator.chartSecondVisitMs, undefined, ms(BEFORE.indicator.secondVisitMs)),
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
  const site = await serve('dist', { cacheControl: DEPLOYED_CACHE_CONTROL });
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
