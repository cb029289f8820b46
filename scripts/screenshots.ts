/**
 * npm run screenshots: builds nothing; serves dist/ and saves, for each report, its home page
 * and its first chapter at 1280 px and 390 px wide, into docs/screenshots/.
 */
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { launch } from '../src/browser/chromium.ts';
import { serve } from '../src/browser/serve.ts';

const outDir = path.resolve('docs/screenshots');
const dist = path.resolve('dist');
const widths = [1280, 390];

const reports = readdirSync(dist)
  .filter((region) => /^[a-z-]+$/.test(region) && existsSync(path.join(dist, region)))
  .flatMap((region) => readdirSync(path.join(dist, region)).filter((y) => /^\d{4}$/.test(y)).map((year) => `${region}/${year}`));

mkdirSync(outDir, { recursive: true });
const site = await serve(dist);
const browser = await launch();
try {
  for (const report of reports) {
    const home = await browser.newPage();
    await home.goto(`${site.url}/${report}/`);
    const firstChapter = await home.locator('.toc a').first().getAttribute('href');
    await home.close();
    for (const [name, url] of [['accueil', `/${report}/`], ['chapitre', firstChapter!]] as const)
      for (const width of widths) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`${site.url}${url}`, { waitUntil: 'networkidle' });
        const file = path.join(outDir, `${report.replace('/', '-')}-${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: false });
        await page.close();
        console.log(path.relative(process.cwd(), file));
      }
  }
} finally {
  await browser.close();
  site.stop();
}
