/**
 * An editor adds a year without touching the code: in a throw-away copy, `npm run new-report`,
 * one dataset filled (with OBVIOUSLY FAKE test values: this copy is never published), the
 * chapter of the entries given its chart, `npm run validate`, then the real build: the new
 * report's pages exist and show the figures of the filled dataset.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const sandbox = mkdtempSync(path.join(tmpdir(), 'cep-new-report-'));
const roots = { data: path.join(sandbox, 'data'), content: path.join(sandbox, 'content') };
const outDir = path.join(sandbox, 'dist');
const env = { ...process.env, CEP_DATA_DIR: roots.data, CEP_CONTENT_DIR: roots.content, ASTRO_TELEMETRY_DISABLED: '1' };
const run = (args: string[]) => spawnSync('npx', args, { env, encoding: 'utf8', timeout: 300_000 });
const page = (url: string) => readFileSync(path.join(outDir, url, 'index.html'), 'utf8');

// Fake entries for Bretagne (53) in 2024: their total, 1 000, and shares are easy to check.
const ENTRIES = [
  ['france-travail', 600],
  ['apec', 100],
  ['cap-emploi', 50],
  ['missions-locales', 150],
  ['operateur-regional', 100],
] as const;

describe('a new report, from the scaffold to the built site', () => {
  let validate: ReturnType<typeof run>;
  let build: ReturnType<typeof run>;

  beforeAll(() => {
    cpSync(path.resolve('data'), roots.data, { recursive: true });
    cpSync(path.resolve('content'), roots.content, { recursive: true });
    const scaffold = run(['tsx', 'scripts/new-report.ts', 'bretagne', '2024']);
    expect(scaffold.status, scaffold.stderr).toBe(0);
    const entries = path.join(roots.data, 'reports/bretagne/2024/v1/cep_entries.csv');
    const header = readFileSync(entries, 'utf8').split('\n')[0]!;
    const fields = header.split(',');
    const row = (operator: string, n: number) => fields.map((f) => ({ territory: '53', year: '2024', operator, entries: String(n) })[f] ?? '').join(',');
    writeFileSync(entries, `${header}\n${ENTRIES.map(([op, n]) => row(op, n)).join('\n')}\n`);
    // The chapter on the entries uses the chart its skeleton suggests, taken out of its comment.
    const chapter = path.join(roots.content, 'reports/bretagne/2024/v1/03-recours-au-cep.mdx');
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
    build = run(['astro', 'build', '--outDir', outDir]);
  }, 400_000);

  it('validates, listing what remains to fill', () => {
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/Il reste \d+ élément\(s\) à compléter avant de publier l'édition v1 de bretagne\/2024/);
    // The filled dataset is no longer listed; the others are.
    expect(validate.stderr).not.toContain('v1/cep_entries.csv:1:1: avertissement : jeu de données à remplir');
    expect(validate.stderr).toContain('v1/ptp_files.csv:1:1: avertissement : jeu de données à remplir');
  });

  it('builds the new report pages, with no code change', () => {
    expect(build.status, build.stderr.slice(-3000)).toBe(0);
    for (const url of ['bretagne', 'bretagne/2024', 'bretagne/2024/v1', 'bretagne/2024/recours-au-cep', 'bretagne/2024/v1/recours-au-cep', 'bretagne/2024/rapport-complet', 'bretagne/2024/editions'])
      expect(existsSync(path.join(outDir, url, 'index.html')), url).toBe(true);
    expect(existsSync(path.join(outDir, 'donnees/bretagne/2024/cep_entries.csv'))).toBe(true);
  });

  it('shows the filled figures, computed by the indicators, and says the edition is in preparation', () => {
    const home = page('bretagne/2024');
    expect(home).toMatch(/<data[^>]*data-indicator="cep-entries-total"[^>]*>1\u202f000<\/data>/);
    expect(home).toContain('Édition en préparation');
    const chart = page('bretagne/2024/recours-au-cep');
    expect(chart).toContain('60,0\u00a0%'); // France Travail: 600 of 1 000
    expect(page('')).toContain('href="/bretagne/2024/"');
  });

  it('prints category labels in the prose and the dataset added with add-dataset', () => {
    expect(page('bretagne/2024/recours-au-cep')).toContain('Les 45 ans ou plus et le niveau 7 (bac + 5).');
    const table = page('bretagne/2024/cooperations');
    expect(table).toContain('Nombre de lieux fictifs');
    expect(table).toContain('1\u202f234');
  });
});
