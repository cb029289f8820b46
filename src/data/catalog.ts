/**
 * Loads everything under data/: the reference lists, then every report folder
 * (reports/<region-slug>/<year>/), each checked before anything is published.
 * The path is the identity: a report's region and year come from its folder, and
 * report.json must agree with them.
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
import { checkAgainst, readJsonFile, type JsonFile } from './json-file.ts';
import { DataValidationError, quote, type DataIssue } from './issues.ts';
import { dataDir, displayPath } from './paths.ts';
import { checkDescriptorReferences } from './descriptor-check.ts';
import { checkKindSchemas, checkProfileCategories } from './kind-check.ts';
import { checkRules, type KnownDiscrepancy } from './rules.ts';
import { readTable, type Table } from './table.ts';

export interface Resource {
  descriptor: ResourceDescriptor;
  table: Table;
}

export interface Territory {
  code: string;
  label: string;
  slug: string;
  level: 'region' | 'national';
}

export interface Report {
  /** `<region-slug>/<year>`: the report's identity and its URL. */
  id: string;
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
  reports: Report[];
}

function loadPackage(
  dir: string,
  isReport: boolean,
  issues: DataIssue[],
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
  const resources = new Map<string, Resource>();
  for (const descriptor of pkg.resources) {
    const table = readTable(path.join(dir, descriptor.path), descriptor, issues);
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
export function inspectData(root: string = dataDir()): { catalog?: Catalog; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const ref = loadPackage(path.join(root, 'reference'), false, issues);
  if (!ref) return { issues };
  checkForeignKeys(ref.json, ref.pkg, ref.resources, new Map(), issues);
  const unreadable = new Set(ref.pkg.resources.map((r) => r.name).filter((name) => !ref.resources.has(name)));

  const territories = new Map<string, Territory>();
  for (const row of ref.resources.get('territories')?.table.rows ?? []) {
    const t = row as unknown as Territory;
    territories.set(t.code, t);
  }
  const reports: Report[] = [];
  const reportsDir = path.join(root, 'reports');
  // Without a readable list of regions, no report folder can be checked: its own error says why.
  const folders = unreadable.has('territories') ? [] : subfolders(reportsDir, 'data/reports ne contient que des dossiers de région', issues);
  for (const slug of folders) {
    for (const yearDir of subfolders(path.join(reportsDir, slug), "un dossier de région ne contient que des dossiers d'année (AAAA)", issues)) {
      const dir = path.join(reportsDir, slug, yearDir);
      const report = loadReport(dir, slug, yearDir, territories, ref.resources, unreadable, issues);
      if (report) reports.push(report);
    }
  }
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return { catalog: { reference: ref.resources, referencePackage: ref.pkg, territories, reports }, issues };
}

function loadReport(
  dir: string,
  slug: string,
  yearDir: string,
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
          : undefined;
  if (folderProblem) {
    issues.push({ file: json.file, ...json.locate([folderProblem[0]]), severity: 'error', message: folderProblem[1] });
    return undefined;
  }
  const loaded = loadPackage(dir, true, issues);
  if (!loaded) return undefined;
  const errorsBefore = issues.filter((i) => i.severity === 'error').length;
  checkForeignKeys(loaded.json, loaded.pkg, loaded.resources, reference, issues, unreadable);
  const tables = new Map([...loaded.resources].map(([name, r]) => [name, r.table]));
  const referenceTables = new Map([...reference].map(([name, r]) => [name, r.table]));
  checkProfileCategories(loaded.pkg, tables, referenceTables, issues);
  // Rules compare figures: only worth evaluating on tables that are all readable and typed.
  const complete = loaded.resources.size === loaded.pkg.resources.length;
  const discrepancies = complete && issues.filter((i) => i.severity === 'error').length === errorsBefore
    ? checkRules(loaded.json, loaded.pkg, tables, issues)
    : [];
  return { id: `${slug}/${yearDir}`, year: meta.year, region: region!, meta, package: loaded.pkg, resources: loaded.resources, discrepancies };
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

export function findReport(catalog: Catalog, id: string): Report {
  const report = catalog.reports.find((r) => r.id === id);
  if (!report) throw new Error(`Rapport inconnu ${quote(id)} : attendu ${catalog.reports.map((r) => r.id).join(', ')}`);
  return report;
}

export function findResource(report: Report, name: string): Resource {
  const resource = report.resources.get(name);
  if (!resource) throw new Error(`Jeu de données ${quote(name)} inconnu dans le rapport ${report.id}`);
  return resource;
}

