/**
 * The first interaction of a report page: switching a chart's territory. Five cold runs (new
 * context, empty cache), each timed in the page from the radio's `change` event to the next
 * frame after the other territory's drawing is shown (requestAnimationFrame), with what the page
 * fetched before the switch and because of it. Writes the « switch » section of BENCHMARKS.md
 * (run by `npm run bench`, or alone on a built site: `npx tsx scripts/bench-switch.ts`).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launch } from '../src/browser/chromium.ts';
import { serve } from '../src/browser/serve.ts';
import { updateBenchmarks } from './bench-explorer.ts';

const RUNS = 5;
const isEngine = (url: string) => /duckdb|worker|\.wasm(\?|$)/.test(url);

/** Before this work (issue 14, and measured here on commit 86fee42): the switch ran DuckDB-WASM. */
const PREVIOUS = { medianMs: 4900, engineBrotli: 6_200_000, engineFiles: 46, pageBrotli: 13_251, pageRequests: 9 };

interface Bytes {
  requests: number;
  raw: number;
  brotli: number;
}
export interface SwitchFigures {
  date: string;
  /** The machine's 1-minute load average before the runs, and its cores: above ~0.5 per core, other work slows the frames. */
  load: number;
  cores: number;
  page: string;
  runsMs: number[];
  medianMs: number;
  /** Of each run, the page's own work: style and layout of the shown variant, forced at once in the `change` handler. */
  styleLayoutMs: number[];
  medianStyleLayoutMs: number;
  /** The page's load, before any interaction. */
  beforeInteraction: Bytes;
  /** Everything fetched from the switch on, over all runs, and what of it is the engine. */
  bySwitch: Bytes;
  engineRequests: number;
  workers: number;
}

/** The shortest built page of a report's latest edition with a chart switch (not a versioned copy, not the whole report). */
export function switchPage(dist = 'dist'): string {
  const found = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html') && !/(^|\/)v\d+\//.test(f) && !f.includes('rapport-complet'))
    .filter((f) => readFileSync(path.join(dist, f), 'utf8').includes('data-chart-switch'))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
  if (!found) throw new Error(`aucune page de ${dist}/ n'a de graphique à bascule de territoire : rien à mesurer`);
  return `/${path.dirname(found)}/`;
}

const sum = (list: { raw: number; brotli: number }[]): Bytes => ({ requests: list.length, raw: list.reduce((s, l) => s + l.raw, 0), brotli: list.reduce((s, l) => s + l.brotli, 0) });

async function coldRun(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  type Phase = 'load' | 'switch';
  let phase = 'load' as Phase;
  const fetched: { phase: Phase; url: string; raw: number; brotli: number }[] = [];
  const pending: Promise<void>[] = [];
  context.on('response', (r) => {
    const at = phase;
    pending.push(r.body().then((body) => void fetched.push({ phase: at, url: r.url(), raw: body.length, brotli: brotliCompressSync(body).length }), () => undefined));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  const figure = page.locator('figure[data-chart-switch]').first();
  const other = figure.locator('[data-role="switch"] input:not(:checked)').first();
  const code = await other.getAttribute('value');
  // Armed before the click: the time from `change` to the next frame, where the variant must show.
  // No named function inside: tsx would wrap it in a helper the page does not have.
  await figure.evaluate((f, variant) => {
    const panel = f.querySelector(`.chart-variant[data-variant="${variant}"]`)!;
    (window as unknown as { switched: Promise<number[]> }).switched = new Promise((resolve) =>
      f.addEventListener('change', () => {
        const start = performance.now();
        panel.getBoundingClientRect();
        const work = performance.now() - start;
        requestAnimationFrame(() => resolve([panel.checkVisibility() ? performance.now() - start : Number.NaN, work]));
      }, { once: true }),
    );
  }, code);
  phase = 'switch';
  await other.check();
  const [ms, work] = await page.evaluate(() => (window as unknown as { switched: Promise<number[]> }).switched);
  if (Number.isNaN(ms)) throw new Error(`${url} : le territoire ${code} n'est pas affiché à l'image suivant la bascule`);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const workers = page.workers().length;
  await context.close();
  return { ms: ms!, work: work!, workers, load: fetched.filter((f) => f.phase === 'load'), bySwitch: fetched.filter((f) => f.phase === 'switch') };
}

export async function measureSwitch(siteUrl: string, page = switchPage()): Promise<SwitchFigures> {
  const browser = await launch();
  try {
    const load = Math.round(loadavg()[0]! * 10) / 10;
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldRun(browser, `${siteUrl}${page}`));
    const tenth = (n: number) => Math.round(n * 10) / 10;
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    const runsMs = runs.map((r) => tenth(r.ms));
    const styleLayoutMs = runs.map((r) => tenth(r.work));
    const bySwitch = runs.flatMap((r) => r.bySwitch);
    return {
      date: new Date().toISOString(),
      load,
      cores: cpus().length,
      page,
      runsMs,
      medianMs: median(runsMs),
      styleLayoutMs,
      medianStyleLayoutMs: median(styleLayoutMs),
      beforeInteraction: sum(runs[0]!.load),
      bySwitch: sum(bySwitch),
      engineRequests: bySwitch.filter((f) => isEngine(f.url)).length,
      workers: Math.max(...runs.map((r) => r.workers)),
    };
  } finally {
    await browser.close();
  }
}

const ko = (n: number) => `${(n / 1000).toFixed(1).replace('.', ',')} ko`;
const ms = (n: number) => `${String(Math.round(n)).replace(/\B(?=(\d{3})+$)/, '\u202f')} ms`;
const pass = (ok: boolean) => (ok ? 'atteint' : '**non atteint**');

export function switchSection(f: SwitchFigures): string {
  return [
    '<!-- switch:start -->',
    '## Bascule de territoire d’un graphique (première interaction d’une page de rapport)',
    '',
    `Mesuré le ${f.date.slice(0, 10)} sur \`${f.page}\` (${f.cores} cœurs, charge moyenne ${String(f.load).replace('.', ',')} avant la mesure : au-delà d’environ 0,5 par cœur, d’autres travaux retardent les images), Chromium headless, site servi en local par \`astro preview\` (\`npm run bench\`, ou \`npx tsx scripts/bench-switch.ts\` sur un site construit). ${RUNS} passages à froid (nouveau contexte, cache vide) ; chacun mesuré dans la page, de l’événement « change » du bouton radio à l’image suivant l’affichage de l’autre territoire (requestAnimationFrame). Octets en brotli (qualité 11).`,
    '',
    '| mesure | avant (DuckDB-WASM à la bascule) | maintenant (variantes prérendues) | budget | |',
    '|---|---|---|---|---|',
    `| bascule, médiane à froid | ${ms(PREVIOUS.medianMs)} (13 s machine chargée) | ${ms(f.medianMs)} (passages : ${f.runsMs.map((r) => ms(r)).join(', ')}) | ≤ 50 ms | ${pass(f.medianMs <= 50)} |`,
    `| dont le travail de la page (style et mise en page de la variante, forcés dans le gestionnaire « change »), médiane | — | ${f.medianStyleLayoutMs.toFixed(1).replace('.', ',')} ms (passages : ${f.styleLayoutMs.map((r) => r.toFixed(1).replace('.', ',')).join(' ; ')}) | | |`,
    `| octets téléchargés par la bascule | ${(PREVIOUS.engineBrotli / 1e6).toFixed(1).replace('.', ',')} Mo (${PREVIOUS.engineFiles} fichiers du moteur) | ${ko(f.bySwitch.brotli)} (${f.bySwitch.requests} requête${f.bySwitch.requests > 1 ? 's' : ''} sur ${RUNS} passages) | 0 octet du moteur | ${pass(f.engineRequests === 0 && f.workers === 0)} |`,
    `| page avant toute interaction | ${ko(PREVIOUS.pageBrotli)} (${PREVIOUS.pageRequests} requêtes) | ${ko(f.beforeInteraction.brotli)} (${f.beforeInteraction.requests} requêtes, brut ${ko(f.beforeInteraction.raw)}) | pas plus qu’avant | ${pass(f.beforeInteraction.brotli <= PREVIOUS.pageBrotli)} |`,
    '',
    'Avant : chiffres de l’issue 14 (4,9 s et 6,2 Mo brotli en 46 fichiers, machine au repos), et page mesurée sur le commit 86fee42 de la même façon qu’ici (HTML, CSS, JS, icône). Chaque territoire est désormais dessiné à la construction : la page contient toutes les variantes (titre, dessins aux deux tailles, texte alternatif, « Lecture »), une règle CSS montre celle du bouton coché, sans JavaScript ni moteur de calcul.',
    '<!-- switch:end -->',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = await serve('dist');
  try {
    const figures = await measureSwitch(site.url);
    mkdirSync('benchmarks', { recursive: true });
    writeFileSync('benchmarks/switch.json', `${JSON.stringify(figures, null, 2)}\n`);
    updateBenchmarks('switch', switchSection(figures));
    console.log(switchSection(figures));
  } finally {
    await site.stop();
  }
}
