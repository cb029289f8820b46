/**
 * What a new report may need from the reference lists, on a throw-away copy with a scaffolded
 * report (OBVIOUSLY FAKE values): the warning when regional_operators.csv has no holder for its
 * region and year, and <Category />, which prints a category's label so that prose names « 45 ans
 * ou plus » without typing a digit, checked by npm run validate like the other components.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/data/issues.ts';
import { displayPath as shown } from '../../src/data/paths.ts';
import { validateAll } from '../../src/editor/editions.ts';
import { scaffoldReport } from '../../src/editor/scaffold.ts';
import type { Roots } from '../../src/editor/to-fill.ts';

let roots: Roots;
let sandbox: string;
const edition = (...p: string[]) => path.join(roots.data, 'reports', 'bretagne', '2024', 'v1', ...p);
const chapter = () => path.join(roots.content, 'reports', 'bretagne', '2024', 'v1', '02-cooperations.mdx');
const mine = (issues: ReturnType<typeof validateAll>['issues']) => issues.filter((i) => i.file.includes('bretagne/2024')).map(formatIssue);

beforeAll(() => {
  sandbox = mkdtempSync(path.join(tmpdir(), 'cep-references-'));
  roots = { data: path.join(sandbox, 'data'), content: path.join(sandbox, 'content') };
  cpSync(path.resolve('data'), roots.data, { recursive: true });
  cpSync(path.resolve('content'), roots.content, { recursive: true });
  // The test's own Bretagne report: a real one, if an editor has added it, is left out of the copy.
  for (const root of [roots.data, roots.content]) rmSync(path.join(root, 'reports', 'bretagne'), { recursive: true, force: true });
  scaffoldReport('bretagne', '2024', roots);
  // A dimension of the report's own, as a report defines one (fake label).
  appendFileSync(edition('categories.csv'), 'initial-education,niveau-fictif-plus,Niveau fictif ou plus,\n');
});

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('reference lists a new report may need', () => {
  it('warns, at the region of report.json, when regional_operators.csv has no holder for the region and year', () => {
    const list = shown(path.join(roots.data, 'reference', 'regional_operators.csv'));
    expect(mine(validateAll(roots).issues)).toContain(
      `${shown(edition('report.json'))}:2:13: avertissement : aucun titulaire de l'opérateur régional du CEP pour Bretagne (53) au 31 décembre 2024 dans ${list} : le site affichera « Opérateur régional » au lieu de son nom. Ajoutez à ce fichier une ligne 53,<titulaire>,<en vigueur du AAAA-MM-JJ>,<au AAAA-MM-JJ, ou vide si le marché court encore>,<où le rapport le nomme>,<autres noms imprimés, séparés par |, ou vide> (CONTRIBUTING.md, « Les listes de référence »)`,
    );
    // A holder whose period ended before the report's year does not name it either.
    appendFileSync(path.join(roots.data, 'reference', 'regional_operators.csv'), '53,Titulaire fictif ancien,2020-01-01,2023-12-31,source fictive,\n');
    expect(mine(validateAll(roots).issues).some((l) => l.includes("titulaire de l'opérateur régional"))).toBe(true);
    appendFileSync(path.join(roots.data, 'reference', 'regional_operators.csv'), '53,Titulaire fictif,2024-01-01,,source fictive,\n');
    expect(mine(validateAll(roots).issues).some((l) => l.includes("titulaire de l'opérateur régional"))).toBe(false);
  });

  it('<Category /> accepts a category of a reference list or of the report, and names the valid ones otherwise', () => {
    const text = readFileSync(chapter(), 'utf8');
    writeFileSync(
      chapter(),
      `${text}\nLes <Category dimension="age" code="45-plus" />, le <Category dimension="certification" code={7} lowercase />, le <Category dimension="initial-education" code="niveau-fictif-plus" lowercase />.\n` +
        `<Category dimension="agee" code="45-plus" />\n<Category dimension="age" code="45-ou-plus" />\n`,
    );
    const lines = text.split('\n').length;
    const errors = validateAll(roots).issues.filter((i) => i.severity === 'error').map(formatIssue);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      new RegExp(`^${shown(chapter())}:${lines + 2}:1: <Category dimension="agee" code="45-plus">: dimension « agee » inconnue dans bretagne/2024 : attendu sex, age, pcs, certification, sector, operator, initial-education \\(data/reference/dimensions\\.csv et le jeu de données categories du rapport\\)$`),
    );
    expect(errors[1]).toMatch(new RegExp(`^${shown(chapter())}:${lines + 3}:1: <Category dimension="age" code="45-ou-plus">: code « 45-ou-plus » inconnu pour la dimension « age » : attendu moins-26 \\(Moins de 26 ans\\), .*45-plus \\(45 ans ou plus\\)`));
  });
});
