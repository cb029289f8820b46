/**
 * npm run pdf [dir]: prints every report edition of a built site (its « rapport complet » page)
 * to <dir>/<region>/<year>/v<N>/rapport.pdf with headless Chromium: Paged.js first lays the page
 * out in A4 pages (cover, contents with page numbers, running headers: src/browser/paginate.ts),
 * then Chromium prints a tagged PDF with an outline, so that it stays accessible. Its links point
 * to the deployed site (CEP_SITE_URL). The report's plain URL shows its latest edition: its
 * rapport.pdf is a copy of that edition's. Run by `npm run build` on the staging folder.
 */
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { paginate, pointLinksToSite, servePagedJs } from '../src/browser/paginate.ts';
import { withServedBrowser } from '../src/browser/serve.ts';
import { forwardSignals, signalExitCode, type StopSignal } from '../src/build/children.ts';

const LOCAL = /^https?:\/\/(127\.0\.0\.1|localhost)\b/;

function folders(dir: string, name: RegExp): string[] {
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && name.test(e.name)).map((e) => e.name) : [];
}

/** Each report's printable editions (`<region>/<year>/v<N>`, oldest first): those with a « rapport complet » page. */
function editionsToPrint(outDir: string): Map<string, string[]> {
  const reports = new Map<string, string[]>();
  for (const region of folders(outDir, /^[a-z-]+$/))
    for (const year of folders(path.join(outDir, region), /^\d{4}$/)) {
      const editions = folders(path.join(outDir, region, year), /^v\d+$/)
        .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
        .map((v) => `${region}/${year}/${v}`)
        .filter((e) => existsSync(path.join(outDir, e, 'rapport-complet', 'index.html')));
      if (editions.length > 0) reports.set(`${region}/${year}`, editions);
    }
  return reports;
}

export interface PrintOptions {
  /** Aborted by the build on SIGINT/SIGTERM/SIGHUP: Chromium is closed, the server stopped. */
  signal?: AbortSignal;
}

export async function printReports(outDir: string, { signal }: PrintOptions = {}): Promise<string[]> {
  const reports = editionsToPrint(outDir);
  if (reports.size === 0) return [];
  return withServedBrowser(outDir, signal, (browser, siteUrl) => printAll(browser, siteUrl, outDir, reports, signal));
}

async function printAll(browser: Browser, siteUrl: string, outDir: string, reports: Map<string, string[]>, signal?: AbortSignal): Promise<string[]> {
  const printed: string[] = [];
  const page = await browser.newPage();
  // Waits without a time limit: a long report on a busy machine is slow, not broken; a signal stops the build.
  page.setDefaultTimeout(0);
  page.setDefaultNavigationTimeout(0);
  await servePagedJs(page, siteUrl);
  const sites = new Set<string>();
  for (const [report, editions] of reports) {
    for (const edition of editions) {
      signal?.throwIfAborted();
      await page.goto(`${siteUrl}/${edition}/rapport-complet/`, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      sites.add(await pointLinksToSite(page, `${siteUrl}/`));
      await paginate(page, siteUrl);
      await page.pdf({ path: path.join(outDir, edition, 'rapport.pdf'), preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      printed.push(edition);
    }
    if (existsSync(path.join(outDir, report, 'rapport-complet', 'index.html'))) {
      copyFileSync(path.join(outDir, editions.at(-1)!, 'rapport.pdf'), path.join(outDir, report, 'rapport.pdf'));
      printed.push(report);
    }
  }
  for (const root of [...sites].filter((s) => LOCAL.test(s)))
    console.warn(`avertissement : les liens des PDF mènent à ${root}, l'aperçu local, car CEP_SITE_URL n'est pas défini ; donnez-lui l'adresse du site publié avant de construire le site à publier.`);
  return printed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const controller = new AbortController();
  let stoppedBy: StopSignal | undefined;
  forwardSignals((signal) => {
    stoppedBy ??= signal;
    controller.abort();
  });
  try {
    const printed = await printReports(path.resolve(process.argv[2] ?? 'dist'), { signal: controller.signal });
    console.log(`PDF : ${printed.map((r) => `${r}/rapport.pdf`).join(', ') || 'aucun rapport'}`);
  } catch (error) {
    if (!stoppedBy) throw error;
    console.error(`Impression interrompue (${stoppedBy}) : les PDF déjà écrits restent, les autres manquent ; relancez npm run pdf.`);
    process.exit(signalExitCode(stoppedBy));
  }
}
