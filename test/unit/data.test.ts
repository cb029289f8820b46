import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReport, inspectData } from '../../src/data/catalog.ts';
import { operatorName } from '../../src/data/labels.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { copyOfData, shown } from '../helpers/data-copy.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

// The first edition of the fixture report (test/helpers/fixtures.ts) is the one the tests break.
// cep_entries.csv: header on line 1, France métropolitaine on lines 2–7, the region (32) on 8–13
// (apec 8, cap-emploi 9, operateur-regional 10, missions-locales 11, france-travail 12, ensemble 13);
// columns territory 1, year 2, operator 3, entries 4, share_published 5, reported_gap 6.
const EDITION = `reports/${FIXTURE.id}/v1`;
const ENTRIES = `${EDITION}/cep_entries.csv`;
const PACKAGE = `${EDITION}/datapackage.json`;
const HEADER = 'territory,year,operator,entries,share_published,reported_gap';

function errorsOf(data: { dir: string; content: string }): string[] {
  const { catalog, issues } = inspectData(data.dir, data.content);
  expect(catalog).toBeUndefined();
  return issues.filter((i) => i.severity === 'error').map(formatIssue);
}

describe('shipped data', () => {
  const { catalog, issues } = inspectData();

  it('loads with no error', () => {
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(catalog).toBeDefined();
  });

  it('loads every edition, v1 to the latest, the older ones released, and shows the latest as the report', () => {
    const ids = [...new Set(catalog!.editions.map((e) => e.id))];
    expect(catalog!.reports.map((r) => r.id)).toEqual(ids);
    for (const id of ids) {
      const editions = catalog!.editions.filter((e) => e.id === id);
      expect(editions.map((e) => e.edition.number)).toEqual(editions.map((_, i) => i + 1));
      expect(editions.map((e) => e.editionId)).toEqual(editions.map((_, i) => `${id}/v${i + 1}`));
      expect(editions.map((e) => e.edition.latest)).toEqual(editions.map((_, i) => i === editions.length - 1));
      for (const e of editions.slice(0, -1)) expect(e.edition.released, e.editionId).toBe(true);
      for (const e of editions.filter((x) => x.edition.released)) expect(e.edition.date, e.editionId).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(findReport(catalog!, id)).toBe(editions.at(-1));
      expect(findReport(catalog!, `${id}/v1`)).toBe(editions[0]);
    }
  });
});

describe('the fixture data', () => {
  const roots = fixtureRoots();
  const { catalog, issues } = inspectData(roots.data, roots.content);

  it('loads with no error, both editions of the fixture report', () => {
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(catalog!.editions.filter((e) => e.id === FIXTURE.id).map((e) => e.editionId)).toEqual([`${FIXTURE.id}/v1`, `${FIXTURE.id}/v2`]);
  });

  it('types every cell from the Table Schema', () => {
    const table = findReport(catalog!, FIXTURE.id).resources.get('cep_entries')!.table;
    expect(table.rows).toHaveLength(12);
    expect(table.rows.find((r) => r.territory === FIXTURE.code && r.operator === 'missions-locales')).toEqual({
      territory: FIXTURE.code,
      year: 2023,
      operator: 'missions-locales',
      entries: 4000,
      share_published: 13.3,
      reported_gap: null,
    });
    expect(table.rows.find((r) => r.territory === 'FRM' && r.operator === 'cap-emploi')?.reported_gap).toBe(2000);
  });

  it('finds an edition by its id, the report by its latest', () => {
    const first = findReport(catalog!, `${FIXTURE.id}/v1`);
    expect(first.editionId).toBe(`${FIXTURE.id}/v1`);
    expect(first.edition).toMatchObject({ number: 1, released: true, latest: false });
    expect(findReport(catalog!, FIXTURE.id).edition).toMatchObject({ number: 2, latest: true });
  });

  it('takes the region and year from the folder and names operators as in force that year', () => {
    const report = findReport(catalog!, FIXTURE.id);
    expect(report.region).toMatchObject({ code: FIXTURE.code, label: FIXTURE.label });
    expect(report.year).toBe(FIXTURE.year);
    expect(operatorName(catalog!, report, 'france-travail')).toBe('Pôle emploi');
    expect(operatorName(catalog!, { ...report, year: 2024 }, 'france-travail')).toBe('France Travail');
  });
});

describe('bad cells are located for the editor', () => {
  it('a count written with a thousands space', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('32,2023,missions-locales,4000,', '32,2023,missions-locales,4 000,'));
    expect(errorsOf(data)).toEqual([
      `${shown(file)}:11:4: valeur « 4 000 » invalide pour « entries » : attendu un entier écrit avec des chiffres seuls (ex. 12479), sans espace ni séparateur de milliers ; si le fichier groupe les milliers, déclarez "groupChar": " " sur le champ`,
    ]);
  });

  it('a missing column', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace(HEADER, 'territory,year,operator,share_published,reported_gap').replace(/^(\w+,\d+,[\w-]+),\d+,/gm, '$1,'));
    expect(errorsOf(data)).toEqual([`${shown(file)}:1:4: colonne manquante « entries » : en-tête attendu ${HEADER}`]);
  });

  it('an unknown column', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace(HEADER, HEADER.replace('entries', 'entrees')));
    expect(errorsOf(data)).toEqual([
      `${shown(file)}:1:4: colonne inconnue « entrees » : en-tête attendu ${HEADER}`,
      `${shown(file)}:1:4: colonne manquante « entries » : en-tête attendu ${HEADER}`,
    ]);
  });

  it('an unknown operator code', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('32,2023,france-travail,', '32,2023,pole-emploi,'));
    expect(errorsOf(data)).toEqual([
      `${shown(file)}:12:3: code « pole-emploi » inconnu pour « operator » : attendu un code du référentiel operators (apec, cap-emploi, missions-locales, france-travail, operateur-regional, ensemble)`,
    ]);
  });

  it('a negative count and a share over 100 on the same line', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('32,2023,apec,1000,3.3,', '32,2023,apec,-1000,230,'));
    expect(errorsOf(data)).toEqual([
      `${shown(file)}:8:4: « entries » : valeur « -1000 » trop petite : minimum 0`,
      `${shown(file)}:8:5: « share_published » : valeur « 230 » trop grande : maximum 100`,
    ]);
  });

  it('a required value left empty', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('32,2023,apec,', ',2023,apec,'));
    expect(errorsOf(data)).toEqual([`${shown(file)}:8:1: « territory » : valeur obligatoire manquante`]);
  });

  it('a duplicated key', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('32,2023,cap-emploi,2000', '32,2023,apec,2000'));
    expect(errorsOf(data)).toEqual([`${shown(file)}:9:1: clé en double (territory=32, year=2023, operator=apec) : déjà présente ligne 8`]);
  });

  it('a decimal comma that the descriptor does not declare', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('32,2023,apec,1000,3.3,', '32,2023,apec,1000,"3,3",'));
    expect(errorsOf(data)).toEqual([
      `${shown(file)}:8:5: valeur « 3,3 » invalide pour « share_published » : attendu un nombre avec un point décimal (ex. 80.9) ; si le fichier vient d'un tableur français, déclarez "decimalChar": "," sur le champ`,
    ]);
  });

  it('a row with a missing cell', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('32,2023,apec,1000,3.3,\n', '32,2023,apec,1000\n'));
    expect(errorsOf(data)).toEqual([`${shown(file)}:8:5: la ligne a 4 cellule(s), l'en-tête en a 6`]);
  });

  it('a label that a spreadsheet would run as a formula', () => {
    const data = copyOfData();
    const file = data.edit('reference/sexes.csv', (t) => t.replace('F,Femmes', 'F,=SOMME(A1:A3)'));
    expect(errorsOf(data)).toEqual([
      `${shown(file)}:2:2: « label » : valeur « =SOMME(A1:A3) » commence par « = » : un texte ne peut pas commencer par = + - @ (il serait lu comme une formule par les tableurs) ; reformulez-le pour qu'il commence par une lettre ou un chiffre (ex. « moins de 25 ans » plutôt que « -25 ans »)`,
    ]);
  });

  it('a date that does not exist', () => {
    const data = copyOfData();
    const file = data.edit('reference/operators.csv', (t) => t.replace('2024-01-01', '2024-02-30'));
    expect(errorsOf(data)).toEqual([`${shown(file)}:6:3: valeur « 2024-02-30 » invalide pour « valid_from » : attendu une date AAAA-MM-JJ (ex. 2024-01-01)`]);
  });
});

describe('files from French spreadsheets', () => {
  // The entries as French Excel writes them: `;`, decimal comma, Windows-1252.
  const excel = (t: string) => t.replaceAll(',', ';').replace(/(\d)\.(\d)/g, '$1,$2');

  it('are read when the descriptor declares their dialect, encoding and decimal mark', () => {
    const data = copyOfData();
    data.write(ENTRIES, Buffer.from(excel(`${HEADER}\nFRM,2023,apec,100000,5.0,\n`), 'latin1'));
    const territories = path.join(data.dir, 'reference/territories.csv');
    data.write('reference/territories.csv', Buffer.from(readFileSync(territories, 'utf8').replaceAll(',', ';'), 'latin1'));
    data.editJson(PACKAGE, (pkg) => {
      const r = pkg.resources[0];
      r.dialect = { delimiter: ';' };
      r.encoding = 'windows-1252';
      r.schema.fields.find((f: { name: string }) => f.name === 'share_published').decimalChar = ',';
      pkg.resources = [r];
      delete pkg.cep;
    });
    data.editJson('reference/datapackage.json', (pkg) => {
      const r = pkg.resources.find((x: { name: string }) => x.name === 'territories');
      r.dialect = { delimiter: ';' };
      r.encoding = 'windows-1252';
    });
    const { catalog, issues } = inspectData(data.dir, data.content);
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(catalog!.territories.get('FRM')?.label).toBe('France métropolitaine');
    expect(findReport(catalog!, `${FIXTURE.id}/v1`).resources.get('cep_entries')!.table.rows).toEqual([
      { territory: 'FRM', year: 2023, operator: 'apec', entries: 100000, share_published: 5, reported_gap: null },
    ]);
  });

  it('with thousands grouped by a (no-break) space when groupChar is declared', () => {
    const data = copyOfData();
    data.edit(ENTRIES, (t) => t.replace('FRM,2023,france-travail,1400000,', 'FRM,2023,france-travail,"1\u00a0400\u00a0000",').replace('32,2023,france-travail,20000,', '32,2023,france-travail,20 000,'));
    data.editJson(PACKAGE, (pkg) => {
      pkg.resources[0].schema.fields.find((f: { name: string }) => f.name === 'entries').groupChar = ' ';
    });
    const { catalog } = inspectData(data.dir, data.content);
    const rows = findReport(catalog!, `${FIXTURE.id}/v1`).resources.get('cep_entries')!.table.rows;
    expect(rows.filter((r) => r.operator === 'france-travail').map((r) => r.entries)).toEqual([1400000, 20000]);
  });

  it('are rejected with the fix when the separator is not declared', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, excel);
    expect(errorsOf(data)).toEqual([
      `${shown(file)}:1:1: séparateur « ; » trouvé alors que « , » est attendu : déclarez "dialect": { "delimiter": ";" } dans la ressource, ou enregistrez le fichier avec des virgules`,
    ]);
  });

  it('are rejected with the fix when saved in Windows-1252 without saying so', () => {
    const data = copyOfData();
    const file = data.write('reference/territories.csv', Buffer.from('code,label,slug,level\nFRM,France m\xe9tropolitaine,france-metropolitaine,national\n', 'latin1'));
    expect(errorsOf(data)[0]).toBe(
      `${shown(file)}:2:1: le fichier n'est pas encodé en UTF-8 (caractères accentués illisibles) : depuis Excel, enregistrez-le au format « CSV UTF-8 », ou déclarez "encoding": "windows-1252" dans la ressource`,
    );
  });

  it('are read with a UTF-8 byte order mark', () => {
    const data = copyOfData();
    data.edit(ENTRIES, (t) => `\ufeff${t}`);
    expect(inspectData(data.dir, data.content).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('bad descriptors are located for the editor', () => {
  it('a descriptor that is not valid JSON', () => {
    const data = copyOfData();
    const file = data.edit(PACKAGE, (t) => t.replace('"name": "cep-fixture-hauts-de-france-2023",', '"name": "cep-fixture-hauts-de-france-2023"'));
    expect(errorsOf(data)).toEqual([
      `${shown(file)}:4:3: JSON invalide : virgule attendue ; vérifiez les virgules, guillemets et accolades autour de cette position`,
    ]);
  });

  it('a field type the Table Schema does not define', () => {
    const data = copyOfData();
    const file = data.edit(PACKAGE, (t) => t.replace(/("name": "entries",\s*"title": "[^"]*",\s*"type": )"integer"/, '$1"entier"'));
    const errors = errorsOf(data);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${shown(file)}:\\d+:\\d+: descripteur : « /resources/0/schema/fields/3/type » : valeur attendue parmi : string, integer, number, date, boolean$`));
  });

  it('a standard dataset without the columns of its kind', () => {
    const data = copyOfData();
    const file = data.editJson(PACKAGE, (pkg) => {
      pkg.resources[0].schema.fields[3].type = 'number';
    });
    const errors = errorsOf(data);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(`^${shown(file)}:\\d+:\\d+: ressource « cep_entries » : champs attendus pour le type « cep-entries-by-operator » : territory \\(string\\), year \\(integer\\), operator \\(string\\), entries \\(integer\\), .* ; trouvés : territory \\(string\\), year \\(integer\\), operator \\(string\\), entries \\(number\\), `),
    );
  });

  it('a report folder that does not match its region', () => {
    const data = copyOfData();
    const file = data.edit(`${EDITION}/report.json`, (t) => t.replace('"region": "32"', '"region": "53"'));
    expect(errorsOf(data)).toEqual([
      `${shown(file)}:2:13: le dossier « hauts-de-france » ne correspond pas à la région 53 (Bretagne) : dossier attendu « bretagne »`,
    ]);
  });

  it('a foreign key to a list that does not exist', () => {
    const data = copyOfData();
    const file = data.editJson(PACKAGE, (pkg) => {
      pkg.resources[0].schema.foreignKeys.push({ fields: ['operator'], reference: { resource: 'operateurs', fields: ['code'] } });
    });
    const errors = errorsOf(data);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${shown(file)}:\\d+:\\d+: clé étrangère vers « operateurs » : ressource inconnue, attendu une ressource du paquet ou un référentiel de data/reference \\(territories, operators, `));
  });
});
