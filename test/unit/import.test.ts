import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/import.ts';
import { inspectData } from '../../src/data/catalog.ts';
import type { PackageDescriptor } from '../../src/data/descriptors.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { readTable, type Row } from '../../src/data/table.ts';
import { readFrenchNumber, readSource, runImport } from '../../src/editor/import.ts';
import { copyOfData } from '../helpers/data-copy.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

const FIXTURES = path.resolve('test/fixtures/import');
const fixture = (name: string) => path.join(FIXTURES, name);
// The first edition of the fixture report (test/helpers/fixtures.ts), released: read, never written.
const EDITION = path.join(fixtureRoots().data, 'reports', FIXTURE.id, 'v1');

/**
 * A throw-away copy of the fixture report's first edition, without its lock (so that the import
 * may write into it), in a data root whose reference lists the import reads.
 */
function editionCopy(): string {
  const dir = path.join(fixtureRoots().data, 'reports', FIXTURE.id, 'v1');
  rmSync(path.join(dir, '../editions.lock.json'));
  return dir;
}

function resourceOf(dir: string, name: string) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as PackageDescriptor;
  return pkg.resources.find((r) => r.name === name)!;
}

/** The rows of a dataset file as the validator types them. */
function typedRows(dir: string, name: string): Row[] {
  const issues: never[] = [];
  const table = readTable(path.join(dir, `${name}.csv`), resourceOf(dir, name), issues);
  expect(issues).toEqual([]);
  return table!.rows;
}

/** Rows sorted by a key, the order the import writes (primary key, values compared as they are typed). */
function sortedBy(rows: Row[], key: string[]): Row[] {
  return [...rows].sort((a, b) => {
    for (const k of key) {
      const [x, y] = [a[k]!, b[k]!];
      if (x !== y) return x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
    }
    return 0;
  });
}

/** Runs the command's main() and collects what it prints. */
function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('French numbers', () => {
  it('reads the spreadsheet formats and keeps the decimals as written', () => {
    expect(readFrenchNumber('12 479')).toEqual({ kind: 'number', text: '12479', percent: false });
    expect(readFrenchNumber('2\u00a0641\u00a0121')).toEqual({ kind: 'number', text: '2641121', percent: false });
    expect(readFrenchNumber('12\u202f479')).toEqual({ kind: 'number', text: '12479', percent: false });
    expect(readFrenchNumber('12,5')).toEqual({ kind: 'number', text: '12.5', percent: false });
    expect(readFrenchNumber('12,5 %')).toEqual({ kind: 'number', text: '12.5', percent: true });
    expect(readFrenchNumber('+3,2 %')).toEqual({ kind: 'number', text: '3.2', percent: true });
    expect(readFrenchNumber('−3,2')).toEqual({ kind: 'number', text: '-3.2', percent: false });
    expect(readFrenchNumber('3,0%')).toEqual({ kind: 'number', text: '3.0', percent: true });
  });

  it('keeps the missing markers missing, never 0, and refuses what it cannot read', () => {
    for (const marker of ['', ' ', '-', '–', 'n.d.', 'nd', 'ND', 'ns', 's.o.']) expect(readFrenchNumber(marker)).toEqual({ kind: 'missing' });
    expect(readFrenchNumber('12.479')).toEqual({ kind: 'unreadable', ambiguous: true });
    expect(readFrenchNumber('abc')).toEqual({ kind: 'unreadable', ambiguous: false });
    expect(readFrenchNumber('12 47')).toEqual({ kind: 'unreadable', ambiguous: false });
    expect(readFrenchNumber('75 011 (écart relevé + 2181)')).toEqual({ kind: 'unreadable', ambiguous: false });
  });
});

describe('reading the source', () => {
  it('detects Windows-1252 and « ; », skips the title above the table and the source note under it', () => {
    const { source, problems } = readSource(readFileSync(fixture('fixture-entrees-par-operateur.csv')), 'entrees.csv');
    expect(problems).toEqual([]);
    expect(source!.encoding).toBe('windows-1252');
    expect(source!.delimiter).toBe(';');
    expect(source!.headerLine).toBe(2);
    expect(source!.header.map((h) => h.text)).toEqual(['', '', 'APEC', 'CAP Emploi', 'France compétences', 'Missions Locales', 'Pôle emploi', 'Total']);
    expect(source!.rows.map((r) => r.line)).toEqual([3, 4, 5, 6, 7]);
    expect(source!.skipped.map((s) => [s.line, s.why])).toEqual([[1, 'titre'], [8, 'note']]);
  });

  it('detects UTF-8 with a byte order mark and the tab', () => {
    const { source } = readSource(readFileSync(fixture('annees-en-colonnes.tsv')), 'dossiers.tsv');
    expect(source!.encoding).toBe('utf-8');
    expect(source!.delimiter).toBe('\t');
    expect(source!.header[0]!.text).toBe('Territoire');
  });

  it('detects « , » when French decimals are quoted', () => {
    const { source } = readSource(readFileSync(fixture('long-valeurs-manquantes.csv')), 'long.csv');
    expect(source!.delimiter).toBe(',');
    expect(source!.rows[0]!.cells.map((c) => c.text)).toEqual(['Hauts-de-France', '2023', 'APEC', '1000', '3,3', '']);
  });
});

describe('npm run import: the tables of a report as they are printed', () => {
  it('gives exactly the rows of the fixture cep_entries from the printed table (operators as columns, ;, Windows-1252)', () => {
    const dir = editionCopy();
    const target = path.join(dir, 'cep_entries.csv');
    const original = readFileSync(target, 'utf8');
    writeFileSync(target, 'territory,year,operator,entries,share_published,reported_gap\n');

    const result = run(fixture('fixture-entrees-par-operateur.csv'), target);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    // Byte for byte: the original lines (« 5.0 » as printed included), sorted by primary key.
    const [header, ...lines] = original.trimEnd().split('\n');
    const key = (l: string) => l.split(',').slice(0, 3);
    const expected = [header, ...lines.sort((a, b) => (key(a).join() < key(b).join() ? -1 : 1))].join('\n') + '\n';
    expect(readFileSync(target, 'utf8')).toBe(expected);
    expect(typedRows(dir, 'cep_entries')).toEqual(sortedBy(typedRows(EDITION, 'cep_entries'), ['territory', 'year', 'operator']));

    // The summary says where each column and line went.
    expect(result.stdout).toContain('colonne 1 → territory');
    expect(result.stdout).toContain('France métropolitaine → FRM, Hauts-de-France → 32');
    expect(result.stdout).toContain("Nombre d'entrées 2023 → entries, Pourcentage → share_published, Écart relevé → reported_gap");
    expect(result.stdout).toContain('France compétences → operateur-regional');
    expect(result.stdout).toContain('Total → ensemble');
    expect(result.stdout).toContain('year = 2023 (report.json)');
    expect(result.stdout).toContain('ligne 1 ignorée (titre)');
    expect(result.stdout).toContain('12 ligne(s) écrite(s) dans');
    expect(result.stdout).toContain('npm run validate');
  });

  it('passes npm run validate once imported into a copy of the data (rules included)', () => {
    const data = copyOfData();
    const yearDir = path.join(data.dir, 'reports', FIXTURE.id);
    const latest = `v${Math.max(...readdirSync(yearDir).filter((n) => /^v\d+$/.test(n)).map((n) => Number(n.slice(1))))}`;
    const edition = path.join(yearDir, latest);
    const expected = sortedBy(typedRows(edition, 'cep_entries'), ['territory', 'year', 'operator']);
    const target = path.join(edition, 'cep_entries.csv');
    writeFileSync(target, 'territory,year,operator,entries,share_published,reported_gap\n32,2023,apec,1,,\n');
    // The import refuses a released edition: the lock is lifted for it, then put back and
    // re-sealed as a new edition would record it (test/helpers/editions.ts).
    const lockFile = path.join(yearDir, 'editions.lock.json');
    const lock = readFileSync(lockFile);
    rmSync(lockFile);
    expect(run(fixture('fixture-entrees-par-operateur.csv'), target).status).toBe(0);
    writeFileSync(lockFile, lock);
    data.reseal();

    const { catalog, issues } = inspectData(data.dir, data.content);
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    const imported = catalog!.editions.find((r) => r.editionId === `${FIXTURE.id}/${latest}`)!.resources.get('cep_entries')!.table.rows;
    expect(imported).toEqual(expected);
  });

  it('reads years as columns: a yearly table (tab, UTF-8 with BOM, territory heading merged, missing markers)', () => {
    const dir = editionCopy();
    const result = runImport(fixture('annees-en-colonnes.tsv'), path.join(dir, 'resignation_files.csv'));
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual(sortedBy(typedRows(EDITION, 'resignation_files'), ['territory', 'year']));
    expect(result.notes.join('\n')).toContain('en-têtes des colonnes 3 à 6 → year : 2020 → 2020, 2021 → 2021, 2022 → 2022, 2023 → 2023');
    expect(result.notes.join('\n')).toContain('absent(s) de la source : training_count');
  });

  it('reads a profile table: sexes as rows set the dimension, with --set and --measure', () => {
    const dir = editionCopy();
    const target = path.join(dir, 'cep_entries_by_sex.csv');
    const result = runImport(fixture('fixture-sexe-par-operateur.csv'), target, { set: [['population', 'Nouvelles entrées en CEP']], measure: 'share' });
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual(sortedBy(typedRows(EDITION, 'cep_entries_by_sex'), ['territory', 'year', 'population', 'operator', 'dimension', 'category']));
    expect(result.notes.join('\n')).toContain('6 combinaison(s) sans aucune valeur');

    const without = runImport(fixture('fixture-sexe-par-operateur.csv'), target);
    expect(without.bytes).toBeUndefined();
    expect(without.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^quelle mesure contiennent les cellules \? Ajoutez --measure <champ> \(count \(Effectif\), share \(Part \(%\)\)\)/),
      expect.stringMatching(/^le champ « population » \(Population\) n'est ni dans le tableau ni fixé : ajoutez une colonne « population », ou --set population=<valeur>/),
    ]);
  });
  it('reads the codes of a free dataset from their labels (« Avec CEP » for avec-cep), the only measure implied', () => {
    const dir = editionCopy();
    const result = runImport(fixture('fixture-acceptation-ptp.csv'), path.join(dir, 'ptp_acceptance_by_cep_support.csv'));
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual(sortedBy(typedRows(EDITION, 'ptp_acceptance_by_cep_support'), ['territory', 'year', 'cep_support']));
    expect(result.notes.join('\n')).toContain('cellules → acceptance_rate_published (seule mesure du jeu de données)');
  });

  it('in a profile, operators in the headings are the operator field, age bands in the rows the age dimension', () => {
    const dir = editionCopy();
    const source = path.join(dir, 'source.csv');
    writeFileSync(source, 'Âge;Ensemble;Cap emploi\n18 à 29 ans;40 %;\n45 ans ou plus;;55 %\n');
    const result = runImport(source, path.join(dir, 'cep_entries_by_sex.csv'), { set: [['population', 'cep-entries']], measure: 'share' });
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.operator, r.dimension, r.category, r.share])).toEqual([
      ['cap-emploi', 'age', '45-plus', 55],
      ['ensemble', 'age', '18-29', 40],
    ]);
  });
});

describe('npm run import: what it cannot read is located, and nothing is written', () => {
  it('reports every unreadable cell and unknown label with its exact line and column', () => {
    const dir = editionCopy();
    const target = path.join(dir, 'cep_entries.csv');
    const before = readFileSync(target);
    const result = run(fixture('erreurs.csv'), target, '--measure', 'entries');
    expect(result.status).toBe(1);
    const file = path.relative(process.cwd(), fixture('erreurs.csv'));
    expect(result.stderr.split('\n').filter((l) => l.startsWith(file))).toEqual([
      `${file}:2:3: valeur « 3,5 » décimale pour « entries » (Nouvelles entrées en CEP) : attendu un nombre entier (ex. 12 479 ; pour des milliers, séparez-les par une espace)`,
      `${file}:3:1: libellé « Opcalia » inconnu : attendu un opérateur (APEC, Cap emploi, Missions locales, Pôle emploi, France Travail, Opérateur régional, France compétences, Ensemble des opérateurs, Conseil régional fictif) ; sinon donnez son code avec --map "Opcalia=<code>"`,
      `${file}:4:2: valeur « abc » illisible pour « entries » (Nouvelles entrées en CEP) : attendu un nombre entier (ex. 12 479), ou une cellule vide ou « - » si la valeur manque`,
      `${file}:4:3: valeur « 12.479 » ambiguë pour « entries » (Nouvelles entrées en CEP) : le point sépare-t-il les milliers ou les décimales ? Écrivez les milliers avec une espace (12 479)`,
    ]);
    expect(result.stderr).toContain("4 erreur(s) : rien n'a été écrit");
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it('reports an unknown operator in a column heading, and reads it with --map', () => {
    const dir = editionCopy();
    const source = path.join(dir, 'source.csv');
    writeFileSync(source, 'Année;APEC;CIBC\n2023;3 447;7 642\n');
    const target = path.join(dir, 'cep_entries.csv');
    const unknown = runImport(source, target, { measure: 'entries' });
    expect(unknown.problems.map(formatIssue)).toEqual([
      expect.stringMatching(/source\.csv:1:3: libellé « CIBC » inconnu : attendu un opérateur \(APEC, Cap emploi, .*\) ; sinon donnez son code avec --map "CIBC=<code>"$/),
    ]);
    const mapped = runImport(source, target, { measure: 'entries', map: [['CIBC', 'operateur-regional']] });
    expect(mapped.problems).toEqual([]);
    expect(mapped.rows.map((r) => [r.territory, r.year, r.operator, r.entries])).toEqual([
      ['32', 2023, 'apec', 3447],
      ['32', 2023, 'operateur-regional', 7642],
    ]);
  });

  it('turns the missing markers into empty cells, never 0 (long layout, « , », quoted decimals)', () => {
    const dir = editionCopy();
    const target = path.join(dir, 'cep_entries.csv');
    expect(run(fixture('long-valeurs-manquantes.csv'), target).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(
      [
        'territory,year,operator,entries,share_published,reported_gap',
        '32,2023,apec,1000,3.3,',
        '32,2023,cap-emploi,2000,,',
        '32,2023,ensemble,30000,,',
        'FRM,2023,cap-emploi,100000,5.0,2000',
        'FRM,2023,operateur-regional,200000,,',
        '',
      ].join('\n'),
    );
  });

  it('leaves out a total the dataset does not hold, with a located warning', () => {
    const dir = editionCopy();
    const source = path.join(dir, 'source.csv');
    writeFileSync(source, ['Territoire;Indicateur;2022;2023;Total', 'Hauts-de-France;Dossiers déposés;1 307;1 265;2 572', 'Total;Dossiers déposés;1 307;1 265;2 572', ''].join('\n'));
    const result = runImport(source, path.join(dir, 'ptp_files.csv'));
    expect(result.problems.map(formatIssue)).toEqual([
      expect.stringMatching(/source\.csv:1:5: avertissement : colonne « Total » laissée de côté : c'est un total, et year n'a pas de code pour les totaux$/),
      expect.stringMatching(/source\.csv:3:1: avertissement : ligne « Total » laissée de côté : c'est un total, et territory n'a pas de code pour les totaux$/),
    ]);
    expect(result.rows.map((r) => [r.territory, r.year, r.files])).toEqual([
      ['32', 2022, 1307],
      ['32', 2023, 1265],
    ]);
  });

  it('refuses the same figure twice, a value out of range, and a --set on a field the table gives', () => {
    const dir = editionCopy();
    const source = path.join(dir, 'source.csv');
    writeFileSync(source, 'Opérateur;Part (%);Part publiée (%)\nAPEC;2,3 %;180 %\n');
    const twice = runImport(source, path.join(dir, 'cep_entries.csv'));
    expect(twice.problems.map(formatIssue)).toEqual([
      expect.stringMatching(/source\.csv:2:3: valeur « 180 % » pour « share_published » : valeur « 180 » trop grande : maximum 100$/),
    ]);
    writeFileSync(source, 'Opérateur;2023;2023\nAPEC;3 447;3 448\n');
    const repeated = runImport(source, path.join(dir, 'cep_entries.csv'), { measure: 'entries' });
    expect(repeated.problems.map(formatIssue)).toEqual([
      expect.stringMatching(/source\.csv:2:3: valeur en double pour territory=32, year=2023, operator=apec, entries : déjà donnée en .*source\.csv:2:2$/),
    ]);
    const conflict = runImport(source, path.join(dir, 'cep_entries.csv'), { measure: 'entries', set: [['operator', 'apec']] });
    expect(conflict.bytes).toBeUndefined();
    expect(conflict.problems.map((p) => p.message).join('\n')).toContain('« operator » est donné deux fois : par --set operator et par la colonne 1 (« Opérateur »)');
  });

  it('refuses to write into a released (frozen) edition', () => {
    const dir = editionCopy();
    cpSync(path.join(EDITION, '../editions.lock.json'), path.join(dir, '../editions.lock.json'));
    const target = path.join(dir, 'cep_entries.csv');
    const before = readFileSync(target);
    const result = run(fixture('fixture-entrees-par-operateur.csv'), target);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`l'édition v1 du rapport ${FIXTURE.id} est publiée et figée`);
    expect(readFileSync(target).equals(before)).toBe(true);
  });
});

describe('the command line', () => {
  const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/import.ts', ...args], { encoding: 'utf8' });

  it('exits 2 with the French usage on bad arguments', () => {
    const none = cli();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Erreur : il faut un fichier source et un fichier cible.');
    expect(none.stderr).toContain('Usage : npm run import -- <source.csv> <cible.csv>');
    expect(run('a.csv').status).toBe(2);
    expect(run(fixture('erreurs.csv'), 'nulle-part/cep_entries.csv').stderr).toContain("n'est pas dans le dossier d'une édition de rapport");
    expect(run(fixture('erreurs.csv'), path.join(EDITION, 'cep_entries.csv'), '--set', 'population').stderr).toContain('--set attend champ=valeur');
    expect(run(fixture('erreurs.csv'), path.join(EDITION, 'cep_entries.csv'), '--unknown').status).toBe(2);
    expect(run('absent.csv', path.join(EDITION, 'cep_entries.csv')).stderr).toContain('fichier source introuvable : absent.csv');
  });

  it('exits 1 and writes nothing on errors; exits 0 and writes on success', () => {
    const dir = editionCopy();
    const target = path.join(dir, 'cep_entries.csv');
    const before = readFileSync(target);
    const mtime = statSync(target).mtimeMs;

    const bad = cli(fixture('erreurs.csv'), target, '--measure', 'entries');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/erreurs\.csv:4:2: valeur « abc » illisible/);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(statSync(target).mtimeMs).toBe(mtime);

    const dry = cli(fixture('long-valeurs-manquantes.csv'), target, '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('--dry-run : 5 ligne(s) qui seraient écrites');
    expect(dry.stdout).toContain('FRM,2023,cap-emploi,100000,5.0,2000');
    expect(readFileSync(target).equals(before)).toBe(true);

    const good = cli(fixture('long-valeurs-manquantes.csv'), target);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('5 ligne(s) écrite(s) dans');
    expect(good.stdout).toContain('npm run validate');
    expect(readFileSync(target, 'utf8')).toContain('FRM,2023,cap-emploi,100000,5.0,2000\n');
  });
});
