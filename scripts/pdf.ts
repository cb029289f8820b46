/**
 * npm run pdf [dir]: prints every report edition of a built site (its « rapport complet » page)
 * to <dir>/<region>/<year>/[v<N>/]rapport.pdf with headless Chromium: tagged PDF with an
 * outline, so that it stays accessible. Run by `npm run build` on the staging folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { launch } from '../src/browser/chromium.ts';
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
    for (const report of reports) {
      await page.goto(`${site.url}/${report}/rapport-complet/`, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({
        path: path.join(outDir, report, 'rapport.pdf'),
        format: 'A4',
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
        margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      });
    }
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
