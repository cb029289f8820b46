/**
 * npm run pdf [dir]: prints every report edition of a built site (its « rapport complet » page)
 * to <dir>/<region>/<year>/[v<N>/]rapport.pdf with headless Chromium: Paged.js first lays the page
 * out in A4 pages (cover, contents with page numbers, running headers: src/browser/paginate.ts),
 * then Chromium prints a tagged PDF with an outline, so that it stays accessible. Its links point
 * to the deployed site (CEP_SITE_URL). Run by `npm run build` on the staging folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { launch } from '../src/browser/chromium.ts';
import { paginate, pointLinksToSite, servePagedJs } from '../src/browser/paginate.ts';
import { serve } from '../src/browser/serve.ts';

export async function printReports(outDir: string): Promise<string[]> {
  const reports: string[] = [];
  const folders = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : []);
  // <region>/<year>/ (the latest edition) and <region>/<year>/v<N>/ (every edition).
  for (const region of folders(outDir).filter((r) => /^[a-z-]+$/.test(r)))
    for (const year of folders(path.join(outDir, region)).filter((y) => /^\d{4}$/.test(y)))
      for (const copy of [`${region}/${year}`, ...folders(path.join(outDir, region, year)).filter((e) => /^v\d+$/.test(e)).map((e) => `${region}/${year}/${e}`)])
        if (existsSync(path.join(outDir, copy, 'rapport-complet', 'index.html'))) reports.push(copy);
  if (reports.length === 0) return [];
  const site = await serve(outDir);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await servePagedJs(page, site.url);
    const sites = new Set<string>();
    for (const report of reports) {
      await page.goto(`${site.url}/${report}/rapport-complet/`, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      sites.add(await pointLinksToSite(page, `${site.url}/`));
      await paginate(page, site.url);
      await page.pdf({
        path: path.join(outDir, report, 'rapport.pdf'),
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
      });
    }
    for (const root of sites)
      if (/^https?:\/\/(127\.0\.0\.1|localhost)\b/.test(root))
        console.warn(`avertissement : les liens des PDF mènent à ${root}, l'aperçu local, car CEP_SITE_URL n'est pas défini ; donnez-lui l'adresse du site publié avant de construire le site à publier.`);
  } finally {
    await browser.close();
    site.stop();
  }
  return reports;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const printed = await printReports(path.resolve(process.argv[2] ?? 'dist'));
  console.log(`PDF : ${printed.map((r) => `${r}/rapport.pdf`).join(', ') || 'aucun rapport'}`);
}
