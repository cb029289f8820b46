/**
 * Loads everything under data/: the reference lists, then every edition of every report
 * (reports/<region-slug>/<year>/v<N>/), each checked before anything is published, and the
 * released editions against their lock (editions.ts). The path is the identity: a report's
 * region, year and edition number come from its folders, and report.json must agree with them.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  validateDatapackageProfile,
  validateReferencePackage,
  validateReportDescriptor,
  validateReportPackage,
  type PackageDescriptor,
  type ReportDescriptor,
  type ResourceDescriptor,
} from './descriptors.ts';
import { datasetChoices } from './choices.ts';
import { checkOperatorNames } from './names.ts';
import { checkTiles } from './tiles.ts';
import { checkAgainst, readJsonFile, type JsonFile } from './json-file.ts';
import { DataValidationError, quote, type DataIssue } from './issues.ts';
import { contentDir, dataDir, displayPath } from './paths.ts';
import { checkRegularFiles } from './file-kinds.ts';
import { checkFrozen, EDITION_FOLDER, editionNumbers, LOCK_FILE, readLock, REVISIONS_FILE, SNAPSHOT_FILE } from './editions.ts';
import { checkReaderNotes } from './notes-check.ts';
import { checkDescriptorReferences, missingResourceFiles } from './descriptor-check.ts';
import { checkDescriptorTexts } from './text-check.ts';
import { checkKeyFigureBounds, checkKindSchemas, checkProfileCategories } from './kind-check.ts';
import { checkRegionalOperator } from './reference-check.ts';
import { checkRules, type KnownDiscrepancy } from './rules.ts';
import { readTable, type Table } from './table.ts';
import { checkChapterSources } from '../chapters/source-check.ts';

export interface Resource {
  descriptor: ResourceDescriptor;
  table: Table;
}

export interface Territory {
  code: string;
  label: string;
  /** The label as a sentence places it, preposition included: « en Bretagne », « dans les Hauts-de-France », « à La Réunion ». */
  in_label: string;
  slug: string;
  level: 'region' | 'national';
  /** The region's tile on the national map (tiles.ts); null for FR and FRM. */
  tile_label?: string | null;
  tile_col?: number | null;
  tile_row?: number | null;
}

export interface Edition {
  number: number;
  /** Release date (ISO); absent while the edition is being prepared. */
  date?: string;
  changes: string;
  /** Frozen by the lock: its files can no longer change. */
  released: boolean;
  /** The report's last edition, the one its plain URL shows. */
  latest: boolean;
}

export interface Report {
  /** `<region-slug>/<year>`: the report's identity and its URL (of its latest edition). */
  id: string;
  /** `<region-slug>/<year>/v<N>`: this edition, its folders and its permanent URL. */
  editionId: string;
  edition: Edition;
  year: number;
  region: Territory;
  meta: ReportDescriptor;
  package: PackageDescriptor;
  resources: Map<string, Resource>;
  /** Disagreements of the source with itself, declared by its rules: shown to readers. */
  discrepancies: KnownDiscrepancy[];
}

export interface Catalog {
  reference: Map<string, Resource>;
  referencePackage: PackageDescriptor;
  territories: Map<string, Territory>;
  /** The latest edition of each report: what the explorer, the methodology and the home page show. */
  reports: Report[];
  /** Every edition of every report, by report then number. */
  editions: Report[];
}

function loadPackage(
  dir: string,
  isReport: boolean,
  issues: DataIssue[],
  /** An edition in preparation: its datasets may still be empty (header only). */
  inPreparation = false,
): { json: JsonFile; pkg: PackageDescriptor; resources: Map<string, Resource> } | undefined {
  const json = readJsonFile(path.join(dir, 'datapackage.json'), issues);
  if (!json) return undefined;
  // Our schema first: its messages are the clearer ones. The official profile then checks the
  // rest of the standard (its oneOf branches make many messages for one mistake).
  if (!checkAgainst(json, isReport ? validateReportPackage : validateReferencePackage, 'descripteur', issues)) return undefined;
  if (!checkAgainst(json, validateDatapackageProfile, 'Data Package v2', issues)) return undefined;
  const pkg = json.value as PackageDescriptor;
  if (!checkDescriptorReferences(json, pkg, issues)) return undefined;
  if (!checkKindSchemas(json, pkg, issues)) return undefined;
  const missing = missingResourceFiles(json, pkg, issues);
  checkDescriptorTexts(json, pkg, issues);
  const resources = new Map<string, Resource>();
  for (const descriptor of pkg.resources.filter((d) => !missing.has(d.name))) {
    const table = readTable(path.join(dir, descriptor.path), descriptor, issues, { allowEmpty: inPreparation });
    if (table) resources.set(descriptor.name, { descriptor, table });
  }
  return { json, pkg, resources };
}

/** Every foreign key of a package, resolved in the package itself, then in the reference lists. */
function checkForeignKeys(
  json: JsonFile,
  pkg: PackageDescriptor,
  own: Map<string, Resource>,
  reference: Map<string, Resource>,
  issues: DataIssue[],
  /** Names of lists that exist but could not be read: their own errors are already reported. */
  unreadable: Set<string> = new Set(),
): void {
  const declared = new Set(pkg.resources.map((r) => r.name));
  pkg.resources.forEach((descriptor, r) => {
    const source = own.get(descriptor.name);
    (descriptor.schema.foreignKeys ?? []).forEach((fk, k) => {
      const target = own.get(fk.reference.resource) ?? reference.get(fk.reference.resource);
      if (!target && (declared.has(fk.reference.resource) || unreadable.has(fk.reference.resource))) return;
      if (!target) {
        issues.push({
          file: json.file,
          ...json.locate(['resources', r, 'schema', 'foreignKeys', k, 'reference', 'resource']),
          severity: 'error',
          message: `clé étrangère vers ${quote(fk.reference.resource)} : ressource inconnue, attendu une ressource du paquet ou un référentiel de data/reference (${[...reference.keys()].join(', ')})`,
        });
        return;
      }
      if (!source) return;
      const keyOf = (row: Record<string, unknown>, fields: string[]) => JSON.stringify(fields.map((f) => row[f]));
      const known = new Set(target.table.rows.map((row) => keyOf(row, fk.reference.fields)));
      const examples = [...new Set(target.table.rows.map((row) => fk.reference.fields.map((f) => row[f]).join('/')))];
      source.table.rows.forEach((row, i) => {
        if (fk.fields.some((f) => row[f] === null)) return;
        if (known.has(keyOf(row, fk.fields))) return;
        issues.push({
          file: source.table.file,
          line: source.table.lines[i]!,
          column: source.table.columnOf(fk.fields[0]!),
          severity: 'error',
          message: `code ${quote(fk.fields.map((f) => String(row[f])).join('/'))} inconnu pour ${quote(fk.fields.join(', '))} : attendu un code du référentiel ${fk.reference.resource} (${examples.join(', ')})`,
        });
      });
    });
  });
}

/** The folders of a folder, in order; a file there is reported, a hidden one (.DS_Store) ignored. */
function subfolders(dir: string, expected: string, issues: DataIssue[]): string[] {
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
  for (const e of entries.filter((x) => !x.isDirectory()))
    issues.push({ file: displayPath(path.join(dir, e.name)), line: 1, column: 1, severity: 'error', message: `fichier inattendu : ${expected}` });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** Loads and checks all the data; never throws on bad data, returns the issues instead. */
export function inspectData(root: string = dataDir(), chaptersRoot: string = contentDir()): { catalog?: Catalog; issues: DataIssue[] } {
  // A link, a FIFO or a device is refused before anything reads through it.
  const issues: DataIssue[] = checkRegularFiles([root, chaptersRoot]);
  if (issues.length > 0) return { issues };
  const ref = loadPackage(path.join(root, 'reference'), false, issues);
  if (!ref) return { issues };
  checkForeignKeys(ref.json, ref.pkg, ref.resources, new Map(), issues);
  issues.push(...checkOperatorNames(ref.resources));
  issues.push(...checkTiles(ref.resources));
  const unreadable = new Set(ref.pkg.resources.map((r) => r.name).filter((name) => !ref.resources.has(name)));

  const territories = new Map<string, Territory>();
  for (const row of ref.resources.get('territories')?.table.rows ?? []) {
    const t = row as unknown as Territory;
    territories.set(t.code, t);
  }
  const editions: Report[] = [];
  const reportsDir = path.join(root, 'reports');
  // Without a readable list of regions, no report folder can be checked: its own error says why.
  const folders = unreadable.has('territories') ? [] : subfolders(reportsDir, 'data/reports ne contient que des dossiers de région', issues);
  for (const slug of folders) {
    for (const yearDir of subfolders(path.join(reportsDir, slug), "un dossier de région ne contient que des dossiers d'année (AAAA)", issues)) {
      const dir = path.join(reportsDir, slug, yearDir);
      editions.push(...loadEditions(dir, path.join(chaptersRoot, 'reports', slug, yearDir), slug, yearDir, territories, ref.resources, unreadable, issues));
    }
  }
  // Chapters are data too: their front matter and what their MDX may hold (src/chapters/).
  issues.push(...checkChapterSources(chaptersRoot));
  if (issues.some((i) => i.severity === 'error')) return { issues };
  const reports = editions.filter((e) => e.edition.latest);
  return { catalog: { reference: ref.resources, referencePackage: ref.pkg, territories, reports, editions }, issues };
}

/**
 * The editions of one report: v1, v2… with no gap, every one but the last released (frozen by
 * the lock), every released one unchanged since.
 */
function loadEditions(
  yearDir: string,
  chaptersDir: string,
  slug: string,
  year: string,
  territories: Map<string, Territory>,
  reference: Map<string, Resource>,
  unreadable: Set<string>,
  issues: DataIssue[],
): Report[] {
  const lockFile = displayPath(path.join(yearDir, LOCK_FILE));
  const entries = readdirSync(yearDir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
  for (const e of entries)
    if (e.isDirectory() ? !EDITION_FOLDER.test(e.name) : e.name !== LOCK_FILE && e.name !== SNAPSHOT_FILE && e.name !== REVISIONS_FILE)
      issues.push({
        file: displayPath(path.join(yearDir, e.name)),
        line: 1,
        column: 1,
        severity: 'error',
        message: `${e.isDirectory() ? 'dossier' : 'fichier'} inattendu : un dossier d'année ne contient que les dossiers de ses éditions (v1, v2…), ${LOCK_FILE}, ${SNAPSHOT_FILE} et ${REVISIONS_FILE}`,
      });
  const numbers = editionNumbers(yearDir);
  if (numbers.length === 0) {
    issues.push({ file: displayPath(yearDir), line: 1, column: 1, severity: 'error', message: "aucune édition : les fichiers d'un rapport vont dans un dossier v1 (npm run new-report le crée)" });
    return [];
  }
  const lock = readLock(yearDir, issues);
  if (!lock) return [];
  numbers.forEach((n, i) => {
    if (n !== i + 1)
      issues.push({ file: displayPath(path.join(yearDir, `v${n}`)), line: 1, column: 1, severity: 'error', message: `édition v${n} sans édition v${i + 1} : les éditions se suivent à partir de v1` });
  });
  for (const key of Object.keys(lock))
    if (!numbers.includes(Number(key.slice(1))))
      issues.push({ file: lockFile, line: 1, column: 1, severity: 'error', message: `l'édition ${key} est figée mais son dossier ${key}/ a disparu : rétablissez-le (git checkout -- ${displayPath(path.join(yearDir, key))})` });
  const last = numbers.at(-1)!;
  const editions: Report[] = [];
  for (const n of numbers) {
    const dataEditionDir = path.join(yearDir, `v${n}`);
    const chaptersEditionDir = path.join(chaptersDir, `v${n}`);
    const sealed = lock[`v${n}`];
    const report = loadReport(dataEditionDir, slug, year, n, !sealed, territories, reference, unreadable, issues);
    if (sealed) checkFrozen({ slug, year, number: n, date: report?.meta.edition.date }, sealed, dataEditionDir, chaptersEditionDir, issues);
    else if (report?.meta.edition.date) {
      // Only `npm run release` dates an edition, and it seals it at once: a date without a seal is a lost lock.
      const json = readJsonFile(path.join(dataEditionDir, 'report.json'), [])!;
      issues.push({
        file: json.file,
        ...json.locate(['edition', 'date']),
        severity: 'error',
        message: `l'édition v${n} a une date de publication mais n'est pas figée : ${LOCK_FILE} ne la contient pas. Rétablissez-le (git checkout -- ${lockFile}) ; une édition en préparation n'a pas de date`,
      });
    } else if (n !== last)
      issues.push({ file: lockFile, line: 1, column: 1, severity: 'error', message: `l'édition v${n} n'est pas figée alors qu'une édition plus récente existe : seule la dernière édition peut être en préparation (npm run release -- ${slug} ${year})` });
    if (!report) continue;
    // Reference lists are not frozen with an edition: what the latest one needs is what the site shows.
    if (n === last) {
      checkRegionalOperator(dataEditionDir, report.region, report.year, reference, issues);
      // Only the latest edition can still be corrected; older ones keep their notes frozen.
      checkReaderNotes(dataEditionDir, report.package, issues);
    }
    if (sealed && !report.meta.edition.date)
      issues.push({ file: displayPath(path.join(dataEditionDir, 'report.json')), line: 1, column: 1, severity: 'error', message: `l'édition v${n} est figée sans date de publication dans report.json (edition.date)` });
    report.edition = { ...report.meta.edition, released: Boolean(sealed), latest: n === last };
    editions.push(report);
  }
  return editions;
}

function loadReport(
  dir: string,
  slug: string,
  yearDir: string,
  editionNumber: number,
  inPreparation: boolean,
  territories: Map<string, Territory>,
  reference: Map<string, Resource>,
  unreadable: Set<string>,
  issues: DataIssue[],
): Report | undefined {
  const json = readJsonFile(path.join(dir, 'report.json'), issues);
  if (!json || !checkAgainst(json, validateReportDescriptor, 'report.json', issues)) return undefined;
  const meta = json.value as ReportDescriptor;
  const region = territories.get(meta.region);
  const folderProblem: [string, string] | undefined =
    !region || region.level !== 'region'
      ? ['region', `région ${quote(meta.region)} inconnue : attendu un code de région INSEE du référentiel territories`]
      : region.slug !== slug
        ? ['region', `le dossier ${quote(slug)} ne correspond pas à la région ${meta.region} (${region.label}) : dossier attendu ${quote(region.slug)}`]
        : String(meta.year) !== yearDir
          ? ['year', `l'année ${meta.year} ne correspond pas au dossier ${quote(yearDir)}`]
          : meta.edition.number !== editionNumber
            ? ['edition', `l'édition ${meta.edition.number} ne correspond pas au dossier ${quote(`v${editionNumber}`)} : attendu "number": ${editionNumber}`]
            : undefined;
  if (folderProblem) {
    issues.push({ file: json.file, ...json.locate([folderProblem[0]]), severity: 'error', message: folderProblem[1] });
    return undefined;
  }
  const loaded = loadPackage(dir, true, issues, inPreparation);
  if (!loaded) return undefined;
  const errorsBefore = issues.filter((i) => i.severity === 'error').length;
  checkForeignKeys(loaded.json, loaded.pkg, loaded.resources, reference, issues, unreadable);
  const tables = new Map([...loaded.resources].map(([name, r]) => [name, r.table]));
  const referenceTables = new Map([...reference].map(([name, r]) => [name, r.table]));
  checkProfileCategories(loaded.pkg, tables, referenceTables, issues);
  checkKeyFigureBounds(loaded.pkg, tables, issues);
  // Rules compare figures: only worth evaluating on tables that are all readable and typed.
  const complete = loaded.resources.size === loaded.pkg.resources.length;
  const discrepancies = complete && issues.filter((i) => i.severity === 'error').length === errorsBefore
    ? checkRules(loaded.json, loaded.pkg, tables, issues)
    : [];
  const edition = { ...meta.edition, released: false, latest: false };
  return { id: `${slug}/${yearDir}`, editionId: `${slug}/${yearDir}/v${editionNumber}`, edition, year: meta.year, region: region!, meta, package: loaded.pkg, resources: loaded.resources, discrepancies };
}

let cached: Catalog | undefined;

/** The checked catalog, loaded once per process; throws with every issue when data is invalid. */
export function loadCatalog(): Catalog {
  if (cached) return cached;
  const { catalog, issues } = inspectData();
  if (!catalog) throw new DataValidationError(issues);
  cached = catalog;
  return catalog;
}

/** A report by its id (`<region>/<year>`: its latest edition) or one edition (`<region>/<year>/v<N>`). */
export function findReport(catalog: Catalog, id: string): Report {
  const report = catalog.editions.find((r) => r.editionId === id) ?? catalog.reports.find((r) => r.id === id);
  if (!report) throw new Error(`Rapport inconnu ${quote(id)} : attendu ${catalog.editions.map((r) => r.editionId).join(', ')}`);
  return report;
}

/** Every edition of a report, oldest first. */
export function editionsOf(catalog: Catalog, report: Report): Report[] {
  return catalog.editions.filter((e) => e.id === report.id);
}

export function findResource(report: Report, name: string): Resource {
  const resource = report.resources.get(name);
  if (!resource) throw new Error(`Jeu de données ${quote(name)} inconnu dans le rapport ${report.id} ; attendu un des ${datasetChoices(report)}`);
  return resource;
}

