import { describe, expect, it } from 'vitest';
import { findReport, inspectData } from '../../src/data/catalog.ts';
import { formatIssue } from '../../src/data/issues.ts';
import type { Rule } from '../../src/data/rules-schema.ts';
import { copyOfData, shown } from '../helpers/data-copy.ts';
import { FIXTURE } from '../helpers/fixtures.ts';

// Rules evaluated on the entries of the fixture report alone (test/helpers/fixtures.ts;
// cep_entries.csv: France métropolitaine on lines 2–7, the region on lines 8–13, apec 8 …
// france-travail 12, ensemble 13; entries in column 4, share_published in column 5), in its first edition.
const EDITION = `reports/${FIXTURE.id}/v1`;
const ENTRIES = `${EDITION}/cep_entries.csv`;
const PACKAGE = `${EDITION}/datapackage.json`;

const entries = (where: Record<string, unknown>, field: string | string[] = 'entries') => ({ resource: 'cep_entries', where, field });
const totalRule = {
  id: 'entries-total',
  type: 'sum',
  description: 'Le total égale la somme des opérateurs',
  forEach: { resource: 'cep_entries', fields: ['territory'] },
  value: entries({ territory: '$territory', operator: 'ensemble' }),
  parts: entries({ territory: '$territory', operator: { not: 'ensemble' } }),
} as unknown as Rule;
const shareRule = {
  id: 'share-published',
  type: 'ratio',
  description: 'La part publiée égale les entrées de l’opérateur rapportées au total',
  forEach: { resource: 'cep_entries', fields: ['territory', 'operator'] },
  value: entries({ territory: '$territory', operator: { in: ['$operator'] } }, 'share_published'),
  numerator: entries({ territory: '$territory', operator: '$operator' }),
  denominator: entries({ territory: '$territory', operator: 'ensemble' }),
  scale: 100,
  decimals: 1,
} as unknown as Rule;

function withRules(rules: unknown[], change?: (text: string) => string) {
  const data = copyOfData();
  const pkgFile = data.editJson(PACKAGE, (pkg) => {
    pkg.resources = pkg.resources.filter((r: { name: string }) => r.name === 'cep_entries');
    pkg.cep = { rules };
  });
  const csv = change ? data.edit(ENTRIES, change) : `${data.dir}/${ENTRIES}`;
  const result = inspectData(data.dir, data.content);
  const mine = (severity: string) =>
    result.issues.filter((i) => i.severity === severity && i.file.startsWith(shown(`${data.dir}/${EDITION}/`))).map(formatIssue);
  return { ...result, errors: mine('error'), warnings: mine('warning'), csv: shown(csv), pkgFile: shown(pkgFile) };
}

describe('consistency rules', () => {
  it('hold on the fixture figures: totals, published shares, shares summing to 100', () => {
    const shares = { id: 'shares', type: 'shares-100', description: 'Les parts publiées totalisent 100 %', forEach: { resource: 'cep_entries', fields: ['territory'] }, parts: entries({ territory: '$territory', operator: { not: 'ensemble' } }, 'share_published') };
    const { errors, warnings, catalog } = withRules([totalRule, shareRule, shares]);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(catalog).toBeDefined();
  });

  it('a total that is not the sum of its parts is an error at the total cell', () => {
    const { errors, csv } = withRules([totalRule], (t) => t.replace('32,2023,ensemble,30000', '32,2023,ensemble,30001'));
    expect(errors).toEqual([
      `${csv}:13:4: règle « entries-total » [territory=32] (Le total égale la somme des opérateurs) : 30001 publié, somme des parties 30000 (écart 1)`,
    ]);
  });

  it('a published share that does not match the counts is an error', () => {
    const { errors, csv } = withRules([shareRule], (t) => t.replace('32,2023,france-travail,20000,66.7', '32,2023,france-travail,20000,67.7'));
    expect(errors).toEqual([
      `${csv}:12:5: règle « share-published » [territory=32, operator=france-travail] (La part publiée égale les entrées de l’opérateur rapportées au total) : 67.7 publié, 20000 / 30000 × 100 = 66.667, soit 66.7 arrondi`,
    ]);
  });

  it('a known discrepancy is a warning with its explanation, kept for readers', () => {
    const rule = { ...totalRule, knownDiscrepancy: 'Le rapport imprime ce total.' };
    const { errors, warnings, catalog, csv } = withRules([rule], (t) => t.replace('32,2023,ensemble,30000', '32,2023,ensemble,30001'));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      `${csv}:13:4: avertissement : règle « entries-total » [territory=32] (Le total égale la somme des opérateurs) : 30001 publié, somme des parties 30000 (écart 1) — écart connu : Le rapport imprime ce total.`,
    ]);
    expect(findReport(catalog!, `${FIXTURE.id}/v1`).discrepancies).toEqual([
      {
        rule: 'entries-total',
        description: 'Le total égale la somme des opérateurs',
        explanation: 'Le rapport imprime ce total.',
        resources: ['cep_entries'],
        findings: ['30001 publié, somme des parties 30000 (écart 1) [territory=32]'],
        cells: [13, 8, 9, 10, 11, 12].map((line) => ({ file: csv, line })),
      },
    ]);
  });

  it('a known-discrepancy annotation on a rule that holds is an error', () => {
    const { errors, pkgFile } = withRules([{ ...totalRule, knownDiscrepancy: 'Ancien écart.' }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${pkgFile}:\\d+:\\d+: règle « entries-total » : vérifiée sur toutes les données, l'annotation knownDiscrepancy n'a plus lieu d'être$`));
  });

  it('the same quantity in two places must agree', () => {
    const rule = { id: 'same', type: 'equal', description: 'Même total', value: entries({ territory: FIXTURE.code, operator: 'ensemble' }), other: entries({ territory: 'FRM', operator: 'ensemble' }) };
    const { errors, csv } = withRules([rule]);
    expect(errors).toEqual([`${csv}:13:4: règle « same » (Même total) : 30000 ici, 2000000 dans « cep_entries » (${csv}:7) (écart -1970000)`]);
  });

  it('sums several fields of the selected rows', () => {
    const rule = { id: 'gaps', type: 'sum', description: 'Somme de deux colonnes', value: entries({ territory: 'FRM', operator: 'cap-emploi' }), parts: entries({ territory: 'FRM', operator: 'cap-emploi' }, ['share_published', 'reported_gap']) };
    const { errors, csv } = withRules([rule]);
    expect(errors).toEqual([`${csv}:3:4: règle « gaps » (Somme de deux colonnes) : 100000 publié, somme des parties 2005 (écart 97995)`]);
  });

  it('is not checked where a value it needs is missing', () => {
    const rule = { id: 'gap', type: 'equal', description: 'Écart', value: entries({ territory: 'FRM', operator: 'apec' }, 'reported_gap'), other: entries({ territory: 'FRM', operator: 'cap-emploi' }, 'reported_gap') };
    expect(withRules([rule]).errors).toEqual([]);
  });

  it('names an unknown resource or field, and a selection that is not one cell', () => {
    const unknown = { id: 'bad', type: 'equal', description: 'x', value: { resource: 'entrees', field: 'entries' }, other: entries({}, 'entres') };
    const many = { id: 'many', type: 'equal', description: 'x', value: entries({ territory: FIXTURE.code }), other: entries({ territory: FIXTURE.code, operator: 'apec' }) };
    const { errors, pkgFile } = withRules([unknown, many]);
    expect(errors.map((e) => e.replace(/^.*?:\d+:\d+: /, ''))).toEqual([
      'règle « bad » : ressource « entrees » inconnue dans ce paquet',
      'règle « bad » : champ « entres » inconnu dans « cep_entries » : attendu territory, year, operator, entries, share_published, reported_gap',
      'règle « many » : la sélection « value » désigne 6 cellule(s) dans « cep_entries », une seule attendue',
    ]);
    expect(errors.every((e) => e.startsWith(`${pkgFile}:`))).toBe(true);
  });

  it('rejects a rule of an unknown type or without its selectors', () => {
    const { errors } = withRules([{ id: 'x', type: 'average', description: 'x' }, { id: 'y', type: 'sum', description: 'y', value: entries({}) }]);
    expect(errors.map((e) => e.replace(/^.*?:\d+:\d+: /, ''))).toEqual([
      'descripteur : « /cep/rules/0/type » : valeur attendue parmi : sum, equal, ratio, shares-100',
      'descripteur : « /cep/rules/1 » : propriété obligatoire « parts » manquante',
    ]);
  });
});
