/**
 * `npm run import`: turns a table as an editor has it (laid out as in the printed report or in
 * a spreadsheet, French number formatting) into the tidy rows of one dataset of a report
 * edition. The target resource's Table Schema says what the rows must be; the reference lists
 * (data/reference) and the report's own lists say which labels mean which codes.
 *
 * Steps, each a function: readSource (bytes → grid of located cells), loadTarget (the resource,
 * its report and its code lists), planImport (which column or header holds which field), reshape
 * (arquero: fold the value columns, join the labels, pivot the measures), formatRows (the CSV
 * in the resource's dialect). Every problem is a DataIssue located in the source, so that the
 * command can refuse to write anything while one remains.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as aq from 'arquero';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { cast, constraintProblem, type Cell } from '../data/cells.ts';
import {
  validateReferencePackage,
  validateReportDescriptor,
  validateReportPackage,
  type Field,
  type PackageDescriptor,
  type ReportDescriptor,
  type ResourceDescriptor,
} from '../data/descriptors.ts';
import { choices } from '../data/choices.ts';
import { EDITION_FOLDER, readLock } from '../data/editions.ts';
import { quote, type DataIssue } from '../data/issues.ts';
import { aliasesOf, normalize, operatorNames } from '../data/names.ts';
import { checkAgainst, readJsonFile } from '../data/json-file.ts';
import { dataDir, displayPath } from '../data/paths.ts';
import { readTable, type Row, type Table } from '../data/table.ts';

// ---------------------------------------------------------------------------------------------
// Text: labels are compared without case, accents, footnote marks or spacing differences
// (normalize, shared with the check of the operators' names).

/** What editors write for « no value »: stays missing (an empty cell), never 0. */
const MISSING = new Set(['', '-', '–', '—', 'n.d.', 'n.d', 'nd', 'ns', 'n.s.', 's.o.', 's/o', 'so']);

/** Labels of a total row or column. */
const TOTALS = new Set([
  'total', 'totaux', 'total general', 'ensemble', 'ensemble des operateurs', 'total des operateurs',
  'total operateurs', 'tous operateurs', 'tous operateurs confondus', 'tous', 'toutes',
]);

/**
 * The label, then without footnote marks (« APEC* », « Cap emploi (1) »), then without its
 * parenthesis, then with the hyphens of a code as spaces (« avec-cep » for « Avec CEP »).
 */
function variants(text: string): string[] {
  const n = normalize(text);
  const noMark = n.replace(/\s*(\*+|\(\d+\)|\[\d+\])$/u, '').trim();
  const noParen = noMark.replace(/\s*\([^)]*\)\s*/gu, ' ').trim();
  return [...new Set([n, noMark, noParen, unslug(noParen)])].filter((v) => v !== '');
}
const unslug = (normalized: string) => normalized.replace(/[-_]+/g, ' ').replace(/ +/g, ' ').trim();

export const isMissing = (text: string) => MISSING.has(normalize(text));
const isTotal = (text: string) => variants(text).some((v) => TOTALS.has(v));

const STOPWORDS = new Set(['de', 'd', 'des', 'du', 'la', 'le', 'les', 'l', 'en', 'et', 'a', 'au', 'aux', 'par', 'pour', 'un', 'une', 'sur', 'dans', 'nombre', 'nb', 'of', 'the']);
/** Crude French/English stemming: enough for « entrées » to meet « Nouvelles entrées en CEP ». */
const stem = (t: string) => (t.length > 3 ? t.replace(/s$/, '').replace(/e$/, '') : t);
function tokens(text: string): Set<string> {
  const n = normalize(text).replace(/\b(pourcentages?|pct)\b/g, '%').replace(/%/g, ' % ');
  return new Set(n.split(/[^a-z0-9%]+/).filter((t) => t !== '' && !STOPWORDS.has(t)).map(stem));
}
const subset = (a: Set<string>, b: Set<string>) => a.size > 0 && [...a].every((t) => b.has(t));

const listed = (values: string[], max = 8) =>
  values.length > max ? `${values.slice(0, max).join(', ')}, …` : values.join(', ');

// ---------------------------------------------------------------------------------------------
// French numbers: « 12 479 », « 12 479 » (no-break spaces), « 12,5 », « 12,5 % », « +3,2 % ».

export type NumberReading =
  | { kind: 'missing' }
  | { kind: 'number'; text: string; percent: boolean }
  | { kind: 'unreadable'; ambiguous: boolean };

/**
 * Reads a number as a French spreadsheet shows it. The result keeps the decimals as written
 * (« 3,0 % » gives "3.0"): the site publishes figures as the report prints them.
 */
export function readFrenchNumber(raw: string): NumberReading {
  if (isMissing(raw)) return { kind: 'missing' };
  let s = raw.trim().replace(/[\u00a0\u202f\u2009]/g, ' ');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = '';
  if (/^[+\-\u2212]/.test(s)) {
    sign = s[0] === '+' ? '' : '-';
    s = s.slice(1).trim();
  }
  // « 12.479 » is a thousand in some exports and twelve in others: the editor must say.
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return { kind: 'unreadable', ambiguous: true };
  const m = /^(\d{1,3}(?: \d{3})+|\d+)(?:[,.](\d+))?$/.exec(s);
  if (!m) return { kind: 'unreadable', ambiguous: false };
  const int = m[1]!.replace(/ /g, '').replace(/^0+(?=\d)/, '');
  return { kind: 'number', text: `${sign}${int}${m[2] !== undefined ? `.${m[2]}` : ''}`, percent };
}

// ---------------------------------------------------------------------------------------------
// The source: a CSV as a spreadsheet exports it.

export interface SourceCell {
  text: string;
  line: number;
  column: number;
}

export interface SourceTable {
  file: string;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  headerLine: number;
  /** One cell per column, 1-based columns as in the file. */
  header: SourceCell[];
  rows: { line: number; cells: SourceCell[] }[];
  /** Title and note lines left out, said in the summary. */
  skipped: { line: number; text: string; why: string }[];
}

type CsvRecord = { record: string[]; info: { lines: number } };

function parseCsv(text: string, delimiter: string): CsvRecord[] {
  return parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as unknown as CsvRecord[];
}

/**
 * The delimiter that gives the most lines of the table's usual width: a `;` file read with `,`
 * splits « 3,0 % » and loses its regular shape, and a `,` file read with `;` has one column.
 */
function detectDelimiter(text: string): string | undefined {
  let best: { delimiter: string; score: number } | undefined;
  for (const delimiter of [';', '\t', ',']) {
    let records: CsvRecord[];
    try {
      records = parseCsv(text, delimiter);
    } catch {
      continue;
    }
    const widths = records.map((r) => r.record.length).filter((w) => w >= 2);
    const counts = new Map<number, number>();
    for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > (best?.score ?? 0)) best = { delimiter, score };
  }
  return best?.delimiter;
}

const NOTE = /^((sources?|champ|lecture|notes?|n\.?b\.?)\s*:|\*|\(\d+\))/iu;

/** Decodes (UTF-8, else Windows-1252), finds the delimiter, the header line and the body. */
export function readSource(bytes: Uint8Array, file: string): { source?: SourceTable; problems: DataIssue[] } {
  const problems: DataIssue[] = [];
  const error = (line: number, column: number, message: string) => problems.push({ file, line, column, severity: 'error', message });
  let text: string;
  let encoding: SourceTable['encoding'];
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    encoding = 'utf-8';
  } catch {
    // Not UTF-8: Excel's « CSV (séparateur : point-virgule) » is Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
  }
  text = text.replace(/^\ufeff/, '');
  const delimiter = detectDelimiter(text);
  if (!delimiter) {
    error(1, 1, 'tableau illisible : attendu un CSV avec au moins deux colonnes séparées par « ; », « , » ou une tabulation');
    return { problems };
  }
  let records: CsvRecord[];
  try {
    records = parseCsv(text, delimiter);
  } catch (e) {
    const err = e as { lines?: number; message: string };
    error(err.lines ?? 1, 1, `CSV illisible (guillemet jamais fermé ?) : ${err.message}`);
    return { problems };
  }
  const rows = records
    .map(({ record, info }) => ({ line: info.lines, cells: record.map((t) => t.trim()) }))
    .filter((r) => r.cells.some((t) => t !== ''));
  if (rows.length === 0) {
    error(1, 1, 'fichier vide : attendu une ligne d\u2019en-tête puis les lignes du tableau');
    return { problems };
  }
  const skipped: SourceTable['skipped'] = [];
  // A title typed in A1 above the table (a line with nothing but its first cell).
  while (rows.length > 1 && rows[0]!.cells.filter((t) => t !== '').length === 1 && rows[0]!.cells[0] !== '') {
    const title = rows.shift()!;
    skipped.push({ line: title.line, text: title.cells[0]!, why: 'titre' });
  }
  let width = Math.max(...rows.map((r) => r.cells.length));
  // Spreadsheets pad lines with empty cells: columns empty from top to bottom are not part of the table.
  while (width > 1 && rows.every((r) => (r.cells[width - 1] ?? '') === '')) width--;
  const located = (r: { line: number; cells: string[] }) =>
    Array.from({ length: width }, (_, i) => ({ text: r.cells[i] ?? '', line: r.line, column: i + 1 }));
  const [head, ...body] = rows;
  const kept: SourceTable['rows'] = [];
  for (const r of body) {
    // « Source : AGORA 2023 », « Champ : … » copied under the table.
    if (NOTE.test(r.cells[0] ?? '') && r.cells.slice(1).every((t) => t === '')) skipped.push({ line: r.line, text: r.cells[0]!, why: 'note' });
    else kept.push({ line: r.line, cells: located(r) });
  }
  if (kept.length === 0) {
    error(head!.line, 1, "aucune ligne sous l'en-tête : attendu l'en-tête puis au moins une ligne de valeurs");
    return { problems };
  }
  return { source: { file, encoding, delimiter, headerLine: head!.line, header: located(head!), rows: kept, skipped }, problems };
}

// ---------------------------------------------------------------------------------------------
// The target: one resource of a report edition, and the lists its codes come from.

export interface Target {
  /** The CSV as given on the command line (shown in messages). */
  file: string;
  absolute: string;
  editionDir: string;
  /** `<region-slug>/<year>/v<N>`. */
  editionId: string;
  resource: ResourceDescriptor;
  package: PackageDescriptor;
  report: ReportDescriptor;
  /** Code lists by resource name: the reference lists, and the report's own resources. */
  lists: Map<string, Table>;
  /** Set when the edition is released: its files must not change any more. */
  frozen?: string;
}

/**
 * Reads what the import needs around a target CSV: the datapackage.json and report.json of its
 * folder, the reference lists (data/reference beside the reports, or CEP_DATA_DIR), and the
 * report's resources that its foreign keys and profile dimensions point to.
 */
export function loadTarget(targetPath: string): { target?: Target; problems: DataIssue[] } {
  const problems: DataIssue[] = [];
  const absolute = path.resolve(targetPath);
  const editionDir = path.dirname(absolute);
  const file = displayPath(absolute);
  const fail = (message: string) => {
    problems.push({ file, line: 1, column: 1, severity: 'error', message });
    return { problems };
  };
  if (!existsSync(path.join(editionDir, 'datapackage.json')) || !existsSync(path.join(editionDir, 'report.json')))
    return fail("ce fichier n'est pas dans le dossier d'une édition de rapport : attendu data/reports/<région>/<année>/v<N>/<jeu>.csv, à côté de datapackage.json et report.json");
  const pkgJson = readJsonFile(path.join(editionDir, 'datapackage.json'), problems);
  const reportJson = readJsonFile(path.join(editionDir, 'report.json'), problems);
  if (!pkgJson || !reportJson) return { problems };
  if (!checkAgainst(pkgJson, validateReportPackage, 'descripteur', problems)) return { problems };
  if (!checkAgainst(reportJson, validateReportDescriptor, 'report.json', problems)) return { problems };
  const pkg = pkgJson.value as PackageDescriptor;
  const report = reportJson.value as ReportDescriptor;
  const resource = pkg.resources.find((r) => r.path === path.basename(absolute));
  if (!resource)
    return fail(`aucune ressource de ${displayPath(pkgJson.file)} n'a pour "path" ${quote(path.basename(absolute))} : attendu un de ${pkg.resources.map((r) => r.path).join(', ')}`);

  const beside = path.resolve(editionDir, '../../../../reference');
  const referenceDir = existsSync(path.join(beside, 'datapackage.json')) ? beside : path.join(dataDir(), 'reference');
  const refJson = readJsonFile(path.join(referenceDir, 'datapackage.json'), problems);
  if (!refJson || !checkAgainst(refJson, validateReferencePackage, 'descripteur', problems)) return { problems };
  const lists = new Map<string, Table>();
  for (const r of (refJson.value as PackageDescriptor).resources) {
    const table = readTable(path.join(referenceDir, r.path), r, problems);
    if (table) lists.set(r.name, table);
  }
  const own = new Set((resource.schema.foreignKeys ?? []).map((fk) => fk.reference.resource));
  for (const r of pkg.resources)
    if (r.name !== resource.name && (own.has(r.name) || r.cep?.kind === 'categories')) {
      // The edition is being filled: its own lists may still be empty (header only).
      const table = readTable(path.join(editionDir, r.path), r, problems, { allowEmpty: true });
      if (table) lists.set(r.name, table);
    }
  if (problems.some((p) => p.severity === 'error')) return { problems };

  const edition = path.basename(editionDir);
  const yearDir = path.dirname(editionDir);
  const editionId = `${path.basename(path.dirname(yearDir))}/${path.basename(yearDir)}/${edition}`;
  let frozen: string | undefined;
  if (EDITION_FOLDER.test(edition)) {
    const lock = readLock(yearDir, []);
    if (lock?.[edition]) {
      const [slug, year] = editionId.split('/');
      frozen = `l'édition ${edition} du rapport ${slug}/${year} est publiée et figée (editions.lock.json) : ses fichiers ne changent plus ; importez dans une nouvelle édition (npm run new-version -- ${slug} ${year})`;
    }
  }
  return { target: { file, absolute, editionDir, editionId, resource, package: pkg, report, lists, frozen }, problems };
}

// ---------------------------------------------------------------------------------------------
// Axes: the ways a label can name a value of the target. An axis sets one or more fields
// (a profile category also sets its dimension); `$measure` names the measure field of a cell.

export const MEASURE = '$measure';
/** Field → code (as text); `$measure` → the measure field of a cell. */
type Values = Record<string, string>;

interface Axis {
  /** Fields it sets: shown in the summary, and no field may be set by two sources. */
  fields: string[];
  /** Values the axis always sets (the dimension of a category list). */
  fixed: Values;
  /** What a label must be, in French, for messages: « un opérateur (APEC, Cap emploi, …) ». */
  what: string;
  /** May be recognised from its labels alone (a free text field cannot). */
  inferable: boolean;
  /** The values a label stands for: [] when unknown, several when ambiguous. */
  match(label: string): Values[];
}

function vocabularyAxis(fields: string[], what: string, entries: { aliases: (string | null | undefined)[]; value: Values }[], fixed: Values = {}): Axis {
  const index = new Map<string, Values[]>();
  const add = (alias: string, value: Values) => {
    for (const key of new Set([normalize(alias), unslug(normalize(alias))])) {
      const values = index.get(key) ?? [];
      if (!values.some((v) => JSON.stringify(v) === JSON.stringify(value))) values.push(value);
      index.set(key, values);
    }
  };
  for (const { aliases, value } of entries) for (const a of aliases) if (a) add(a, value);
  // A list with a total code (operators: « ensemble ») takes « Total », « Ensemble »… for it.
  const total = entries.find((e) => ['ensemble', 'total'].includes(Object.values(e.value).at(-1) ?? ''));
  if (total) for (const t of TOTALS) if (!index.has(t)) add(t, total.value);
  return {
    fields,
    fixed,
    what,
    inferable: true,
    match(label) {
      for (const v of variants(label)) {
        const found = index.get(v);
        if (found) return found;
      }
      return [];
    },
  };
}

const isYearField = (f: Field) => f.type === 'integer' && (/(^|_)year$/.test(f.name) || /ann[ée]e/i.test(f.title ?? ''));

interface Axes {
  /** The axis of each non-measure field (free text when nothing better). */
  byField: Map<string, Axis>;
  /** The axes labels may be recognised by, the measure axis included. */
  inferable: Axis[];
  measures: Field[];
}

/** Number fields that are neither keys nor codes: what the cells of a table hold. */
function measureFields(resource: ResourceDescriptor): Field[] {
  const keys = new Set([...(resource.schema.primaryKey ?? []), ...(resource.schema.foreignKeys ?? []).flatMap((fk) => fk.fields)]);
  return resource.schema.fields.filter(
    (f) => (f.type === 'number' || f.type === 'integer') && !keys.has(f.name) && !f.constraints?.enum && !isYearField(f),
  );
}

function fieldLabel(f: Field): string {
  return f.title ? `${f.name} (${f.title})` : f.name;
}

function buildAxes(target: Target): Axes {
  const { resource, lists, report } = target;
  const profile = resource.cep?.kind === 'beneficiary-profile';
  const measures = measureFields(resource);
  const byField = new Map<string, Axis>();
  const inferable: Axis[] = [];
  const rowsOf = (name: string) => lists.get(name)?.rows ?? [];
  const str = (v: Cell | undefined) => (v === null || v === undefined ? undefined : String(v));

  // Own categories of the report (beneficiary profiles): dimension → [code, label].
  const ownCategories = new Map<string, Row[]>();
  for (const r of target.package.resources)
    if (r.cep?.kind === 'categories')
      for (const row of rowsOf(r.name)) ownCategories.set(String(row.dimension), [...(ownCategories.get(String(row.dimension)) ?? []), row]);
  const dimensionRows = rowsOf('dimensions');

  for (const f of resource.schema.fields) {
    if (measures.includes(f)) continue;
    const fk = (resource.schema.foreignKeys ?? []).find((k) => k.fields.length === 1 && k.fields[0] === f.name);
    let axis: Axis | undefined;
    if (profile && f.name === 'category') {
      // One axis per dimension, so that « Femmes, Hommes » also says dimension = sex.
      const all: { aliases: string[]; value: Values }[] = [];
      const perDimension = (dimension: string, label: string, rows: Row[]) => {
        const entries = rows.map((r) => ({ aliases: [str(r.code)!, str(r.label)!], value: { dimension, category: String(r.code) } }));
        all.push(...entries);
        inferable.push(vocabularyAxis(['category', 'dimension'], `une catégorie de ${quote(label)} (${listed(rows.map((r) => String(r.label)))})`, entries, { dimension }));
      };
      for (const d of dimensionRows) if (d.list !== null) perDimension(String(d.code), String(d.label), rowsOf(String(d.list)));
      for (const [dimension, rows] of ownCategories) perDimension(dimension, dimension, rows);
      axis = { ...vocabularyAxis(['category'], 'une catégorie de la dimension de la ligne', all), inferable: false };
    } else if (profile && f.name === 'dimension') {
      const entries = [
        ...dimensionRows.map((d) => ({ aliases: [str(d.code), str(d.label)], value: { dimension: String(d.code) } })),
        ...[...ownCategories.keys()].map((d) => ({ aliases: [d], value: { dimension: d } })),
      ];
      axis = vocabularyAxis(['dimension'], `une dimension (${listed(entries.map((e) => e.value.dimension!))})`, entries);
    } else if (fk && lists.has(fk.reference.resource)) {
      const rows = rowsOf(fk.reference.resource);
      const codeField = fk.reference.fields[0]!;
      // The names printed in reports come from the lists: labels and their `aliases` column; for
      // operators, also the holders of the regional operator's mission in the report's region.
      const names =
        fk.reference.resource === 'operators'
          ? operatorNames(rows, rowsOf('regional_operators'), report.region).map((n) => ({ name: n.name, code: n.code }))
          : rows.flatMap((r) => [str(r.label), ...aliasesOf(r.aliases)].filter((n) => n !== undefined).map((name) => ({ name, code: String(r[codeField]) })));
      const entries = [
        ...rows.map((r) => ({ aliases: [str(r[codeField]), str(r.slug)], value: { [f.name]: String(r[codeField]) } })),
        ...names.map((n) => ({ aliases: [n.name], value: { [f.name]: n.code } })),
      ];
      const known = [...new Set(names.length > 0 ? names.map((n) => n.name) : rows.map((r) => String(r[codeField])))];
      const name = fk.reference.resource === 'operators' ? 'un opérateur' : fk.reference.resource === 'territories' ? 'un territoire' : `une valeur du référentiel ${fk.reference.resource}`;
      axis = vocabularyAxis([f.name], `${name} (${choices(known)})`, entries);
    } else if (f.constraints?.enum || f.categories) {
      const entries = (f.categories ?? f.constraints!.enum!).map((c) =>
        typeof c === 'object' ? { aliases: [String(c.value), c.label], value: { [f.name]: String(c.value) } } : { aliases: [String(c)], value: { [f.name]: String(c) } },
      );
      axis = vocabularyAxis([f.name], `une valeur de ${quote(f.name)} (${listed(entries.map((e) => e.value[f.name]!))})`, entries);
    } else if (isYearField(f)) {
      axis = {
        fields: [f.name],
        fixed: {},
        what: 'une année (ex. 2023)',
        inferable: true,
        match: (label) => {
          const m = /^(?:annee |en )?(\d{4})$/.exec(variants(label).at(-1) ?? '');
          return m ? [{ [f.name]: m[1]! }] : [];
        },
      };
    }
    axis ??= { fields: [f.name], fixed: {}, what: `un texte pour ${quote(f.name)}`, inferable: false, match: (label) => [{ [f.name]: label.trim() }] };
    byField.set(f.name, axis);
    if (axis.inferable) inferable.push(axis);
  }

  const measureEntries = measures.map((f) => ({ field: f, exact: [f.name, f.title, f.title?.replace(/\s*\([^)]*\)/g, '')], words: new Set([...tokens(f.name.replace(/_/g, ' ')), ...tokens(f.title ?? '')]) }));
  const exactMeasures = vocabularyAxis([MEASURE], '', measureEntries.map((m) => ({ aliases: m.exact, value: { [MEASURE]: m.field.name } })));
  const measure: Axis = {
    fields: [MEASURE],
    fixed: {},
    what: `une mesure (${measures.map((f) => fieldLabel(f)).join(', ')})`,
    inferable: true,
    match(label) {
      const exact = exactMeasures.match(label);
      if (exact.length > 0) return exact;
      // « Nombre d'entrées » for « Nouvelles entrées en CEP », « Pourcentage » for « Part publiée (%) ».
      // The report's year in a heading (« Nombre d'entrées 2023 ») says nothing more than report.json.
      const words = tokens(label);
      words.delete(String(report.year));
      const loose = measureEntries.filter((m) => subset(words, m.words));
      return loose.map((m) => ({ [MEASURE]: m.field.name }));
    },
  };
  if (measures.length > 0) inferable.push(measure);
  return { byField, inferable, measures };
}

/** The field a header names (name or title, loosely), if exactly one. */
function fieldNamed(resource: ResourceDescriptor, header: string): Field | undefined {
  if (header.trim() === '') return undefined;
  const fields = resource.schema.fields;
  const vs = variants(header);
  const exact = fields.filter((f) => [f.name, f.title ?? ''].some((n) => n !== '' && vs.includes(normalize(n))));
  if (exact.length === 1) return exact[0];
  const words = tokens(header);
  const loose = fields.filter((f) => subset(words, new Set([...tokens(f.name.replace(/_/g, ' ')), ...tokens(f.title ?? '')])));
  return loose.length === 1 ? loose[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// The plan: which columns hold labels, which hold values, what each label means.

export interface ImportOptions {
  /** `--set field=value`: constants the source does not give. */
  set?: [string, string][];
  /** `--map label=code`: a label read as this code (or measure field name). */
  map?: [string, string][];
  /** `--measure field`: the measure the cells hold, when the table does not say. */
  measure?: string;
}

interface LabelColumn {
  column: number;
  header: string;
  axis?: Axis;
  /** Named by its header, or recognised from its labels. */
  named: boolean;
  /** Merged cells: an empty label repeats the one above. */
  fillDown: boolean;
}

interface Plan {
  labelColumns: LabelColumn[];
  valueColumns: SourceCell[];
  headerAxis?: Axis;
  /** The measure of every cell, when no label names one. */
  cellMeasure?: string;
  /** Where cellMeasure comes from, for the summary. */
  cellMeasureFrom?: string;
  constants: Values;
  /** Where each constant comes from: --set or report.json. */
  constantsFrom: Map<string, string>;
  /** Non-measure fields the rows get, in the schema's order. */
  dims: string[];
}

/** `--map "label=code"`: the editor's reading of a label, before the lists are searched. */
function labelMapper(options: ImportOptions): (label: string) => string {
  const mapped = new Map((options.map ?? []).map(([label, code]) => [normalize(label), code]));
  return (label) => mapped.get(normalize(label)) ?? label;
}

const isNumberText = (t: string) => readFrenchNumber(t).kind === 'number';

function chooseAxis(labels: SourceCell[], candidates: Axis[], mapLabel: (t: string) => string): { axis?: Axis; tied: Axis[] } {
  const scored = candidates
    .map((axis) => ({ axis, score: labels.filter((l) => !isTotal(l.text) && axis.match(mapLabel(l.text)).length > 0).length }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return { tied: [] };
  // Operators name the `operator` field of a profile before the categories of its « operator » dimension.
  const best = scored.filter((s) => s.score === scored[0]!.score);
  const direct = best.filter((s) => Object.keys(s.axis.fixed).length === 0);
  const tied = (direct.length > 0 ? direct : best).map((s) => s.axis);
  return tied.length === 1 ? { axis: tied[0], tied: [] } : { tied };
}

const axisName = (axis: Axis) =>
  axis.fields.filter((f) => !(f in axis.fixed)).map((f) => (f === MEASURE ? 'mesure' : f)).join(', ') +
  Object.entries(axis.fixed).map(([k, v]) => ` (${k} ${v})`).join('');

function planImport(source: SourceTable, target: Target, axes: Axes, options: ImportOptions, problems: DataIssue[]): Plan | undefined {
  const { resource, report } = target;
  const fields = resource.schema.fields;
  const error = (line: number, column: number, message: string) => problems.push({ file: source.file, line, column, severity: 'error', message });
  const general = (message: string) => error(source.headerLine, 1, message);
  const mapLabel = labelMapper(options);
  const errorsBefore = problems.length;

  // Constants given on the command line, read like labels (« Pôle emploi » or « france-travail »).
  const constants: Values = {};
  for (const [name, value] of options.set ?? []) {
    const f = fields.find((x) => x.name === name);
    if (!f) {
      general(`--set ${name}=${value} : champ inconnu, attendu un de ${fields.map((x) => x.name).join(', ')}`);
      continue;
    }
    const axis = axes.byField.get(name);
    if (!axis) {
      general(`--set ${name}=${value} : ${quote(name)} est une mesure, elle vient des cellules du tableau`);
      continue;
    }
    const found = axis.match(mapLabel(value)).filter((p) => Object.entries(p).every(([k, v]) => k === name || constants[k] === undefined || constants[k] === v));
    if (found.length !== 1) general(`--set ${name}=${value} : valeur inconnue, attendu ${axis.what}`);
    else Object.assign(constants, found[0]);
  }
  if (options.measure !== undefined && !axes.measures.some((f) => f.name === options.measure))
    general(`--measure ${options.measure} : attendu un champ de mesure du jeu de données (${axes.measures.map((f) => f.name).join(', ') || 'aucun'})`);

  // Which columns hold labels: the first one, those whose header names a non-measure field,
  // and the unnamed text columns right after the first (a printed table's row headings).
  const labelColumns: LabelColumn[] = [];
  const valueColumns: SourceCell[] = [];
  let cornerMeasure: string | undefined;
  const texts = (c: number) => source.rows.map((r) => r.cells[c - 1]!.text).filter((t) => !isMissing(t));
  for (const h of source.header) {
    const named = fieldNamed(resource, h.text);
    const isMeasure = named !== undefined && axes.measures.includes(named);
    const previousIsLabel = labelColumns.at(-1)?.column === h.column - 1;
    if (named && !isMeasure) labelColumns.push({ column: h.column, header: h.text, axis: axes.byField.get(named.name), named: true, fillDown: false });
    else if (h.column === 1) {
      // The top-left cell of a printed table may name what the cells hold.
      if (isMeasure) cornerMeasure = named.name;
      labelColumns.push({ column: 1, header: h.text, named: false, fillDown: false });
    } else if (!isMeasure && previousIsLabel && texts(h.column).length > 0 && !texts(h.column).some(isNumberText)
      && !axes.inferable.some((a) => a.match(mapLabel(h.text)).length > 0))
      labelColumns.push({ column: h.column, header: h.text, named: false, fillDown: false });
    else valueColumns.push(h);
  }
  for (const h of valueColumns)
    if (h.text === '') error(h.line, h.column, "colonne de valeurs sans en-tête : attendu en en-tête ce que contient la colonne (un opérateur, une année, une mesure…)");

  // Fields set by the named columns and --set; the other sources choose among the remaining axes.
  const taken = new Map<string, string>();
  const take = (axis: Axis, by: string) => {
    for (const f of axis.fields) {
      if (axis.fixed[f] !== undefined && constants[f] === axis.fixed[f]) continue;
      const before = taken.get(f);
      if (before) general(`${quote(f === MEASURE ? 'mesure' : f)} est donné deux fois : par ${before} et par ${by}`);
      else taken.set(f, by);
    }
  };
  for (const k of Object.keys(constants)) taken.set(k, `--set ${k}`);
  const columnName = (c: LabelColumn) => `la colonne ${c.column}${c.header ? ` (${quote(c.header)})` : ''}`;
  for (const c of labelColumns.filter((x) => x.named)) take(c.axis!, columnName(c));
  if (cornerMeasure) taken.set(MEASURE, `la cellule en haut à gauche (${quote(source.header[0]!.text)})`);
  const free = (a: Axis) => a.fields.every((f) => !taken.has(f) || (a.fixed[f] !== undefined && constants[f] === a.fixed[f]))
    && Object.entries(a.fixed).every(([k, v]) => constants[k] === undefined || constants[k] === v);

  let headerAxis: Axis | undefined;
  const usableHeaders = valueColumns.filter((h) => h.text !== '');
  if (usableHeaders.length > 0) {
    const { axis, tied } = chooseAxis(usableHeaders, axes.inferable.filter(free), mapLabel);
    if (axis) {
      headerAxis = axis;
      take(axis, "l'en-tête");
    } else if (tied.length > 0)
      general(`en-têtes des colonnes ambigus : ils peuvent désigner ${tied.map(axisName).join(' ou ')} ; remplacez-les par des codes, ou précisez avec --map "libellé=code"`);
    else
      general(`en-têtes des colonnes ${listed(usableHeaders.map((h) => quote(h.text)), 6)} non reconnus : attendu ${axes.inferable.filter(free).map((a) => a.what).join(', ou ') || 'des noms de champs'}`);
  }
  for (const c of labelColumns.filter((x) => !x.named)) {
    const labels = source.rows.map((r) => r.cells[c.column - 1]!).filter((l) => !isMissing(l.text));
    const { axis, tied } = chooseAxis(labels, axes.inferable.filter(free), mapLabel);
    if (axis) {
      c.axis = axis;
      take(axis, columnName(c));
    } else if (tied.length > 0)
      error(source.headerLine, c.column, `libellés de la colonne ${c.column} ambigus : ils peuvent désigner ${tied.map(axisName).join(' ou ')} ; nommez le champ dans l'en-tête de la colonne`);
    else
      error(source.headerLine, c.column, `libellés de la colonne ${c.column} non reconnus (${listed(labels.map((l) => quote(l.text)), 4)}) : attendu ${axes.inferable.filter(free).map((a) => a.what).join(', ou ') || 'un nom de champ en en-tête'}`);
  }
  // In a crosstab, a heading spans the rows under it (merged cells export as empty ones).
  const crosstab = headerAxis !== undefined && !headerAxis.fields.includes(MEASURE);
  for (const c of labelColumns) c.fillDown = crosstab && c !== labelColumns.at(-1);

  // What the cells hold.
  let cellMeasure: string | undefined;
  if (!taken.has(MEASURE) || cornerMeasure) {
    if (options.measure && cornerMeasure && options.measure !== cornerMeasure)
      general(`--measure ${options.measure} contredit la cellule en haut à gauche, qui nomme ${cornerMeasure}`);
    cellMeasure = options.measure ?? cornerMeasure ?? (axes.measures.length === 1 ? axes.measures[0]!.name : undefined);
    if (valueColumns.length > 0 && !cellMeasure && axes.measures.length > 0)
      general(`quelle mesure contiennent les cellules ? Ajoutez --measure <champ> (${axes.measures.map(fieldLabel).join(', ')}), ou écrivez son nom dans la cellule en haut à gauche`);
    if (valueColumns.length > 0 && axes.measures.length === 0)
      general(`le jeu de données n'a aucun champ numérique de mesure : attendu un tableau en long, une colonne par champ (${fields.map((f) => f.name).join(', ')})`);
  } else if (options.measure) general(`--measure ${options.measure} : inutile, ${taken.get(MEASURE)} nomme déjà la mesure de chaque valeur`);

  // The report's region and year, when the table does not give them.
  const fromReport: Values = {};
  if (fields.some((f) => f.name === 'territory') && !taken.has('territory')) fromReport.territory = report.region;
  if (fields.some((f) => f.name === 'year' && !axes.measures.includes(f)) && !taken.has('year')) fromReport.year = String(report.year);
  for (const [k, v] of Object.entries(fromReport)) {
    constants[k] = v;
    taken.set(k, 'report.json');
  }

  // Every key field and every required non-measure field must come from somewhere.
  const keys = new Set(resource.schema.primaryKey ?? []);
  for (const f of fields) {
    if (taken.has(f.name) || axes.measures.includes(f)) continue;
    if (keys.has(f.name) || f.constraints?.required) {
      const axis = axes.byField.get(f.name);
      general(`le champ ${quote(f.name)}${f.title ? ` (${f.title})` : ''} n'est ni dans le tableau ni fixé : ajoutez une colonne ${quote(f.name)}, ou --set ${f.name}=<valeur> (${axis?.what ?? 'une valeur'})`);
    }
  }
  if (problems.length > errorsBefore) return undefined;

  const dims = fields.filter((f) => taken.has(f.name) && !axes.measures.includes(f)).map((f) => f.name);
  const constantsFrom = new Map(Object.keys(constants).map((k) => [k, taken.get(k)!]));
  const cellMeasureFrom = options.measure ? '--measure' : cornerMeasure ? 'cellule en haut à gauche' : 'seule mesure du jeu de données';
  return { labelColumns, valueColumns: usableHeaders, headerAxis, cellMeasure, cellMeasureFrom, constants, constantsFrom, dims };
}

// ---------------------------------------------------------------------------------------------
// Reshaping and checking.

/** A field as it is once the number is normalised: point decimal, no grouping. */
const plain = (f: Field): Field => ({ ...f, decimalChar: undefined, groupChar: undefined });

function numberProblem(field: Field, raw: string, reading: NumberReading): string | undefined {
  const where = `pour ${quote(field.name)}${field.title ? ` (${field.title})` : ''}`;
  const missing = 'ou une cellule vide ou « - » si la valeur manque';
  if (reading.kind === 'unreadable' && reading.ambiguous)
    return `valeur ${quote(raw)} ambiguë ${where} : le point sépare-t-il les milliers ou les décimales ? ${field.type === 'integer' ? 'Écrivez les milliers avec une espace (12 479)' : 'Écrivez 12 479 (milliers) ou 12,479 (décimales)'}`;
  if (reading.kind === 'unreadable')
    return field.type === 'integer'
      ? `valeur ${quote(raw)} illisible ${where} : attendu un nombre entier (ex. 12 479), ${missing}`
      : `valeur ${quote(raw)} illisible ${where} : attendu un nombre écrit à la française (ex. 12 479, 80,9 ou 80,9 %), ${missing}`;
  if (reading.kind === 'number' && field.type === 'integer' && reading.percent)
    return `valeur ${quote(raw)} en pourcentage ${where} : attendu un effectif entier (ex. 12 479) ; les parts vont dans un champ en %`;
  if (reading.kind === 'number' && field.type === 'integer' && reading.text.includes('.'))
    return `valeur ${quote(raw)} décimale ${where} : attendu un nombre entier (ex. 12 479 ; pour des milliers, séparez-les par une espace)`;
  return undefined;
}

export interface ImportResult {
  /** Typed rows in the schema's field order, sorted by primary key. */
  rows: Row[];
  /** The rows as the CSV will hold them (numbers as written in the source, point decimal). */
  texts: Record<string, string | null>[];
  problems: DataIssue[];
  /** The French summary: what went where. */
  notes: string[];
}

/**
 * Turns the source into the target's tidy rows. Nothing is thrown for bad input: every cell or
 * label that cannot be read is a located problem, and `rows` is empty when there is one.
 */
export function importTable(source: SourceTable, target: Target, options: ImportOptions = {}): ImportResult {
  const problems: DataIssue[] = [];
  const hasErrors = () => problems.some((p) => p.severity === 'error');
  // Problems in the order of the file, the order the editor fixes them.
  const fail = (): ImportResult => ({ rows: [], texts: [], problems: problems.sort((a, b) => a.line - b.line || a.column - b.column), notes: [] });
  const axes = buildAxes(target);
  const plan = planImport(source, target, axes, options, problems);
  if (!plan) return fail();
  const { resource } = target;
  const keyFields = resource.schema.primaryKey ?? [];
  const fieldsByName = new Map(resource.schema.fields.map((f) => [f.name, f]));
  const mapLabel = labelMapper(options);
  const error = (line: number, column: number, message: string) => problems.push({ file: source.file, line, column, severity: 'error', message });
  const warn = (line: number, column: number, message: string) => problems.push({ file: source.file, line, column, severity: 'warning', message });

  // What each label was read as, for the summary (constants and fixed dimensions aside).
  const readAs = new Map<LabelColumn | 'header', Map<string, string>>();
  const remember = (key: LabelColumn | 'header', label: string, values: Values) => {
    const shown = Object.entries(values).filter(([k]) => !(k in plan.constants) && !(k in (key === 'header' ? plan.headerAxis! : key.axis!).fixed));
    const text = shown.length === 1 ? shown[0]![1] : shown.map(([k, v]) => `${k}=${v}`).join(' ');
    readAs.set(key, (readAs.get(key) ?? new Map<string, string>()).set(label, text));
  };

  /** The values a label stands for; [] when unknown (reported), undefined for a total left out. */
  const resolve = (cell: SourceCell, axis: Axis, key: LabelColumn | 'header', kind: 'ligne' | 'colonne'): Values[] | undefined => {
    const found = axis
      .match(mapLabel(cell.text))
      .filter((p) => Object.entries(p).every(([k, v]) => plan.constants[k] === undefined || plan.constants[k] === v));
    if (found.length === 0) {
      if (isTotal(cell.text)) {
        warn(cell.line, cell.column, `${kind} ${quote(cell.text)} laissée de côté : c'est un total, et ${axisName(axis)} n'a pas de code pour les totaux`);
        return undefined;
      }
      error(cell.line, cell.column, `libellé ${quote(cell.text)} inconnu : attendu ${axis.what} ; sinon donnez son code avec --map "${cell.text}=<code>"`);
      return [];
    }
    for (const p of found)
      for (const [k, v] of Object.entries(p)) {
        const f = fieldsByName.get(k);
        if (!f) continue;
        const value = cast(plain(f), v);
        const problem = value === undefined ? `attendu ${f.type === 'integer' ? 'un entier' : f.type === 'number' ? 'un nombre' : f.type === 'date' ? 'une date AAAA-MM-JJ' : 'true ou false'}` : constraintProblem(f, value);
        if (problem) error(cell.line, cell.column, `libellé ${quote(cell.text)} pour ${quote(k)} : ${problem}`);
      }
    if (found.length === 1) remember(key, cell.text, found[0]!);
    return found;
  };

  // Column headings.
  const headerValues = new Map<number, Values>();
  if (plan.headerAxis)
    for (const h of plan.valueColumns) {
      const found = resolve(h, plan.headerAxis, 'header', 'colonne');
      if (found && found.length > 1) error(h.line, h.column, `en-tête ${quote(h.text)} ambigu (${found.map((p) => Object.values(p).join('/')).join(' ou ')}) : précisez avec --map "${h.text}=<code>"`);
      else if (found?.length === 1) headerValues.set(h.column, found[0]!);
    }
  const keptColumns = plan.valueColumns.filter((h) => headerValues.has(h.column) || !plan.headerAxis);

  // Row labels: merged cells filled down, combined with the constants.
  const rowRecords: { line: number; values: Values; cells: Map<number, string> }[] = [];
  const above = new Map<number, SourceCell>();
  for (const r of source.rows) {
    let combos: Values[] = [{ ...plan.constants }];
    let dropped = false;
    for (const c of plan.labelColumns) {
      let cell = r.cells[c.column - 1]!;
      if (isMissing(cell.text) && c.fillDown && above.has(c.column)) cell = { ...above.get(c.column)!, line: r.line };
      else if (!isMissing(cell.text)) above.set(c.column, cell);
      if (isMissing(cell.text)) {
        // An empty optional code stays missing; a key or a measure name cannot.
        const f = fieldsByName.get(c.axis!.fields[0]!);
        if (!f || keyFields.includes(f.name) || f.constraints?.required) error(r.line, c.column, `libellé manquant : attendu ${c.axis!.what}`);
        continue;
      }
      const found = resolve({ ...cell, line: r.line, column: c.column }, c.axis!, c, 'ligne');
      if (found === undefined) {
        dropped = true;
        break;
      }
      const next = combos.flatMap((base) =>
        found.filter((p) => Object.entries(p).every(([k, v]) => base[k] === undefined || base[k] === v)).map((p) => ({ ...base, ...p })),
      );
      if (found.length > 0 && next.length === 0) error(r.line, c.column, `libellé ${quote(cell.text)} incompatible avec les autres libellés de la ligne`);
      combos = next;
    }
    if (dropped || combos.length === 0) continue;
    if (combos.length > 1) {
      error(r.line, plan.labelColumns.at(-1)!.column, `ligne ambiguë : ${combos.map((p) => Object.values(p).join('/')).join(' ou ')} ; précisez avec --map`);
      continue;
    }
    rowRecords.push({ line: r.line, values: combos[0]!, cells: new Map(keptColumns.map((h) => [h.column, r.cells[h.column - 1]!.text])) });
  }
  // Rows and columns with an unknown label are left out: their cells are still read, so that
  // one run reports every problem.

  // Fields given by the row labels and by the headings: never the same (planImport sees to it).
  const rowFields = [...new Set(rowRecords.flatMap((r) => Object.keys(r.values)))];
  const headerFields = [...new Set([...headerValues.values()].flatMap((p) => Object.keys(p)))];
  const measureNames = axes.measures.map((f) => f.name);
  const dims = plan.dims.filter((d) => rowFields.includes(d) || headerFields.includes(d));
  let tidy: { values: Record<string, string | null>; line: number }[];
  let emptyCount = 0;

  if (keptColumns.length === 0) {
    // A long table without measures (a list of categories): one row per line.
    tidy = rowRecords.map((r) => ({ values: r.values, line: r.line }));
  } else {
    const valueNames = keptColumns.map((h) => `__c${h.column}`);
    const rows = aq.from(
      rowRecords.map((r) => Object.fromEntries([
        ['__line', r.line],
        ...rowFields.map((k) => [k, r.values[k] ?? null]),
        ...keptColumns.map((h) => [`__c${h.column}`, r.cells.get(h.column) ?? '']),
      ])),
    );
    const headings = aq.from(
      keptColumns.map((h) => Object.fromEntries([
        ['__col', `__c${h.column}`],
        ['__column', h.column],
        ...headerFields.map((k) => [k, headerValues.get(h.column)?.[k] ?? null]),
      ])),
    );
    // One record per cell (fold), with the values its column heading stands for (join).
    const cells = rows.fold(valueNames, { as: ['__col', '__text'] }).join_left(headings, '__col').objects() as Record<string, unknown>[];
    for (const c of cells) {
      c.__measure = (c[MEASURE] as string | null | undefined) ?? plan.cellMeasure;
      const field = fieldsByName.get(String(c.__measure))!;
      const raw = String(c.__text ?? '');
      const reading = readFrenchNumber(raw);
      const problem = numberProblem(field, raw, reading);
      c.__value = null;
      if (problem) error(Number(c.__line), Number(c.__column), problem);
      else if (reading.kind === 'number') {
        c.__value = reading.text;
        const typed = cast(plain(field), reading.text);
        const constraint = typed === undefined ? 'valeur hors format' : constraintProblem(field, typed);
        if (constraint) error(Number(c.__line), Number(c.__column), `valeur ${quote(raw)} pour ${quote(field.name)} : ${constraint}`);
      }
    }
    if (hasErrors()) return fail();

    const cellTable = aq.from(
      cells.map((c) => Object.fromEntries([...dims.map((d) => [d, c[d] ?? null]), ['__measure', c.__measure], ['__value', c.__value], ['__line', c.__line], ['__column', c.__column]])),
    );
    // Two cells for the same figure: the table repeats a row or a column.
    const repeated = cellTable
      .groupby([...dims, '__measure'])
      .filter('op.count() > 1') // arquero parses the expression; its types cannot express op.count() > 1
      .ungroup()
      .orderby('__line', '__column')
      .objects() as Record<string, unknown>[];
    const firstAt = new Map<string, string>();
    for (const d of repeated) {
      const key = JSON.stringify([...dims.map((k) => d[k]), d.__measure]);
      const seen = firstAt.get(key);
      if (seen) error(Number(d.__line), Number(d.__column), `valeur en double pour ${[...dims.map((k) => `${k}=${String(d[k])}`), String(d.__measure)].join(', ')} : déjà donnée en ${seen}`);
      else firstAt.set(key, `${source.file}:${String(d.__line)}:${String(d.__column)}`);
    }
    if (hasErrors()) return fail();

    // Back to one row per key and one column per measure (pivot).
    const lineOf = new Map<string, number>();
    for (const c of cells) {
      const key = JSON.stringify(dims.map((d) => c[d] ?? null));
      lineOf.set(key, Math.min(lineOf.get(key) ?? Infinity, Number(c.__line)));
    }
    const pivoted = cellTable.select([...dims, '__measure', '__value']).groupby(dims).pivot('__measure', '__value').objects() as Record<string, unknown>[];
    tidy = [];
    for (const r of pivoted) {
      const values = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === undefined || v === null ? null : String(v)]));
      // A key with no value at all (empty cells, « - ») is no observation: left out.
      if (measureNames.every((m) => values[m] === null || values[m] === undefined)) {
        emptyCount++;
        continue;
      }
      tidy.push({ values, line: lineOf.get(JSON.stringify(dims.map((d) => r[d] ?? null))) ?? source.headerLine });
    }
  }

  // Every field of the schema, in order: from the table, the constants, or missing.
  const out: { row: Row; text: Record<string, string | null>; line: number }[] = [];
  for (const t of tidy) {
    const row: Row = {};
    const text: Record<string, string | null> = {};
    for (const f of resource.schema.fields) {
      const v = t.values[f.name] ?? plan.constants[f.name] ?? null;
      text[f.name] = v;
      row[f.name] = v === null ? null : (cast(plain(f), v) ?? null);
    }
    for (const f of resource.schema.fields)
      if (row[f.name] === null && f.constraints?.required) error(t.line, 1, `${quote(f.name)} obligatoire manquant pour ${describeKey(resource, row)}`);
    out.push({ row, text, line: t.line });
  }

  // Sorted by primary key, which must be unique.
  const compare = (a: Cell, b: Cell) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  out.sort((a, b) => keyFields.reduce((c, k) => c || compare(a.row[k] ?? null, b.row[k] ?? null), 0));
  const seenKeys = new Map<string, number>();
  if (keyFields.length > 0)
    for (const o of out) {
      const key = JSON.stringify(keyFields.map((k) => o.row[k]));
      const before = seenKeys.get(key);
      if (before !== undefined) error(o.line, 1, `clé en double ${describeKey(resource, o.row)} : déjà donnée par la ligne ${before}`);
      else seenKeys.set(key, o.line);
    }
  if (hasErrors()) return fail();

  // The summary: what went where.
  const notes: string[] = [];
  const enc = source.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252';
  const sep = source.delimiter === '\t' ? 'tabulation' : quote(source.delimiter);
  notes.push(`Source : ${source.file} (${enc}, séparateur ${sep}, en-tête ligne ${source.headerLine}, ${source.rows.length} ligne(s) sous l'en-tête)`);
  for (const s of source.skipped) notes.push(`  ligne ${s.line} ignorée (${s.why}) : ${quote(s.text)}`);
  const shown = (m: Map<string, string> | undefined) => listed([...(m ?? new Map<string, string>())].map(([l, v]) => `${l} → ${v}`), 8);
  for (const c of plan.labelColumns)
    notes.push(`  colonne ${c.column}${c.header ? ` ${quote(c.header)}` : ''} → ${axisName(c.axis!)}${c.named ? '' : " (reconnu d'après ses libellés)"}${c.fillDown ? ' ; cellule vide = libellé du dessus' : ''} : ${shown(readAs.get(c))}`);
  if (plan.headerAxis) {
    const cols = keptColumns.map((h) => h.column);
    notes.push(`  en-têtes des colonnes ${cols.length > 1 ? `${cols[0]} à ${cols.at(-1)}` : String(cols[0])} → ${axisName(plan.headerAxis)} : ${shown(readAs.get('header'))}`);
  }
  if (keptColumns.length > 0 && plan.cellMeasure && !plan.headerAxis?.fields.includes(MEASURE) && !plan.labelColumns.some((c) => c.axis?.fields.includes(MEASURE)))
    notes.push(`  cellules → ${plan.cellMeasure} (${plan.cellMeasureFrom})`);
  for (const [k, v] of Object.entries(plan.constants)) notes.push(`  ${k} = ${v} (${plan.constantsFrom.get(k)})`);
  const given = new Set([...dims, ...Object.keys(plan.constants), ...tidy.flatMap((t) => Object.entries(t.values).filter(([, v]) => v !== null).map(([k]) => k))]);
  const absent = resource.schema.fields.filter((f) => !given.has(f.name)).map((f) => f.name);
  if (absent.length > 0) notes.push(`  laissé(s) vide(s), absent(s) de la source : ${absent.join(', ')}`);
  if (emptyCount > 0) notes.push(`  ${emptyCount} combinaison(s) sans aucune valeur (cellules vides ou « - ») non écrite(s)`);
  return { rows: out.map((o) => o.row), texts: out.map((o) => o.text), problems, notes };
}

function describeKey(resource: ResourceDescriptor, row: Row): string {
  const keys = resource.schema.primaryKey ?? resource.schema.fields.map((f) => f.name);
  return `(${keys.map((k) => `${k}=${String(row[k])}`).join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Output: the target's header, in its dialect and encoding.

/** Windows-1252 has no encoder in Node: the byte of each character, from the decoder. */
const cp1252 = (() => {
  const decoder = new TextDecoder('windows-1252');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(decoder.decode(new Uint8Array([b])), b);
  return map;
})();

/** The CSV bytes of the rows, as the target resource declares its file. */
export function formatRows(texts: Record<string, string | null>[], resource: ResourceDescriptor): { bytes?: Buffer; problem?: string } {
  const fields = resource.schema.fields;
  const missing = resource.schema.missingValues?.[0] ?? '';
  const records = texts.map((t) =>
    fields.map((f) => {
      const v = t[f.name];
      if (v === null || v === undefined) return missing;
      return (f.type === 'number' || f.type === 'integer') && f.decimalChar && f.decimalChar !== '.' ? v.replace('.', f.decimalChar) : v;
    }),
  );
  const text = stringify([fields.map((f) => f.name), ...records], {
    delimiter: resource.dialect?.delimiter ?? ',',
    quote: resource.dialect?.quoteChar ?? '"',
    record_delimiter: '\n',
  });
  const encoding = resource.encoding ?? 'utf-8';
  if (encoding === 'utf-8') return { bytes: Buffer.from(text, 'utf8') };
  if (encoding === 'utf-8-sig') return { bytes: Buffer.from(`\ufeff${text}`, 'utf8') };
  const bytes: number[] = [];
  for (const ch of text) {
    const b = encoding === 'windows-1252' ? cp1252.get(ch) : ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : undefined;
    if (b === undefined) return { problem: `le caractère ${quote(ch)} n'existe pas dans l'encodage ${encoding} déclaré par la ressource` };
    bytes.push(b);
  }
  return { bytes: Buffer.from(bytes) };
}

// ---------------------------------------------------------------------------------------------
// The whole command, files in, bytes out (the CLI writes them).

export interface ImportRun extends ImportResult {
  target?: Target;
  /** What to write to the target; undefined when there is a problem. */
  bytes?: Buffer;
}

export function runImport(sourcePath: string, targetPath: string, options: ImportOptions & { dryRun?: boolean } = {}): ImportRun {
  const { target, problems: targetProblems } = loadTarget(targetPath);
  if (!target) return { rows: [], texts: [], problems: targetProblems, notes: [] };
  const sourceFile = displayPath(path.resolve(sourcePath));
  const { source, problems: sourceProblems } = readSource(readFileSync(sourcePath), sourceFile);
  if (!source) return { target, rows: [], texts: [], problems: sourceProblems, notes: [] };
  const result = importTable(source, target, options);
  const problems = [...result.problems];
  if (target.frozen) problems.push({ file: target.file, line: 1, column: 1, severity: options.dryRun ? 'warning' : 'error', message: target.frozen });
  if (problems.some((p) => p.severity === 'error')) return { ...result, target, problems, rows: [], texts: [] };
  const { bytes, problem } = formatRows(result.texts, target.resource);
  if (problem) problems.push({ file: target.file, line: 1, column: 1, severity: 'error', message: problem });
  const notes = [`Cible : ${target.file} (${target.resource.title})`, ...result.notes];
  return { ...result, target, problems, notes, bytes: problem ? undefined : bytes };
}
