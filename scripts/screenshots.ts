/**
 * npm run screenshots: builds nothing; serves dist/ and saves, for each report, its home page
 * (what a reader sees first) and, whole, its first chapter with both a chart and a table, at
 * 1280 px and 390 px wide, into docs/screenshots/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch } from '../src/browser/chromium.ts';
import { serve } from '../src/browser/serve.ts';

const outDir = path.resolve('docs/screenshots');
const dist = path.resolve('dist');
const widths = [1280, 390];

const reports = readdirSync(dist)
  .filter((region) => /^[a-z-]+$/.test(region) && existsSync(path.join(dist, region)))
  .flatMap((region) => readdirSync(path.join(dist, region)).filter((y) => /^\d{4}$/.test(y)).map((year) => `${region}/${year}`));

/** The first chapter of the report's plan (its home's « Sommaire », in order) that shows a chart and a table. */
function chapterWithChartAndTable(report: string): string {
  const html = readFileSync(path.join(dist, report, 'index.html'), 'utf8');
  const home = html.slice(html.indexOf('id="sommaire"'));
  const chapters = [...home.matchAll(new RegExp(`href="(/${report}/[a-z0-9-]+/)"`, 'g'))].map((m) => m[1]!);
  const found = chapters.find((url) => {
    const html = readFileSync(path.join(dist, url, 'index.html'), 'utf8');
    return html.includes('<figure class="chart"') && html.includes('class="table-figure"');
  });
  if (!found) throw new Error(`${report} : aucun chapitre ne montre à la fois un graphique et un tableau`);
  return found;
}

mkdirSync(outDir, { recursive: true });
const site = await serve(dist);
const browser = await launch();
try {
  for (const report of reports) {
    const chapter = chapterWithChartAndTable(report);
    for (const [name, url] of [['accueil', `/${report}/`], ['chapitre', chapter]] as const)
      for (const width of widths) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`${site.url}${url}`, { waitUntil: 'networkidle' });
        const file = path.join(outDir, `${report.replace('/', '-')}-${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: name === 'chapitre' });
        await page.close();
        console.log(path.relative(process.cwd(), file));
      }
  }
} finally {
  await browser.close();
  site.stop();
}
