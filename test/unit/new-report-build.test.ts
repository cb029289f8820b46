/**
 * An editor adds a year without touching the code: in a throw-away copy, `npm run new-report`,
 * a few datasets filled (with OBVIOUSLY FAKE test values: this copy is never published), a
 * chapter whose figures include a variation and a share that the « source » does not print,
 * `npm run validate`, `npm run release`, then the real build: the new report's pages exist and
 * show the figures computed by the indicators; its released values are frozen.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const sandbox = mkdtempSync(path.join(tmpdir(), 'cep-new-report-'));
const roots = { data: path.join(sandbox, 'data'), content: path.join(sandbox, 'content') };
const outDir = path.join(sandbox, 'dist');
const env = { ...process.env, CEP_DATA_DIR: roots.data, CEP_CONTENT_DIR: roots.content, ASTRO_TELEMETRY_DISABLED: '1' };
const run = (args: string[]) => spawnSync('npx', args, { env, encoding: 'utf8' });
const page = (url: string) => readFileSync(path.join(outDir, url, 'index.html'), 'utf8');
const edition = path.join(roots.data, 'reports/bretagne/2024/v1');
const chapters = path.join(roots.content, 'reports/bretagne/2024/v1');

// Fake figures for Bretagne (53): round numbers whose indicators are easy to check by hand.
const FILLED: Record<string, Record<string, string | number>[]> = {
  cep_entries: [
    ['france-travail', 600],
    ['apec', 100],
    ['cap-emploi', 50],
    ['missions-locales', 150],
    ['operateur-regional', 100],
  ].map(([operator, entries]) => ({ territory: '53', year: 2024, operator: operator!, entries: entries! })),
  // Two years, no printed rates: the variation (+25 %) and the share with a CEP (60 %) are computed.
  ptp_files: [
    { territory: '53', year: 2023, files: 200, files_funded: 150, files_with_cep: 100 },
    { territory: '53', year: 2024, files: 250, files_funded: 200, files_with_cep: 150 },
  ],
  reference_population: [{ territory: '53', year: 2021, population: 'employed-actives', value: 10000, source: 'Valeur de test' }],
};

function fill(dataset: string, rows: Record<string, string | number>[]): void {
  const file = path.join(edition, `${dataset}.csv`);
  const header = readFileSync(file, 'utf8').split('\n')[0]!;
  const fields = header.split(',');
  writeFileSync(file, `${header}\n${rows.map((r) => fields.map((f) => String(r[f] ?? '')).join(',')).join('\n')}\n`);
}

/** What a real editor writes by hand: every « À COMPLÉTER » marker replaced, the unused datasets removed. */
function finish(): void {
  for (const file of ['report.json', 'datapackage.json']) {
    const target = path.join(edition, file);
    writeFileSync(target, readFileSync(target, 'utf8').replace(/À COMPLÉTER[^"]*/g, 'Texte de test'));
  }
  const pkgFile = path.join(edition, 'datapackage.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  // A dataset left with its header line only is one the « report » does not have.
  const isEmpty = (r: { path: string }) => readFileSync(path.join(edition, r.path), 'utf8').trim().split('\n').length < 2;
  const empty = pkg.resources.filter(isEmpty);
  pkg.resources = pkg.resources.filter((r: { path: string }) => !isEmpty(r));
  for (const r of empty) rmSync(path.join(edition, r.path));
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  for (const file of readdirSync(chapters)) {
    const target = path.join(chapters, file);
    writeFileSync(target, readFileSync(target, 'utf8').replace(/À COMPLÉTER[^"\n]*/g, 'Texte de test.'));
  }
  // The chapter on PTP: a variation and a share that the source does not print, from the data.
  const ptp = path.join(chapters, '06-projet-de-transition-professionnelle.mdx');
  writeFileSync(
    ptp,
    `${readFileSync(ptp, 'utf8')}\nLes dossiers déposés évoluent de <Value indicator="count-variation-yoy" population="ptp-files" /> sur un an ; ` +
      `<Value indicator="ptp-cep-share" /> d'entre eux sont accompagnés par un opérateur du CEP, soit <Value indicator="ptp-cep-share-change" /> de plus que l'année précédente.\n\n` +
      `<Chart indicator="ptp-cep-share" by="year" />\n`,
  );
}

describe('a new report, from the scaffold to the released edition and the built site', () => {
  let validate: ReturnType<typeof run>;
  let release: ReturnType<typeof run>;
  let build: ReturnType<typeof run>;

  beforeAll(() => {
    cpSync(path.resolve('data'), roots.data, { recursive: true });
    cpSync(path.resolve('content'), roots.content, { recursive: true });
    // The test's own Bretagne report: a real one, if an editor has added it, is left out of the copy.
    for (const root of [roots.data, roots.content]) rmSync(path.join(root, 'reports', 'bretagne'), { recursive: true, force: true });
    const scaffold = run(['tsx', 'scripts/new-report.ts', 'bretagne', '2024']);
    expect(scaffold.status, scaffold.stderr).toBe(0);
    for (const [dataset, rows] of Object.entries(FILLED)) fill(dataset, rows);
    // The chapter on the entries uses the chart its skeleton suggests, taken out of its comment.
    const chapter = path.join(chapters, '03-recours-au-cep.mdx');
    const text = readFileSync(chapter, 'utf8');
    const suggested = text.match(/\{\/\*\s*(<Chart chart="entries-by-operator"[^>]*\/>)\s*\*\/\}/);
    expect(suggested, 'the skeleton suggests the entries chart').not.toBeNull();
    // Ages and levels named in the prose come from their category's label, not typed digits.
    const prose = 'Les <Category dimension="age" code="45-plus" /> et le <Category dimension="certification" code="7" lowercase />.';
    writeFileSync(chapter, `${text.replace(suggested![0], suggested![1]!)}\n${prose}\n`);
    // A table of the report's own, added from a spreadsheet export with npm run add-dataset.
    writeFileSync(path.join(sandbox, 'lieux.csv'), Buffer.from('Opérateur;Nombre de lieux fictifs\nOpérateur fictif;1 234\n', 'latin1'));
    const added = run(['tsx', 'scripts/add-dataset.ts', 'bretagne', '2024', 'lieux_fictifs', path.join(sandbox, 'lieux.csv')]);
    expect(added.status, added.stderr).toBe(0);
    const cooperations = path.join(roots.content, 'reports/bretagne/2024/v1/02-cooperations.mdx');
    writeFileSync(cooperations, `${readFileSync(cooperations, 'utf8')}\n<DataTable dataset="lieux_fictifs" />\n`);
    validate = run(['tsx', 'scripts/validate.ts']);
    finish();
    release = run(['tsx', 'scripts/release.ts', 'bretagne', '2024', '--date', '2026-12-01']);
    build = run(['astro', 'build', '--outDir', outDir]);
  });

  it('validates while in preparation, listing what remains to fill', () => {
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/Il reste \d+ élément\(s\) à compléter avant de publier l'édition v1 de bretagne\/2024/);
    // The filled dataset is no longer listed; the others are.
    expect(validate.stderr).not.toContain('bretagne/2024/v1/cep_entries.csv:1:1: avertissement : jeu de données à remplir');
    expect(validate.stderr).toContain('bretagne/2024/v1/resignation_files.csv:1:1: avertissement : jeu de données à remplir');
  });

  it('releases the edition: its files and its computed values are frozen', () => {
    expect(release.status, `${release.stdout}\n${release.stderr}`).toBe(0);
    expect(release.stdout).toContain('Édition v1 de bretagne/2024 publiée le 1er décembre 2026');
    const snapshot = JSON.parse(readFileSync(path.join(roots.data, 'reports/bretagne/2024/indicators.lock.json'), 'utf8'));
    expect(snapshot.v1['count-variation-yoy']).toContainEqual({ population: 'ptp-files', territory: '53', year: 2024, value: 25 });
    const again = run(['tsx', 'scripts/validate.ts', '--released']);
    expect(again.stderr).not.toMatch(/bretagne\/2024.*erreur|indicators\.lock\.json:.*bretagne/);
  });

  it('builds the new report pages, with no code change', () => {
    expect(build.status, build.stderr.slice(-3000)).toBe(0);
    for (const url of ['bretagne', 'bretagne/2024', 'bretagne/2024/v1', 'bretagne/2024/recours-au-cep', 'bretagne/2024/v1/recours-au-cep', 'bretagne/2024/rapport-complet', 'bretagne/2024/editions'])
      expect(existsSync(path.join(outDir, url, 'index.html')), url).toBe(true);
    expect(existsSync(path.join(outDir, 'donnees/bretagne/2024/cep_entries.csv'))).toBe(true);
  });

  it('offers a chart territory only where the edition has its values, and says which it left out', () => {
    // The skeleton's chart switches between the region and France métropolitaine; the test fills the region only.
    const charts = readdirSync(path.join(outDir, 'bretagne/2024/v1/graphiques')).filter((f) => f.startsWith('entries-by-operator'));
    expect(charts.filter((f) => /frm/.test(f))).toEqual([]);
    expect(charts.filter((f) => f.endsWith('.svg'))).toHaveLength(1);
    const chapter = page('bretagne/2024/recours-au-cep');
    // The chart left with one territory still links its files.
    expect(chapter).toContain(`graphiques/${charts.find((f) => f.endsWith('.svg'))}`);
    expect(chapter).toContain('Pas de valeur pour France métropolitaine dans cette édition.');
    expect(chapter).not.toContain('name="chart-entries-by-operator-variant"');
  });

  it('shows the figures computed by the indicators: total, shares, a signed variation and a share the source does not print', () => {
    const home = page('bretagne/2024');
    expect(home).toMatch(/<data[^>]*data-indicator="cep-entries-total"[^>]*>1\u202f000<\/data>/);
    expect(home).not.toContain('Édition en préparation');
    expect(page('bretagne/2024/recours-au-cep')).toContain('60,0\u00a0%'); // France Travail: 600 of 1 000
    const ptp = page('bretagne/2024/projet-de-transition-professionnelle');
    expect(ptp).toMatch(/data-indicator="count-variation-yoy"[^>]*>\+25,0\u00a0%<\/data>/);
    expect(ptp).toMatch(/data-indicator="ptp-cep-share"[^>]*>60,0\u00a0%<\/data>/);
    expect(ptp).toMatch(/data-indicator="ptp-cep-share-change"[^>]*>\+10,0\u00a0points<\/data>/);
    expect(ptp).toContain('Part des dossiers PTP accompagnés par un opérateur du CEP, par année, Bretagne');
    expect(page('')).toContain('href="/bretagne/2024/"');
  });

  it('prints category labels in the prose and the dataset added with add-dataset', () => {
    expect(page('bretagne/2024/recours-au-cep')).toContain('Les 45 ans ou plus et le niveau 7 (bac + 5).');
    const table = page('bretagne/2024/cooperations');
    expect(table).toContain('Nombre de lieux fictifs');
    expect(table).toContain('1\u202f234');
  });
});
