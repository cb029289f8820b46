import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectData } from '../../src/data/catalog.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { kinds } from '../../src/data/kinds.ts';
import { copyOfData, shown } from '../helpers/data-copy.ts';
import { FIXTURE } from '../helpers/fixtures.ts';

// A small beneficiary profile added to a copy of the fixture package (test/helpers/fixtures.ts),
// with one category list of its own: each test breaks one thing. Columns: territory 1, year 2,
// population 3, operator 4, dimension 5, category 6, count 7, share 8.
const EDITION = `reports/${FIXTURE.id}/v1`;
const PACKAGE = `${EDITION}/datapackage.json`;
const PROFILE = 'territory,year,population,operator,dimension,category,count,share';

function withProfile(rows: string[], categories = ['status,cdi,CDI,']) {
  const data = copyOfData();
  const dir = path.join(data.dir, EDITION);
  data.write(`${EDITION}/test_profile.csv`, `${PROFILE}\n${rows.join('\n')}\n`);
  data.write(`${EDITION}/test_categories.csv`, `dimension,code,label,parent\n${categories.join('\n')}\n`);
  const resource = (name: string, kind: keyof typeof kinds) => ({
    name,
    title: name,
    path: `${name}.csv`,
    sources: [{ title: 'test' }],
    cep: { kind, unit: '%', champ: 'test' },
    schema: { fields: kinds[kind].fields, primaryKey: kinds[kind].primaryKey, ...(kinds[kind].foreignKeys.length ? { foreignKeys: kinds[kind].foreignKeys } : {}) },
  });
  data.editJson(PACKAGE, (pkg) => {
    pkg.resources.push(resource('test_profile', 'beneficiary-profile'), resource('test_categories', 'categories'));
  });
  const { catalog, issues } = inspectData(data.dir, data.content);
  const csv = shown(path.join(dir, 'test_profile.csv'));
  return { catalog, csv, errors: issues.filter((i) => i.severity === 'error').map(formatIssue) };
}

describe('beneficiary profiles', () => {
  it('take categories from the reference list of their dimension, or from the report’s own list', () => {
    const { errors, catalog } = withProfile(['32,2023,cep-entries,apec,sex,F,,56', '32,2023,cep-entries,apec,age,30-44,,39.9', '32,2023,cep-entries,apec,status,cdi,120,']);
    expect(errors).toEqual([]);
    expect(catalog).toBeDefined();
  });

  it('reject a category that is not in the nomenclature of its dimension', () => {
    const { errors, csv } = withProfile(['32,2023,cep-entries,apec,sex,X,,56']);
    expect(errors).toEqual([`${csv}:2:6: catégorie « X » inconnue pour la dimension « sex » : attendu F, H`]);
  });

  it('reject a dimension that neither the reference nor the report defines', () => {
    const { errors, csv } = withProfile(['32,2023,cep-entries,apec,revenu,bas,,56']);
    expect(errors).toEqual([
      `${csv}:2:5: dimension « revenu » inconnue : attendu une dimension du référentiel dimensions (sex, age, pcs, certification, sector, operator) ou une dimension définie dans la ressource categories du rapport`,
    ]);
  });

  it('reject a row that gives neither a count nor a share', () => {
    const { errors, csv } = withProfile(['32,2023,cep-entries,apec,sex,F,,']);
    expect(errors).toEqual([`${csv}:2:7: ni effectif ni part : une ligne de profil donne au moins l’un des deux`]);
  });

  it('reject an unknown population', () => {
    const { errors, csv } = withProfile(['32,2023,cep-sorties,apec,sex,F,,56']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${csv}:2:3: code « cep-sorties » inconnu pour « population » : attendu un code du référentiel populations \\(cep-entries, `));
  });
});
