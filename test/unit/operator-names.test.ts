/**
 * The names reports print for operators come from data/reference (the `aliases` columns of
 * operators.csv and regional_operators.csv), not from code: on a throw-away copy of
 * data/reference with a report scaffolded by new-report and an OBVIOUSLY FAKE regional holder,
 * `npm run import` reads its printed names as operateur-regional, lists the known names when a
 * label is unknown, and the validator refuses a name given to two operators.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectData } from '../../src/data/catalog.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { aliasesOf, operatorNames } from '../../src/data/names.ts';
import { displayPath } from '../../src/data/paths.ts';
import { runImport } from '../../src/editor/import.ts';
import { scaffoldReport } from '../../src/editor/scaffold.ts';

let sandbox: string;
let data: string;
const reference = (file: string) => path.join(data, 'reference', file);
const target = () => path.join(data, 'reports/bretagne/2024/v1/cep_entries.csv');

function source(text: string): string {
  const file = path.join(sandbox, 'tableau.csv');
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  sandbox = mkdtempSync(path.join(tmpdir(), 'cep-operator-names-'));
  data = path.join(sandbox, 'data');
  cpSync(path.resolve('data/reference'), path.join(data, 'reference'), { recursive: true });
  scaffoldReport('bretagne', '2024', { data, content: path.join(sandbox, 'content') });
  // A fake holder of the regional operator's mission in Bretagne (53), printed under two other names.
  const regional = reference('regional_operators.csv');
  writeFileSync(regional, `${readFileSync(regional, 'utf8').trimEnd()}\n53,Organisme fictif de test,2024-01-01,,Valeur de test,OFT|Organisme fictif\n`);
});

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('operator names from data/reference', () => {
  it('splits the aliases cell on « | »', () => {
    expect(aliasesOf('France compétences')).toEqual(['France compétences']);
    expect(aliasesOf(' OFT | Organisme fictif ')).toEqual(['OFT', 'Organisme fictif']);
    expect(aliasesOf(null)).toEqual([]);
  });

  it('gives the regional operator its holders’ names in their region only', () => {
    const operators = [{ code: 'operateur-regional', label: 'Opérateur régional', aliases: 'France compétences' }];
    const regional = [{ region: '53', holder: 'Organisme fictif', aliases: 'OFT' }, { region: '99', holder: 'Autre organisme', aliases: null }];
    expect(operatorNames(operators, regional, '53').map((n) => [n.name, n.code])).toEqual([
      ['Opérateur régional', 'operateur-regional'],
      ['France compétences', 'operateur-regional'],
      ['Organisme fictif', 'operateur-regional'],
      ['OFT', 'operateur-regional'],
    ]);
  });

  it('npm run import reads the printed names as codes: aliases of operators.csv and of the region’s holder', () => {
    const result = runImport(source('Opérateur;Entrées\nAPEC;1 111\nOFT;2 222\nPôle emploi;3 333\n'), target(), { dryRun: true });
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.territory, r.year, r.operator, r.entries])).toEqual([
      ['53', 2024, 'apec', 1111],
      ['53', 2024, 'france-travail', 3333],
      ['53', 2024, 'operateur-regional', 2222],
    ]);
    expect(result.notes.join('\n')).toContain('OFT → operateur-regional');
    const funder = runImport(source('Opérateur;Entrées\nFrance compétences;4 444\n'), target(), { dryRun: true });
    expect(funder.rows.map((r) => r.operator)).toEqual(['operateur-regional']);
  });

  it('an unknown label: the error lists the known names, and --map still reads it', () => {
    const table = source('Opérateur;Entrées\nAPEC;1 111\nOrganisme inconnu;2 222\n');
    expect(runImport(table, target(), { dryRun: true }).problems.map(formatIssue)).toEqual([
      `${displayPath(table)}:3:1: libellé « Organisme inconnu » inconnu : attendu un opérateur (APEC, Cap emploi, Missions locales, Pôle emploi, France Travail, Opérateur régional, France compétences, Ensemble des opérateurs, Organisme fictif de test, OFT, Organisme fictif) ; sinon donnez son code avec --map "Organisme inconnu=<code>"`,
    ]);
    const mapped = runImport(table, target(), { dryRun: true, map: [['Organisme inconnu', 'missions-locales']] });
    expect(mapped.rows.map((r) => r.operator)).toEqual(['apec', 'missions-locales']);
  });

  it('the validator refuses a name given to two operators, at the cell that adds it', () => {
    const operators = reference('operators.csv');
    const before = readFileSync(operators, 'utf8');
    writeFileSync(operators, before.replace('cap-emploi,Cap emploi,,,', 'cap-emploi,Cap emploi,,,Cap emploi test|Apec'));
    try {
      const errors = inspectData(data, path.join(sandbox, 'content')).issues.filter((i) => i.severity === 'error');
      expect(errors.map(formatIssue)).toEqual([
        `${displayPath(operators)}:3:5: nom « Apec » déjà donné à l'opérateur « apec » (operators.csv) : un nom imprimé ne peut désigner qu'un opérateur, sinon npm run import ne saurait lequel choisir ; retirez-le de l'une des deux lignes`,
      ]);
    } finally {
      writeFileSync(operators, before);
    }
  });
});
