/**
 * npm run add-dataset on a throw-away copy of data/ and content/: a report is scaffolded, then a
 * table exported by a French spreadsheet (Windows-1252, `;`, decimal comma, OBVIOUSLY FAKE
 * values) becomes a `free` dataset that validates, with what remains to fill listed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealEdition, writeLock } from '../../src/data/editions.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { displayPath as shown } from '../../src/data/paths.ts';
import { addDataset } from '../../src/editor/add-dataset.ts';
import { errorsOf, validateAll } from '../../src/editor/editions.ts';
import { scaffoldReport } from '../../src/editor/scaffold.ts';
import { toFillInEdition, type Roots } from '../../src/editor/to-fill.ts';
import { refusal } from '../helpers/refusal.ts';

let roots: Roots;
let sandbox: string;
const edition = (...p: string[]) => path.join(roots.data, 'reports', 'bretagne', '2024', 'v1', ...p);

/** A spreadsheet export: title line, French numbers, a missing value, a note under the table. */
const SPREADSHEET = [
  'Tableau de test : valeurs fictives',
  'territory;Opérateur;Nombre de lieux;Part des entrées;Remarque',
  '53;Opérateur fictif A;9 999;12,5 %;texte fictif',
  '53;Opérateur fictif B;1;80,0 %;',
  '53;Opérateur fictif C;n.d.;7,5 %;autre texte fictif',
  'Source : source fictive',
  '',
].join('\r\n');

function windows1252(text: string): Buffer {
  // Only Latin-1 characters here: their Windows-1252 bytes are their code points.
  return Buffer.from(text, 'latin1');
}

beforeAll(() => {
  sandbox = mkdtempSync(path.join(tmpdir(), 'cep-add-dataset-'));
  roots = { data: path.join(sandbox, 'data'), content: path.join(sandbox, 'content') };
  cpSync(path.resolve('data'), roots.data, { recursive: true });
  cpSync(path.resolve('content'), roots.content, { recursive: true });
  // The test's own Bretagne report: a real one, if an editor has added it, is left out of the copy.
  for (const root of [roots.data, roots.content]) rmSync(path.join(root, 'reports', 'bretagne'), { recursive: true, force: true });
  scaffoldReport('bretagne', '2024', roots);
  writeFileSync(path.join(sandbox, 'lieux.csv'), windows1252(SPREADSHEET));
});

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('npm run add-dataset', () => {
  let before: string;

  it('copies the CSV in the house format and appends a free resource typed from every cell', () => {
    before = readFileSync(edition('datapackage.json'), 'utf8');
    const lines = addDataset('bretagne', '2024', 'lieux_accueil', path.join(sandbox, 'lieux.csv'), roots);
    expect(lines[0]).toBe("Jeu de données « lieux_accueil » ajouté à l'édition v1 de bretagne/2024 (type free, 3 ligne(s)) :");
    expect(lines).toContain(`  ${shown(edition('lieux_accueil.csv'))} (converti en UTF-8, virgules et point décimal ; l'original : Windows-1252, séparateur « ; »)`);
    expect(lines).toContain('  nombre_de_lieux : entier, colonne « Nombre de lieux »');
    expect(lines).toContain('  part_des_entrees : nombre (en %), colonne « Part des entrées »');
    expect(lines).toContain('  3. montrez-le dans un chapitre : <DataTable dataset="lieux_accueil" /> ;');

    expect(readFileSync(edition('lieux_accueil.csv'), 'utf8')).toBe(
      [
        'territory,operateur,nombre_de_lieux,part_des_entrees,remarque',
        '53,Opérateur fictif A,9999,12.5,texte fictif',
        // Decimals as written (« 80,0 » stays 80.0); « n.d. » is missing, never 0.
        '53,Opérateur fictif B,1,80.0,',
        '53,Opérateur fictif C,,7.5,autre texte fictif',
        '',
      ].join('\n'),
    );
    const pkg = JSON.parse(readFileSync(edition('datapackage.json'), 'utf8'));
    const added = pkg.resources.at(-1);
    expect(Object.keys(added)).toEqual(['name', 'title', 'path', 'format', 'mediatype', 'encoding', 'sources', 'cep', 'schema']);
    expect(added.cep.kind).toBe('free');
    expect(added.schema.fields).toEqual([
      { name: 'territory', title: 'Territoire', type: 'string' },
      { name: 'operateur', title: 'Opérateur', type: 'string' },
      { name: 'nombre_de_lieux', title: 'Nombre de lieux', type: 'integer' },
      { name: 'part_des_entrees', title: 'Part des entrées (%)', type: 'number' },
      { name: 'remarque', title: 'Remarque', type: 'string' },
    ]);
    expect(added.schema.foreignKeys).toEqual([{ fields: ['territory'], reference: { resource: 'territories', fields: ['code'] } }]);
  });

  it('leaves the rest of datapackage.json byte for byte', () => {
    const after = readFileSync(edition('datapackage.json'), 'utf8');
    const count = JSON.parse(after).resources.length;
    const removed = applyEdits(after, modify(after, ['resources', count - 1], undefined, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }));
    expect(removed).toBe(before);
  });

  it('validates without error; title, sources, unit and champ are listed as to fill', () => {
    expect(errorsOf(validateAll(roots).issues).map(formatIssue)).toEqual([]);
    const toFill = toFillInEdition('bretagne', '2024', 1, roots).map(formatIssue).filter((l) => l.includes('lieux_accueil'));
    expect(toFill.map((l) => l.replace(/^.*avertissement : /, ''))).toEqual([
      'à compléter : title de la ressource « lieux_accueil »',
      'à compléter : sources[0].title de la ressource « lieux_accueil »',
      'à compléter : cep.unit de la ressource « lieux_accueil »',
      'à compléter : cep.champ de la ressource « lieux_accueil »',
    ]);
  });

  it('refuses a taken name, a bad name, a stray file and a missing file', () => {
    const csv = path.join(sandbox, 'lieux.csv');
    expect(refusal(() => addDataset('bretagne', '2024', 'lieux_accueil', csv, roots)).message).toBe('le jeu de données « lieux_accueil » existe déjà dans cette édition');
    const bad = refusal(() => addDataset('bretagne', '2024', 'Lieux-Accueil', csv, roots));
    expect(bad.message).toBe('nom « Lieux-Accueil » invalide : attendu des lettres minuscules sans accent, des chiffres et des _, en commençant par une lettre');
    expect(bad.details).toEqual(['Par exemple : lieux_accueil']);
    writeFileSync(edition('orphelin.csv'), 'a\n1\n');
    expect(refusal(() => addDataset('bretagne', '2024', 'orphelin', csv, roots)).message).toBe(
      `le fichier ${shown(edition('orphelin.csv'))} existe déjà alors qu'aucune ressource « orphelin » ne le déclare`,
    );
    rmSync(edition('orphelin.csv'));
    expect(refusal(() => addDataset('bretagne', '2024', 'autre', path.join(sandbox, 'absent.csv'), roots)).message).toMatch(/^fichier « .*absent\.csv » introuvable$/);
  });

  it('refuses a released edition, pointing to new-version', () => {
    const yearDir = path.join(roots.data, 'reports', 'bretagne', '2024');
    writeLock(yearDir, { v1: sealEdition(edition(), path.join(roots.content, 'reports', 'bretagne', '2024', 'v1')) });
    const error = refusal(() => addDataset('bretagne', '2024', 'autre', path.join(sandbox, 'lieux.csv'), roots));
    expect(error.message).toBe("l'édition v1 de bretagne/2024 est publiée et figée : on n'y ajoute plus de jeu de données");
    expect(error.details[0]).toContain('npm run new-version -- bretagne 2024');
    expect(existsSync(edition('autre.csv'))).toBe(false);
  });

  it('the command prints the refusal and exits 2', () => {
    const result = spawnSync('npx', ['tsx', 'scripts/add-dataset.ts', 'bretagne', '2024'], {
      env: { ...process.env, CEP_DATA_DIR: roots.data, CEP_CONTENT_DIR: roots.content },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Refusé : attendu une région, une année, un nom de jeu de données et un fichier CSV');
    expect(result.stderr).toContain('Usage : npm run add-dataset -- <région> <année> <nom> <fichier.csv>');
  });
});
