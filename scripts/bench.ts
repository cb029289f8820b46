/**
 * npm run bench: builds the site, serves it locally, and measures per page type (home, report
 * chapter, explorer) the bytes loaded before any interaction (HTML, CSS, JS, fonts, images,
 * other; raw and brotli), the number of requests, the Lighthouse mobile scores with LCP, TBT
 * and CLS (Debian's Chromium), the explorer's DuckDB-WASM timings, and a report page's first
 * interaction, its chart switch (bench-switch.ts). Writes BENCHMARKS.md (sections « pages »,
 * « explorer » and « switch ») and benchmarks/*.json. Figures, not tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findChromium, launch } from '../src/browser/chromium.ts';
import { serve } from '../src/browser/serve.ts';
import { loadCatalog } from '../src/data/catalog.ts';
import { contentDir } from '../src/data/paths.ts';
import { DEPLOYED_CACHE_CONTROL } from '../src/site/deploy.ts';
import { readChapters } from '../src/editions/compare.ts';
import { explorerSection, measureExplorer, updateBenchmarks } from './bench-explorer.ts';
import { measureSwitch, switchSection } from './bench-switch.ts';

/** A chapter of the catalog's reports with a chart switch (the heaviest page type), else the first chapter. */
function chapterPage(): string {
  const chapters = loadCatalog().reports.flatMap((r) => readChapters(contentDir(), r.editionId).map((c) => ({ report: r, c })));
  if (chapters.length === 0) throw new Error('aucun chapitre de rapport dans content/ : rien à mesurer');
  const chosen = chapters.find(({ c }) => /territories=\{\[[^\]]*,/.test(c.text)) ?? chapters[0]!;
  return `/${chosen.report.id}/${chosen.c.file.replace(/^\d+-/, '').replace(/\.mdx$/, '')}/`;
}

const PAGES = [
  { type: 'Accueil', path: '/' },
  { type: 'Chapitre de rapport', path: chapterPage(), budget: { jsBrotli: 30_000, totalBrotli: 150_000 } },
  { type: 'Explorateur', path: '/donnees/' },
];
type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
const kindOf = (url: string, type: string): Kind =>
  type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : type === 'font' ? 'font' : type === 'image' || /\.(svg|png|ico)$/.test(url) ? 'image' : 'other';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
const site = await serve('dist', { cacheControl: DEPLOYED_CACHE_CONTROL });
const results = [];
try {
  const browser = await launch();
  for (const p of PAGES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const loaded: { url: string; kind: Kind; raw: number; brotli: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) =>
      pending.push(
        response
          .body()
          .then((body) => void loaded.push({ url: response.url(), kind: kindOf(response.url(), response.request().resourceType()), raw: body.length, brotli: brotliCompressSync(body).length }))
          .catch(() => undefined),
      ),
    );
    await page.goto(`${site.url}${p.path}`, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    await context.close();
    const bytes = Object.fromEntries(
      (['html', 'css', 'js', 'font', 'image', 'other'] as Kind[]).map((k) => [k, loaded.filter((l) => l.kind === k).reduce((s, l) => ({ raw: s.raw + l.raw, brotli: s.brotli + l.brotli }), { raw: 0, brotli: 0 })]),
    ) as Record<Kind, { raw: number; brotli: number }>;
    const total = Object.values(bytes).reduce((s, b) => ({ raw: s.raw + b.raw, brotli: s.brotli + b.brotli }), { raw: 0, brotli: 0 });

    const chrome = await chromeLauncher.launch({ chromePath: findChromium(), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    let lh;
    try {
      lh = (await lighthouse(`${site.url}${p.path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] }))!.lhr;
    } finally {
      chrome.kill();
    }
    const score = (c: string) => Math.round((lh.categories[c]?.score ?? 0) * 100);
    results.push({
      ...p,
      requests: loaded.length,
      bytes,
      total,
      lighthouse: { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') },
      lcpMs: lh.audits['largest-contentful-paint']?.numericValue,
      tbtMs: lh.audits['total-blocking-time']?.numericValue,
      cls: lh.audits['cumulative-layout-shift']?.numericValue,
    });
    console.log(`${p.type} : ${loaded.length} requêtes, ${total.brotli} octets brotli, Lighthouse ${score('performance')}/${score('accessibility')}`);
  }
  await browser.close();
  const explorer = await measureExplorer(site.url);
  const switching = await measureSwitch(site.url);
  // DuckDB's worker fetches the engine itself: the page does not see those bytes, the files tell them.
  const engineFiles = readdirSync('dist/_astro')
    .filter((f) => /^duckdb-(eh\..*\.wasm|browser-eh\.worker\..*\.js)$/.test(f))
    .map((f) => {
      const body = readFileSync(path.join('dist/_astro', f));
      return { file: f, raw: body.length, brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length };
    });
  mkdirSync('benchmarks', { recursive: true });
  writeFileSync('benchmarks/pages.json', `${JSON.stringify({ date: new Date().toISOString(), pages: results, duckdbEngine: engineFiles }, null, 2)}\n`);
  writeFileSync('benchmarks/explorer.json', `${JSON.stringify(explorer, null, 2)}\n`);
  writeFileSync('benchmarks/switch.json', `${JSON.stringify(switching, null, 2)}\n`);

  const ko = (n: number) => `${(n / 1000).toFixed(1).replace('.', ',')} ko`;
  const pass = (ok: boolean) => (ok ? 'atteint' : 'non atteint');
  const lines = [
    '<!-- pages:start -->',
    '## Pages (avant toute interaction)',
    '',
    `Mesuré le ${new Date().toISOString().slice(0, 10)}, Chromium headless, site servi en local par \`astro preview\` (\`npm run bench\`). Octets transférés jusqu'au repos du réseau, bruts et compressés en brotli ; Lighthouse ${'13'} en profil mobile.`,
    '',
    '| page | requêtes | HTML | CSS | JS | polices | images | autres | total (brotli) | Lighthouse perf. / access. / bonnes pratiques / SEO | LCP | TBT | CLS |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.type} (\`${r.path}\`) | ${r.requests} | ${ko(r.bytes.html.brotli)} | ${ko(r.bytes.css.brotli)} | ${ko(r.bytes.js.brotli)} | ${ko(r.bytes.font.brotli)} | ${ko(r.bytes.image.brotli)} | ${ko(r.bytes.other.brotli)} | ${ko(r.total.brotli)} (brut ${ko(r.total.raw)}) | ${r.lighthouse.performance} / ${r.lighthouse.accessibility} / ${r.lighthouse.bestPractices} / ${r.lighthouse.seo} | ${Math.round(r.lcpMs ?? 0)} ms | ${Math.round(r.tbtMs ?? 0)} ms | ${(r.cls ?? 0).toFixed(3)} |`,
    ),
    '',
    '| budget (chapitre de rapport) | mesure | |',
    '|---|---|---|',
    ...results
      .filter((r) => r.budget)
      .flatMap((r) => [
        `| JavaScript ≤ 30 ko brotli avant interaction | ${ko(r.bytes.js.brotli)} | ${pass(r.bytes.js.brotli <= r.budget!.jsBrotli)} |`,
        `| Total ≤ 150 ko brotli | ${ko(r.total.brotli)} | ${pass(r.total.brotli <= r.budget!.totalBrotli)} |`,
        `| Lighthouse performance ≥ 98 | ${r.lighthouse.performance} | ${pass(r.lighthouse.performance >= 98)} |`,
        `| Lighthouse accessibilité = 100 | ${r.lighthouse.accessibility} | ${pass(r.lighthouse.accessibility === 100)} |`,
      ]),
    '',
    `L'explorateur charge DuckDB-WASM dès son ouverture (le calcul y est le service rendu) ; ces fichiers, demandés par le worker de DuckDB, ne figurent pas dans la ligne de l'explorateur ci-dessus : ${engineFiles.map((f) => `\`${f.file.replace(/\.[^.]+\.(wasm|js)$/, '.$1')}\` ${ko(f.raw)} brut, ${ko(f.brotli)} brotli (qualité 9)`).join(' ; ')}. Les pages de rapport n'en chargent rien, ni avant ni après une interaction (test de navigateur, section « switch »).`,
    '<!-- pages:end -->',
  ];
  updateBenchmarks('pages', lines.join('\n'));
  updateBenchmarks('explorer', explorerSection(explorer));
  updateBenchmarks('switch', switchSection(switching));
  console.log(lines.join('\n'));
} finally {
  site.stop();
}
