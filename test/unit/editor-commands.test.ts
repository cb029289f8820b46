/**
 * The editor commands on throw-away fixture roots (test/helpers/fixtures.ts: the real reference
 * lists, fictional released reports), never on the shipped reports: a new report is scaffolded,
 * validated (no error, exactly what remains to fill), filled with OBVIOUSLY FAKE test values,
 * released, frozen, then continued in a new edition. The steps run in order and share the copy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/data/editions.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { displayPath as shown } from '../../src/data/paths.ts';
import { errorsOf, newVersion, releaseEdition, validateAll } from '../../src/editor/editions.ts';
import { CHAPTERS, DATASETS } from '../../src/editor/scaffold.ts';
import { findToFill, MARKER, toFillInEdition, type Roots } from '../../src/editor/to-fill.ts';
import { fixtureRoots, removeFixtureRoots, replaceIn } from '../helpers/fixtures.ts';
import { refusal } from '../helpers/refusal.ts';

let roots: Roots;
const data = (...p: string[]) => path.join(roots.data, 'reports', 'bretagne', '2024', ...p);
const content = (...p: string[]) => path.join(roots.content, 'reports', 'bretagne', '2024', ...p);

function run(script: string, ...args: string[]) {
  return spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, CEP_DATA_DIR: roots.data, CEP_CONTENT_DIR: roots.content },
    encoding: 'utf8',
  });
}

/** The located lines of what remains to fill in bretagne/2024 v<n>. */
const toFill = (n: number) => toFillInEdition('bretagne', '2024', n, roots).map(formatIssue);


beforeAll(() => {
  roots = fixtureRoots();
});

afterAll(() => removeFixtureRoots(roots));

describe('editor commands', () => {
  it('new-report creates v1: report.json, one header-only dataset per standard kind, the chapter plan', () => {
    expect(existsSync(path.join(roots.data, 'reports', 'bretagne'))).toBe(false);
    const result = run('new-report', 'bretagne', '2024');
    expect(result.stderr).not.toContain('Refusé');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Rapport bretagne/2024 (Bretagne, code 53) créé : édition v1, en préparation.');

    const report = JSON.parse(readFileSync(data('v1', 'report.json'), 'utf8'));
    expect(report).toMatchObject({ region: '53', year: 2024, edition: { number: 1 } });
    expect(report.edition.date).toBeUndefined();
    for (const key of ['title', 'author', 'publication']) expect(report[key]).toMatch(/^À COMPLÉTER : /);

    const pkg = JSON.parse(readFileSync(data('v1', 'datapackage.json'), 'utf8'));
    expect(pkg.licenses[0].name).toBe('etalab-2.0');
    expect(pkg.resources.map((r: { cep: { kind: string } }) => r.cep.kind).sort()).toEqual(
      ['beneficiary-profile', 'categories', 'cep-entries-by-operator', 'key-figures', 'ptp-files', 'reference-population', 'resignation-files'],
    );
    expect(readFileSync(data('v1', 'cep_entries.csv'), 'utf8')).toBe('territory,year,operator,entries,share_published,reported_gap\n');
    expect(readdirSync(data('v1')).sort()).toEqual(['datapackage.json', 'report.json', ...DATASETS.map((d) => `${d.name}.csv`)].sort());

    expect(readdirSync(content('v1'))).toEqual(CHAPTERS.map((c) => c.file));
    const entries = readFileSync(content('v1', '03-recours-au-cep.mdx'), 'utf8');
    expect(entries).toMatch(/^---\ntitle: "Le recours au CEP en 2024, opérateur par opérateur"\nsummary: "À COMPLÉTER : /);
    expect(entries).toContain(`{/* <Chart chart="entries-by-operator" territories={['53', 'FRM']} /> */}`);
    expect(entries).not.toMatch(/^<(Chart|Value|DataTable)/m);
  });

  it('new-report refuses (exit 2) an existing report, an unknown region and a year that is not AAAA', () => {
    const again = run('new-report', 'bretagne', '2024');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`Refusé : le dossier ${shown(data())} existe déjà : le rapport bretagne/2024 a déjà été créé`);

    const unknown = run('new-report', 'bzh', '2024');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Refusé : région « bzh » inconnue');
    expect(unknown.stderr).toMatch(/Régions connues \(colonne slug de data\/reference\/territories\.csv\) : .*\bbretagne\b.*\bla-reunion\b/);

    const year = run('new-report', 'grand-est', '24');
    expect(year.status).toBe(2);
    expect(year.stderr).toContain("Refusé : année « 24 » invalide : attendu l'année observée sur quatre chiffres (AAAA), par exemple 2024");
    expect(existsSync(path.join(roots.data, 'reports', 'grand-est'))).toBe(false);
  });

  it('the scaffold validates without error; validate lists exactly what remains to fill', () => {
    expect(errorsOf(validateAll(roots).issues).map(formatIssue)).toEqual([]);
    const editions = findToFill(roots);
    expect(editions.map((e) => `${e.slug}/${e.year}/v${e.number}`)).toEqual(['bretagne/2024/v1']);
    const lines = toFill(1);
    // report.json: 4; datapackage.json: champ and source of 7 datasets; 7 empty datasets; 8 chapters × (summary + text).
    expect(lines).toHaveLength(4 + 14 + 7 + 16);
    expect(editions[0]!.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(lines).toContain(`${shown(data('v1', 'report.json'))}:4:13: avertissement : à compléter : title`);
    expect(lines).toContain(`${shown(data('v1', 'report.json'))}:9:17: avertissement : à compléter : edition.changes`);
    expect(lines).toContainEqual(expect.stringMatching(/datapackage\.json:\d+:19: avertissement : à compléter : cep\.champ de la ressource « cep_entries »$/));
    expect(lines).toContainEqual(expect.stringMatching(/datapackage\.json:\d+:21: avertissement : à compléter : sources\[0\]\.title de la ressource « cep_entries »$/));
    expect(lines).toContain(
      `${shown(data('v1', 'cep_entries.csv'))}:1:1: avertissement : jeu de données à remplir : aucune ligne sous l'en-tête ; ajoutez les lignes du rapport, ou retirez la ressource « cep_entries » de datapackage.json si le rapport n'a pas ces données`,
    );
    expect(lines).toContain(`${shown(content('v1', '01-cadre-et-methode.mdx'))}:3:11: avertissement : à compléter : summary du chapitre`);
    expect(lines).toContainEqual(expect.stringMatching(/01-cadre-et-methode\.mdx:\d+:1: avertissement : à compléter : texte du chapitre$/));

    const cli = run('validate');
    expect(cli.status).toBe(0);
    expect(cli.stderr).toContain(`${shown(data('v1', 'report.json'))}:4:13: avertissement : à compléter : title`);
    expect(cli.stdout.trim().split('\n').at(-1)).toBe("Il reste 41 élément(s) à compléter avant de publier l'édition v1 de bretagne/2024");
  });

  it('a dataset filled with rows leaves the list', () => {
    // Obviously fake figures, in a throw-away copy.
    writeFileSync(data('v1', 'cep_entries.csv'), 'territory,year,operator,entries,share_published,reported_gap\n53,2024,france-travail,111,,\n53,2024,apec,222,,\n');
    expect(errorsOf(validateAll(roots).issues).map(formatIssue)).toEqual([]);
    const lines = toFill(1);
    expect(lines).toHaveLength(40);
    expect(lines.some((l) => l.includes('cep_entries.csv'))).toBe(false);
  });

  it('release refuses while anything remains to fill, and prints the list', () => {
    const refused = refusal(() => releaseEdition('bretagne', '2024', { date: '2025-03-31' }, roots));
    expect(refused.message).toBe("l'édition v1 de bretagne/2024 ne peut pas être publiée : il reste 40 élément(s) à compléter");
    expect(refused.details).toContain(`${shown(data('v1', 'report.json'))}:4:13: avertissement : à compléter : title`);

    const cli = run('release', 'bretagne', '2024', '--date', '2025-03-31');
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain("Refusé : l'édition v1 de bretagne/2024 ne peut pas être publiée : il reste 40 élément(s) à compléter");
    expect(cli.stderr).toContain(`${shown(data('v1', 'key_figures.csv'))}:1:1: avertissement : jeu de données à remplir`);
    expect(JSON.parse(readFileSync(data('v1', 'report.json'), 'utf8')).edition.date).toBeUndefined();
    expect(existsSync(data('editions.lock.json'))).toBe(false);
  });

  it('once everything is filled (or removed), release writes the date and seals the edition', () => {
    // Every placeholder replaced by an obviously fake text.
    for (const file of [data('v1', 'report.json'), data('v1', 'datapackage.json'), ...CHAPTERS.map((c) => content('v1', c.file))])
      replaceIn(file, new RegExp(`${MARKER} : `, 'g'), 'TEST ');
    const fake: Record<string, string> = {
      reference_population: '53,2021,employed-actives,1000,TEST recensement',
      categories: 'objective,test-objectif,TEST objectif,',
      cep_entries_profile: '53,2024,cep-entries,france-travail,sex,F,,50\n53,2024,cep-entries,france-travail,objective,test-objectif,,100',
      ptp_files: '53,2024,10,5,2,50,20',
      resignation_files: '53,2024,10,8,2,80,1,7',
    };
    for (const [name, rows] of Object.entries(fake)) writeFileSync(data('v1', `${name}.csv`), `${readFileSync(data('v1', `${name}.csv`), 'utf8')}${rows}\n`);
    // A dataset the report does not have: its resource, its file and the component naming it go.
    const pkg = JSON.parse(readFileSync(data('v1', 'datapackage.json'), 'utf8'));
    pkg.resources = pkg.resources.filter((r: { name: string }) => r.name !== 'key_figures');
    writeFileSync(data('v1', 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    rmSync(data('v1', 'key_figures.csv'));
    replaceIn(content('v1', '02-cooperations.mdx'), '{/* <DataTable dataset="key_figures" /> */}\n', '');

    expect(errorsOf(validateAll(roots).issues).map(formatIssue)).toEqual([]);
    expect(toFill(1)).toEqual([]);

    const lines = releaseEdition('bretagne', '2024', { date: '2025-03-31' }, roots);
    expect(lines[0]).toBe(`Édition v1 de bretagne/2024 publiée le 31 mars 2025 : ses fichiers sont figés (${shown(data('editions.lock.json'))}).`);
    expect(lines).toContain('  /bretagne/2024/v1/ (cette édition, pour toujours)');
    expect(lines).toContain('  /bretagne/2024/ (le rapport, qui montre sa dernière édition)');

    // The date goes after the number; the rest of the file keeps its lines.
    expect(readFileSync(data('v1', 'report.json'), 'utf8')).toContain(
      '  "edition": {\n    "number": 1,\n    "date": "2025-03-31",\n    "changes": "TEST ce que contient cette première édition',
    );
    const lock = JSON.parse(readFileSync(data('editions.lock.json'), 'utf8'));
    expect(Object.keys(lock)).toEqual(['v1']);
    expect(Object.keys(lock.v1)).toHaveLength(2 + 6 + CHAPTERS.length);
    // Sealed after the date was written.
    expect(lock.v1['data/report.json']).toBe(sha256(data('v1', 'report.json')));
    expect(lock.v1['content/08-conclusion.mdx']).toBe(sha256(content('v1', '08-conclusion.mdx')));

    expect(errorsOf(validateAll(roots).issues).map(formatIssue)).toEqual([]);
    expect(findToFill(roots)).toEqual([]);
    const again = refusal(() => releaseEdition('bretagne', '2024', {}, roots));
    expect(again.message).toBe("l'édition v1 de bretagne/2024 est déjà publiée et figée");
    expect(again.details).toEqual(['Pour la corriger ou la compléter : npm run new-version -- bretagne 2024']);
  });

  it('a released file that changes makes validation fail with the frozen-edition error', () => {
    const file = data('v1', 'cep_entries.csv');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('111', '112'));
    try {
      expect(errorsOf(validateAll(roots).issues).map(formatIssue)).toEqual([
        `${shown(file)}:1:1: l'édition v1 du rapport bretagne/2024 est figée depuis sa publication le 31 mars 2025 : ce fichier a été modifié. Annulez la modification (git checkout -- ${shown(file)}, ou reprenez le fichier tel qu'il est sur la branche main) ; les corrections se font dans une nouvelle édition : npm run new-version -- bretagne 2024 (voir CONTRIBUTING.md)`,
      ]);
    } finally {
      writeFileSync(file, original);
    }
    expect(errorsOf(validateAll(roots).issues)).toEqual([]);
  });

  it('new-version copies the released edition into v2, to be described, and validation passes', () => {
    const cli = run('new-version', 'bretagne', '2024');
    expect(cli.stderr).not.toContain('Refusé');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain("Édition v2 de bretagne/2024 créée, copie de l'édition v1 publiée :");
    expect(cli.stdout).toContain('npm run release -- bretagne 2024');

    expect(readdirSync(data('v2')).sort()).toEqual(readdirSync(data('v1')).sort());
    for (const f of readdirSync(data('v1')).filter((f) => f !== 'report.json')) expect(sha256(data('v2', f))).toBe(sha256(data('v1', f)));
    for (const f of readdirSync(content('v1'))) expect(sha256(content('v2', f))).toBe(sha256(content('v1', f)));
    const report = JSON.parse(readFileSync(data('v2', 'report.json'), 'utf8'));
    expect(report.edition).toEqual({ number: 2, changes: 'À COMPLÉTER : ce que corrige ou ajoute cette édition' });

    expect(errorsOf(validateAll(roots).issues).map(formatIssue)).toEqual([]);
    expect(toFill(2)).toEqual([`${shown(data('v2', 'report.json'))}:9:17: avertissement : à compléter : edition.changes`]);

    // v2 is not released: no v3 yet, and no release while its changes are not described.
    const early = refusal(() => newVersion('bretagne', '2024', roots));
    expect(early.message).toBe("l'édition v2 de bretagne/2024 n'est pas encore publiée : corrigez-la directement, une nouvelle édition ne part que d'une édition publiée");
    expect(refusal(() => releaseEdition('bretagne', '2024', { date: '2025-06-30' }, roots)).message).toBe(
      "l'édition v2 de bretagne/2024 ne peut pas être publiée : il reste 1 élément(s) à compléter",
    );
    replaceIn(data('v2', 'report.json'), `${MARKER} : `, 'TEST ');
    releaseEdition('bretagne', '2024', { date: '2025-06-30' }, roots);
    expect(Object.keys(JSON.parse(readFileSync(data('editions.lock.json'), 'utf8')))).toEqual(['v1', 'v2']);
    expect(errorsOf(validateAll(roots).issues).map(formatIssue)).toEqual([]);
  });
});
