/**
 * A site built from a copy of the fixture roots where labels are as awkward as a CSV can make
 * them (test values, obviously fake): a reference-list label, a resource title and a free
 * dataset cell holding `"`, `;`, `'`, an emoji, a line break. Validation refuses a text that a
 * spreadsheet would run as a formula, so the formula case is written straight into one served
 * explorer CSV afterwards: a text that got past validation, which the downloads must still neutralise.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyOfData } from '../helpers/data-copy.ts';
import { FIXTURE } from '../helpers/fixtures.ts';

/** The operator `apec`'s label in the copy of data/reference/operators.csv. */
export const LABEL = `APEC "fictif" ; l'essai 🎯`;
/** The title of the latest edition's `cep_entries`. */
export const TITLE = `Entrées "fictives" ; l'essai 🎯`;
/** A text cell of the free dataset `reception_points`, on two lines. */
export const CELL = `50 "agences" ;\nl'essai 🎯 - fin`;
/** Written in place of LABEL in the report's own explorer view of `cep_entries` (a TAB, then =). */
export const FORMULA = `\t=1+1 "fictif"`;
/** The report's own explorer view of `cep_entries`, where FORMULA stands. */
export const FORMULA_VIEW = `${FIXTURE.slug}-${FIXTURE.year}--cep_entries`;

const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** Builds the site into a fresh folder with `scripts/build.ts`, as `npm run build` does; resolves with the folder. */
export async function buildAwkwardSite(): Promise<string> {
  const copy = copyOfData();
  const latest = `reports/${FIXTURE.slug}/${FIXTURE.year}/v2`;
  copy.edit('reference/operators.csv', (t) => t.replace('\napec,APEC,', `\napec,${csvCell(LABEL)},`));
  copy.editJson(`${latest}/datapackage.json`, (pkg) => {
    pkg.resources.find((r: { name: string }) => r.name === 'cep_entries').title = TITLE;
  });
  copy.edit(`${latest}/reception_points.csv`, (t) => t.replace(',50 agences et des points relais', `,${csvCell(CELL)}`));
  const outDir = mkdtempSync(path.join(tmpdir(), 'cep-awkward-'));
  // Without PDFs (no Chromium named, not a build to publish): this test reads no PDF, and printing takes minutes.
  const { BASE_URL: _inherited, CI: _ci, ...env } = process.env;
  const noChromium = { CHROMIUM_PATH: path.join(outDir, 'pas-de-chromium') };
  const build = spawn('npx', ['tsx', 'scripts/build.ts', outDir], { env: { ...env, ...copy.env, ...noChromium, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  build.stdout.on('data', (d) => (output += d));
  build.stderr.on('data', (d) => (output += d));
  const status = await new Promise<number | null>((resolve) => build.on('close', resolve));
  if (status !== 0) throw new Error(`build of the awkward-label site failed:\n${output}`);
  const view = path.join(outDir, 'donnees/explorateur', `${FORMULA_VIEW}.csv`);
  const csv = readFileSync(view, 'utf8');
  if (!csv.includes(csvCell(LABEL))) throw new Error(`${view}: the awkward label is not where the test expects it`);
  writeFileSync(view, csv.replaceAll(csvCell(LABEL), csvCell(FORMULA)));
  return outDir;
}
