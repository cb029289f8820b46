/**
 * npm run add-dataset -- <region> <year> <name> <file.csv>: a table of the report that fits no
 * standard kind becomes a `free` dataset of the edition in preparation. The CSV is copied into
 * the edition folder in the house format, and its resource is appended to datapackage.json (the
 * rest of the file keeps its bytes), with a schema inferred from the file (infer-schema.ts) and
 * `À COMPLÉTER` where only the editor knows the answer: title, unit, champ, sources.
 */
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { applyEdits, modify } from 'jsonc-parser';
import type { ResourceDescriptor } from '../data/descriptors.ts';
import { editionFolder, readLock } from '../data/editions.ts';
import { formatIssue, quote, type DataIssue } from '../data/issues.ts';
import { readJsonFile } from '../data/json-file.ts';
import { displayPath } from '../data/paths.ts';
import { checkRegion, checkYear, defaultRoots, EditorError, lastEdition, MARKER, reportFolders, type Roots } from './editions.ts';
import { readSource } from './import.ts';
import { fieldName, inferTable, type InferredTable } from './infer-schema.ts';

const NAME = /^[a-z][a-z0-9_]*$/;

const TYPE_LABEL = { integer: 'entier', number: 'nombre', string: 'texte', date: 'date', boolean: 'booléen' } as const;

/** The edition a dataset may be added to: the last one, still in preparation. */
function editionInPreparation(slug: string, year: string, roots: Roots): { number: number; dir: string } {
  checkRegion(slug, roots);
  checkYear(year);
  const folders = reportFolders(slug, year, roots);
  const number = lastEdition(slug, year, folders);
  const issues: DataIssue[] = [];
  const lock = readLock(folders.dataYear, issues);
  if (!lock) throw new EditorError('editions.lock.json illisible', issues.map(formatIssue));
  if (editionFolder(number) in lock)
    throw new EditorError(`l'édition v${number} de ${slug}/${year} est publiée et figée : on n'y ajoute plus de jeu de données`, [
      `Ouvrez d'abord une nouvelle édition (npm run new-version -- ${slug} ${year}), puis relancez la commande : le jeu de données ira dans l'édition v${number + 1}.`,
    ]);
  return { number, dir: folders.edition(number).data };
}

function checkName(name: string, resources: ResourceDescriptor[], csv: string, source: string): void {
  if (!NAME.test(name))
    throw new EditorError(`nom ${quote(name)} invalide : attendu des lettres minuscules sans accent, des chiffres et des _, en commençant par une lettre`, [
      `Par exemple : ${fieldName(name, 1)}`,
    ]);
  if (resources.some((r) => r.name === name))
    throw new EditorError(`le jeu de données ${quote(name)} existe déjà dans cette édition`, [
      'Choisissez un autre nom, ou retirez d\u2019abord l\u2019ancienne ressource (CONTRIBUTING.md, « Ajouter, renommer ou retirer un jeu de données »).',
    ]);
  // The editor may have put the file in the folder already: it is then converted in place.
  if (existsSync(csv) && realpathSync(csv) !== realpathSync(source))
    throw new EditorError(`le fichier ${displayPath(csv)} existe déjà alors qu'aucune ressource ${quote(name)} ne le déclare`, [
      'Retirez-le ou donnez-le comme fichier à ajouter, ou choisissez un autre nom.',
    ]);
}

function resourceFor(name: string, table: InferredTable): ResourceDescriptor & Record<string, unknown> {
  return {
    name,
    title: `${MARKER} : titre du tableau, tel que le rapport l’imprime`,
    path: `${name}.csv`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    sources: [{ title: `${MARKER} : source citée sous le tableau` }],
    cep: {
      kind: 'free',
      unit: `${MARKER} : ce que comptent les chiffres, au pluriel (ex. « lieux d’accueil »)`,
      champ: `${MARKER} : champ tel que le rapport l’écrit sous le tableau`,
    },
    schema: { fields: table.columns.map((c) => c.field), ...(table.foreignKeys.length ? { foreignKeys: table.foreignKeys } : {}) },
  };
}

/** Appends the resource to datapackage.json: the existing text keeps its lines and key order. */
function appendResource(file: string, resource: ResourceDescriptor): void {
  const text = readFileSync(file, 'utf8');
  const edits = modify(text, ['resources', -1], resource, {
    formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
    isArrayInsertion: true,
  });
  writeFileSync(file, applyEdits(text, edits));
}

/** Adds the dataset; returns what to tell the editor. */
export function addDataset(slug: string, year: string, name: string, sourcePath: string, roots: Roots = defaultRoots()): string[] {
  const edition = editionInPreparation(slug, year, roots);
  const packageFile = path.join(edition.dir, 'datapackage.json');
  const issues: DataIssue[] = [];
  const json = readJsonFile(packageFile, issues);
  const resources = (json?.value as { resources?: ResourceDescriptor[] } | undefined)?.resources;
  if (!json || !Array.isArray(resources))
    throw new EditorError(`${displayPath(packageFile)} illisible : corrigez-le d'abord (npm run validate dit où)`, issues.map(formatIssue));
  const source = path.resolve(sourcePath);
  if (!existsSync(source)) throw new EditorError(`fichier ${quote(sourcePath)} introuvable`, ['Donnez le chemin du CSV enregistré depuis le tableur.']);
  const csv = path.join(edition.dir, `${name}.csv`);
  checkName(name, resources, csv, source);

  const read = readSource(readFileSync(source), displayPath(source));
  if (!read.source) throw new EditorError(`le fichier ${displayPath(source)} n'a pas pu être lu`, read.problems.map(formatIssue));
  const table = inferTable(read.source);
  const header = table.columns.map((c) => c.field.name);
  writeFileSync(csv, stringify([header, ...table.rows], { record_delimiter: '\n' }));
  appendResource(packageFile, resourceFor(name, table));
  return report(slug, year, edition.number, name, { csv, packageFile, table, from: read.source });
}

function report(
  slug: string,
  year: string,
  number: number,
  name: string,
  { csv, packageFile, table, from }: { csv: string; packageFile: string; table: InferredTable; from: NonNullable<ReturnType<typeof readSource>['source']> },
): string[] {
  const original = [from.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252', `séparateur ${from.delimiter === '\t' ? 'tabulation' : quote(from.delimiter)}`];
  const skipped = from.skipped.map((s) => `  ligne ${s.line} laissée de côté (${s.why}) : ${quote(s.text)}`);
  return [
    `Jeu de données ${quote(name)} ajouté à l'édition v${number} de ${slug}/${year} (type free, ${table.rows.length} ligne(s)) :`,
    `  ${displayPath(csv)} (converti en UTF-8, virgules et point décimal ; l'original : ${original.join(', ')})`,
    `  ${displayPath(packageFile)} (ressource ${quote(name)} ajoutée à la fin de "resources")`,
    ...skipped,
    'Colonnes lues :',
    ...table.columns.map((c) => `  ${c.field.name} : ${TYPE_LABEL[c.field.type]}${c.percent ? ' (en %)' : ''}${c.heading !== c.field.name ? `, colonne ${quote(c.heading)}` : ''}`),
    ...(table.foreignKeys.length ? [`Codes vérifiés dans les référentiels : ${table.foreignKeys.map((fk) => `${fk.fields[0]} → ${fk.reference.resource}`).join(', ')}`] : []),
    '',
    'Ensuite :',
    `  1. dans datapackage.json, remplacez les « ${MARKER} » de la ressource ${quote(name)} : title, sources, cep.unit, cep.champ (et l'intitulé des colonnes qui en ont un) ;`,
    '  2. vérifiez le type de chaque colonne ; ajoutez si besoin une clé ("primaryKey"), des notes (cep.notes) et des règles de cohérence (CONTRIBUTING.md, étape 7) ;',
    `  3. montrez-le dans un chapitre : <DataTable dataset="${name}" /> ;`,
    '  4. npm run validate liste ce qui reste à compléter.',
  ];
}
