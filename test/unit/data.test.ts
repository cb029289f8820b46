import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReport, inspectData, operatorLabel } from '../../src/data/catalog.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { copyOfData, shown } from '../helpers/data-copy.ts';

const ENTRIES = 'reports/normandie/2023/cep_entries.csv';
const PACKAGE = 'reports/normandie/2023/datapackage.json';

function errorsOf(dir: string): string[] {
  const { catalog, issues } = inspectData(dir);
  expect(catalog).toBeUndefined();
  return issues.filter((i) => i.severity === 'error').map(formatIssue);
}

describe('shipped data', () => {
  const { catalog, issues } = inspectData();

  it('loads with no issue', () => {
    expect(issues.map(formatIssue)).toEqual([]);
    expect(catalog?.reports.map((r) => r.id)).toEqual(['normandie/2023']);
  });

  it('types every cell from the Table Schema', () => {
    const report = findReport(catalog!, 'normandie/2023');
    const table = report.resources.get('cep_entries')!.table;
    expect(table.rows).toHaveLength(10);
    expect(table.rows.find((r) => r.territory === '28' && r.operator === 'missions-locales')).toEqual({
      territory: '28',
      operator: 'missions-locales',
      entries: 12479,
      share_published: 8.4,
      reported_gap: null,
    });
    expect(table.rows.find((r) => r.territory === 'FRM' && r.operator === 'cap-emploi')?.reported_gap).toBe(2181);
  });

  it('takes the region and year from the folder and names operators as in force that year', () => {
    const report = findReport(catalog!, 'normandie/2023');
    expect(report.region).toMatchObject({ code: '28', label: 'Normandie' });
    expect(report.year).toBe(2023);
    expect(operatorLabel(catalog!, 'france-travail', 2023)).toBe('Pôle emploi');
    expect(operatorLabel(catalog!, 'france-travail', 2024)).toBe('France Travail');
  });
});

describe('bad data is located for the editor', () => {
  it('a count written with a thousands space', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('28,missions-locales,12479,', '28,missions-locales,12 479,'));
    expect(errorsOf(data.dir)).toEqual([
      `${shown(file)}:10:3: valeur « 12 479 » invalide pour « entries » : attendu un entier écrit avec des chiffres seuls (ex. 12479), sans espace ni séparateur de milliers`,
    ]);
  });

  it('a missing column', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('territory,operator,entries,share_published,reported_gap', 'territory,operator,share_published,reported_gap').replace(/^(\w+,[\w-]+),\d+,/gm, '$1,'));
    expect(errorsOf(data.dir)).toEqual([
      `${shown(file)}:1:3: colonne manquante « entries » : en-tête attendu territory,operator,entries,share_published,reported_gap`,
    ]);
  });

  it('an unknown operator code', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('28,france-travail,', '28,pole-emploi,'));
    expect(errorsOf(data.dir)).toEqual([
      `${shown(file)}:11:2: code « pole-emploi » inconnu pour « operator » : attendu un code du référentiel operators (apec, cap-emploi, missions-locales, france-travail, operateur-regional)`,
    ]);
  });

  it('an unknown territory, a negative count and a share over 100 on the same line', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('28,apec,3447,2.3,', '28,apec,-3447,230,'));
    expect(errorsOf(data.dir)).toEqual([
      `${shown(file)}:7:3: « entries » : valeur « -3447 » trop petite : minimum 0`,
      `${shown(file)}:7:4: « share_published » : valeur « 230 » trop grande : maximum 100`,
    ]);
  });

  it('a duplicated key', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('28,cap-emploi,4576', '28,apec,4576'));
    expect(errorsOf(data.dir)).toEqual([`${shown(file)}:8:1: clé en double (territory=28, operator=apec) : déjà présente ligne 7`]);
  });

  it('a decimal comma where a point is expected', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('28,apec,3447,2.3,', '28,apec,3447,"2,3",'));
    expect(errorsOf(data.dir)).toEqual([
      `${shown(file)}:7:4: valeur « 2,3 » invalide pour « share_published » : attendu un nombre avec un point décimal (ex. 80.9), sans espace ni séparateur de milliers`,
    ]);
  });

  it('a row with a missing cell', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replace('28,apec,3447,2.3,\n', '28,apec,3447\n'));
    expect(errorsOf(data.dir)).toEqual([`${shown(file)}:7:4: la ligne a 3 cellule(s), l'en-tête en a 5`]);
  });

  it('a file saved from Excel in Windows-1252', () => {
    const data = copyOfData();
    const file = path.join(data.dir, 'reference/territories.csv');
    writeFileSync(file, Buffer.from('code,label,slug,level\nFRM,France m\xe9tropolitaine,france-metropolitaine,national\n', 'latin1'));
    expect(errorsOf(data.dir)[0]).toBe(
      `${shown(file)}:2:1: le fichier n'est pas encodé en UTF-8 (caractères accentués illisibles) : depuis Excel, enregistrez-le au format « CSV UTF-8 »`,
    );
  });

  it('a semicolon-separated file', () => {
    const data = copyOfData();
    const file = data.edit(ENTRIES, (t) => t.replaceAll(',', ';'));
    expect(errorsOf(data.dir)).toEqual([
      `${shown(file)}:1:1: séparateur « ; » trouvé alors que la virgule est attendue : en-tête attendu territory,operator,entries,share_published,reported_gap`,
    ]);
  });

  it('a descriptor that is not valid JSON', () => {
    const data = copyOfData();
    const file = data.edit(PACKAGE, (t) => t.replace('"name": "cep-normandie-2023",', '"name": "cep-normandie-2023"'));
    expect(errorsOf(data.dir)).toEqual([
      `${shown(file)}:4:3: JSON invalide (CommaExpected) : vérifiez les virgules, guillemets et accolades autour de cette position`,
    ]);
  });

  it('a field type the Table Schema does not define', () => {
    const data = copyOfData();
    const file = data.edit(PACKAGE, (t) => t.replace('"name": "entries", "title": "Nouvelles entrées en CEP", "type": "integer"', '"name": "entries", "title": "Nouvelles entrées en CEP", "type": "entier"'));
    expect(errorsOf(data.dir)).toEqual([
      `${shown(file)}:28:77: descripteur : « /resources/0/schema/fields/2/type » : valeur attendue parmi : string, integer, number, date, boolean`,
    ]);
  });

  it('a report folder that does not match its region', () => {
    const data = copyOfData();
    const file = data.edit('reports/normandie/2023/report.json', (t) => t.replace('"region": "28"', '"region": "53"'));
    expect(errorsOf(data.dir)).toEqual([
      `${shown(file)}:2:13: le dossier « normandie » ne correspond pas à la région 53 (Bretagne) : dossier attendu « bretagne »`,
    ]);
  });

  it('a foreign key to a list that does not exist', () => {
    const data = copyOfData();
    const file = data.edit(PACKAGE, (t) => t.replace('"resource": "operators"', '"resource": "operateurs"'));
    expect(errorsOf(data.dir)).toEqual([
      `${shown(file)}:35:64: clé étrangère vers « operateurs » : ressource inconnue, attendu une ressource du paquet ou un référentiel de data/reference (territories, operators)`,
    ]);
  });
});
