/**
 * npm run build [outDir] [--require-pdf]: validate the data, build the site into a staging folder,
 * index it for search (Pagefind), print each report to PDF and check every page's accessibility
 * (Chromium: scripts/accessibility.ts writes the results into /accessibilite/), and only when all of that
 * succeeded replace outDir (dist/) by a rename (src/build/out-dir.ts: lock, staging, swap). A
 * failed or interrupted build publishes nothing and leaves the previous site untouched: SIGINT,
 * SIGTERM and SIGHUP reach every child (src/build/children.ts), which is awaited before cleanup.
 *
 * Without Chromium the site is built without PDFs (its pages say so) and one line says how to
 * get them; the site to publish must have them: in CI (CI=true, as GitHub Actions sets it) or
 * with --require-pdf, a missing Chromium fails the build.
 */
import path from 'node:path';
import { chromiumMissing, findChromium } from '../src/browser/chromium.ts';
import { finished, forwardSignals, signalExitCode, start, type StopSignal } from '../src/build/children.ts';
import { BuildLocked, claimOutDir } from '../src/build/out-dir.ts';
import { checkAccessibility } from './accessibility.ts';
import { printReports } from './pdf.ts';

const args = process.argv.slice(2);
const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const relative = path.relative(process.cwd(), outDir);
const shownOutDir = relative && !relative.startsWith('..') ? `${relative}/` : outDir;
const requirePdf = args.includes('--require-pdf') || /^(1|true|yes)$/i.test(process.env.CI ?? '');
const chromium = findChromium();
// Astro reads BASE_URL from the environment over its own `base` (CEP_BASE_PATH): never pass one on
// (vitest, for one, sets it). CEP_PDF tells the pages whether PDFs exist (src/site/pdf.ts).
const { BASE_URL: _inherited, CEP_PDF: _pdf, ...inherited } = process.env;
const env = { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ...(chromium ? {} : { CEP_PDF: 'absent' }) };

/** A step that failed, with what the reader of the message needs. */
class Failure extends Error {}

let stoppedBy: StopSignal | undefined;
const stopping = new AbortController();

async function run(command: string, commandArgs: string[]): Promise<void> {
  const { code } = await finished(start(command, commandArgs, { stdio: 'inherit', env }));
  if (stoppedBy) throw new Failure('Construction interrompue');
  if (code !== 0) throw new Failure(`Échec de « ${[command, ...commandArgs].join(' ')} »`);
}

/** A step in Chromium (the PDFs, the accessibility checks), stopped by the build's signal; `failure` says what it could not do. */
async function inBrowser(step: (signal: AbortSignal) => Promise<unknown>, failure: string): Promise<void> {
  try {
    await step(stopping.signal);
  } catch (error) {
    if (stoppedBy) throw new Failure('Construction interrompue');
    throw new Failure(`${failure} (${(error as Error).message})`);
  }
}

let out;
try {
  out = claimOutDir(outDir);
} catch (error) {
  if (!(error instanceof BuildLocked)) throw error;
  console.error(error.message);
  process.exit(1);
}
forwardSignals((signal) => {
  stoppedBy ??= signal;
  stopping.abort();
});
try {
  if (!chromium && requirePdf) throw new Failure(`${chromiumMissing()} ; le site à publier (CI=true ou --require-pdf) doit avoir ses PDF`);
  await run('tsx', ['scripts/validate.ts']);
  await run('astro', ['build', '--outDir', out.staging]);
  await run('pagefind', ['--site', out.staging, '--quiet']);
  if (chromium) {
    const { staging } = out;
    await inBrowser((signal) => printReports(staging, { signal }), 'Impression des PDF impossible');
    await inBrowser((signal) => checkAccessibility(staging, { signal }), "Contrôles d'accessibilité impossibles");
  }
  if (stoppedBy) throw new Failure('Construction interrompue');
  out.publish();
} catch (error) {
  out.release();
  if (!(error instanceof Failure)) throw error;
  console.error(`\n${error.message} : ${shownOutDir} n'a pas été modifié.`);
  process.exit(stoppedBy ? signalExitCode(stoppedBy) : 1);
}
out.release();
console.log(`Site construit dans ${outDir}`);
if (!chromium) console.warn(`Les PDF n'ont pas été imprimés. ${chromiumMissing()}, puis relancez npm start pour les obtenir.`);
