/**
 * What changed between two states of the data: two versions of one report edition (the same
 * `<region>/<year>/v1` at a git ref and in the working tree), two editions of a report (v1 and
 * the v2 that corrects it), or two whole catalogs. The result is plain data, sorted, with no
 * timestamp: `markdown.ts` renders it for a pull request, and an HTML page can render it too.
 *
 * What is compared, per edition:
 * - `metadata`: the fields of report.json that readers see (title, author, publication, and
 *   between two versions of the same edition, its changes text and date);
 * - `datasets`: resources added or removed (by name), and for a resource on both sides its
 *   schema (fields added, removed, retyped), its descriptor (title, unit, champ, notes…) and
 *   its rows. Rows are matched by the schema's `primaryKey`; a resource without one is matched
 *   by all its non-numeric fields (string, date, boolean: the codes and labels that say what a
 *   row is about, while numbers are the figures that change), and when it has none, by all its
 *   fields. Rows sharing a key are matched in file order. A matched row whose cells differ is
 *   `changed`, with each changed field's old and new value; only the fields present on both
 *   sides are compared (an added field is a schema change, not a change of every row);
 * - `rules`: consistency rules added, removed or modified (by id); an edition with nothing to
 *   compare with (a new report) adds all of its rules;
 * - `indicators`: every indicator of data/indicators that reads a kind of dataset that changed,
 *   computed by DuckDB on each side; a value that differs (beyond floating-point noise) is
 *   listed, row by row of the result (`dimensions`: territory, year, operator…).
 *   Indicators are compared only when both sides exist;
 * - `chapters`: the files of the edition's content folder, added, removed (by file name: a
 *   renamed chapter is one removed and one added) or modified; for a modified one, the
 *   paragraphs (blocks separated by blank lines; the front matter is the first) added,
 *   removed or changed, found with a longest common subsequence of paragraphs.
 *
 * Everything here is pure except `loadSnapshot` (reads the files) and the indicator values
 * (DuckDB, hence the async functions).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inspectData, type Catalog, type Report, type Resource } from '../data/catalog.ts';
import type { Field, ResourceDescriptor } from '../data/descriptors.ts';
import type { DataIssue } from '../data/issues.ts';
import type { Cell, Row } from '../data/table.ts';
import { readsKind, sameValue, type IndicatorDefinition, type Unit } from '../indicators/model.ts';
import { labelAddedRows } from './row-labels.ts';

export type { Cell, Row };

// ---------------------------------------------------------------------------------------------
// The result

/** One edition as the diff names it. */
export interface EditionRef {
  /** `<region>/<year>` */
  reportId: string;
  /** `<region>/<year>/v<N>` */
  editionId: string;
  number: number;
  /** Release date (ISO), once released. */
  date?: string;
  released: boolean;
  latest: boolean;
  /** The edition's changelog entry (report.json `edition.changes`). */
  changes: string;
  title: string;
  /** The region's label, from territories.csv. */
  regionLabel: string;
  year: number;
}

/** What happened to an edition as a whole between the two sides. */
export type EditionEvent =
  /** The first edition(s) of a report the before side does not have. */
  | 'report-added'
  /** A report the after side no longer has. */
  | 'report-removed'
  /** A new edition of an existing report (in preparation unless also `released`). */
  | 'opened'
  /** Newly in editions.lock.json: frozen, published at `after.date`. */
  | 'released'
  /** No longer in editions.lock.json (should not happen: released editions are frozen). */
  | 'unreleased'
  /** An edition folder that the after side no longer has (its report still exists). */
  | 'removed';

export interface CellChange {
  field: string;
  before: Cell;
  after: Cell;
}

/** A row on one side only. */
export interface RowRef {
  /** The values of the matching fields (`DatasetDiff.match.fields`). */
  key: Record<string, Cell>;
  /** The key values joined by « · », as shown to readers. */
  label: string;
  /** Line in its CSV file (1 is the header). */
  line: number;
  row: Row;
  /**
   * The labels of its codes, by field (`operator` → « APEC »), where a label differs from the
   * code: set for the rows of a dataset added to an edition (see row-labels.ts).
   */
  labels?: Record<string, string>;
}

/** A row on both sides whose cells differ. */
export interface RowChange {
  key: Record<string, Cell>;
  label: string;
  lineBefore: number;
  lineAfter: number;
  /** In the order of the after schema's fields. */
  cells: CellChange[];
}

/** A change to a resource's descriptor other than its fields: values as text. */
export interface PropertyChange {
  /** `title`, `cep.unit`, `cep.champ`, `cep.lecture`, `cep.notes`, `cep.technicalNotes`, `cep.kind`, `cep.item`, `sources`, `schema.primaryKey` */
  property: string;
  before?: string;
  after?: string;
}

export interface RowMatch {
  by: 'primaryKey' | 'nonNumericFields' | 'allFields';
  fields: string[];
}

export interface DatasetDiff {
  /** The resource name. */
  name: string;
  status: 'added' | 'removed' | 'modified';
  /** The after side's title (the before side's when removed). */
  title: string;
  /** The CSV file, relative to its package's folder (the descriptor's `path`). */
  path: string;
  match: RowMatch;
  rowCount: { before: number; after: number };
  fields: {
    added: string[];
    removed: string[];
    retyped: { field: string; before: Field['type']; after: Field['type'] }[];
  };
  properties: PropertyChange[];
  /**
   * Rows on one side only, and matched rows whose cells differ, in file order. For an added
   * (removed) dataset, every row is in `added` (`removed`).
   */
  rows: { added: RowRef[]; removed: RowRef[]; changed: RowChange[] };
}

export interface IndicatorChange {
  indicator: string;
  label: string;
  unit: Unit;
  decimals: number;
  /** The result row's dimensions, e.g. `{ territory: 'FRM', year: 2023, operator: 'apec' }`. */
  dimensions: Record<string, string | number | null>;
  /** `null`: computed but missing (empty cells); `undefined`: no such result row on that side. */
  before: number | null | undefined;
  after: number | null | undefined;
}

export interface ParagraphChange {
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
  /** 1-based line of the paragraph in the before (after) file. */
  lineBefore?: number;
  lineAfter?: number;
}

export interface ChapterDiff {
  /** File name in the edition's content folder: `05-profils-et-objectifs.mdx`. */
  file: string;
  status: 'added' | 'removed' | 'modified';
  /** The front matter's `title` (after side, or before side when removed). */
  title?: string;
  /** For a modified chapter, in file order. */
  paragraphs: ParagraphChange[];
}

export interface MetadataChange {
  field: 'title' | 'author' | 'publication' | 'edition.changes' | 'edition.date';
  before?: string;
  after?: string;
}

export interface RuleChanges {
  added: string[];
  removed: string[];
  modified: string[];
}

export interface EditionDiff {
  reportId: string;
  editionId: string;
  /** `modified` when anything below (or an event) differs, `unchanged` otherwise. */
  status: 'added' | 'removed' | 'modified' | 'unchanged';
  before?: EditionRef;
  after?: EditionRef;
  /**
   * For an added edition of an existing report: the before side's previous edition, which the
   * content is compared with (so that an opened v2 shows what it changes from v1).
   */
  baseline?: EditionRef;
  events: EditionEvent[];
  metadata: MetadataChange[];
  datasets: DatasetDiff[];
  rules: RuleChanges;
  indicators: IndicatorChange[];
  chapters: ChapterDiff[];
}

export interface InvalidSide {
  side: 'before' | 'after';
  /** The errors (not the warnings), in the validator's order. */
  errors: DataIssue[];
}

export interface CatalogDiff {
  /** False when a side does not validate: `invalid` says why, and nothing else is compared. */
  comparable: boolean;
  invalid: InvalidSide[];
  /** The reference lists of data/reference. */
  reference: DatasetDiff[];
  /** Every edition of either side, sorted by report then number, unchanged ones included. */
  editions: EditionDiff[];
}

// ---------------------------------------------------------------------------------------------
// The inputs

export interface ChapterFile {
  /** File name: `05-profils-et-objectifs.mdx`. */
  file: string;
  text: string;
}

/** One edition and its chapters. */
export interface EditionInput {
  report: Report;
  chapters: ChapterFile[];
}

/** One side of a comparison: the loaded catalog (if it validates), its issues, the chapters. */
export interface Snapshot {
  catalog?: Catalog;
  issues: DataIssue[];
  /** Chapters by edition id. */
  chapters: Map<string, ChapterFile[]>;
}

/** Reads a data folder and a content folder as one side of a comparison. */
export function loadSnapshot(dataRoot: string, contentRoot: string): Snapshot {
  const { catalog, issues } = inspectData(dataRoot, contentRoot);
  const chapters = new Map<string, ChapterFile[]>();
  for (const report of catalog?.editions ?? []) chapters.set(report.editionId, readChapters(contentRoot, report.editionId));
  return { catalog, issues, chapters };
}

/** The files of an edition's content folder (`content/reports/<slug>/<year>/v<N>/`), by name. */
export function readChapters(contentRoot: string, editionId: string): ChapterFile[] {
  const dir = path.join(contentRoot, 'reports', ...editionId.split('/'));
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort(byText)
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Code-unit order: the same everywhere, whatever the ICU of the runtime. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

export function editionRef(report: Report): EditionRef {
  return {
    reportId: report.id,
    editionId: report.editionId,
    number: report.edition.number,
    ...(report.edition.date ? { date: report.edition.date } : {}),
    released: report.edition.released,
    latest: report.edition.latest,
    changes: report.meta.edition.changes,
    title: report.meta.title,
    regionLabel: report.region.label,
    year: report.year,
  };
}

// ---------------------------------------------------------------------------------------------
// Datasets

/** How the rows of a resource are matched across two versions (see the top of this file). */
export function rowMatch(before: ResourceDescriptor | undefined, after: ResourceDescriptor | undefined): RowMatch {
  const beforeFields = before?.schema.fields ?? after!.schema.fields;
  const afterFields = after?.schema.fields ?? before!.schema.fields;
  const common = afterFields.filter((f) => beforeFields.some((g) => g.name === f.name));
  const names = new Set(common.map((f) => f.name));
  for (const pk of [after?.schema.primaryKey, before?.schema.primaryKey])
    if (pk && pk.length > 0 && pk.every((f) => names.has(f))) return { by: 'primaryKey', fields: [...pk] };
  const nonNumeric = common.filter((f) => f.type !== 'integer' && f.type !== 'number').map((f) => f.name);
  if (nonNumeric.length > 0) return { by: 'nonNumericFields', fields: nonNumeric };
  return { by: 'allFields', fields: common.map((f) => f.name) };
}

function rowKey(row: Row, fields: string[]): Record<string, Cell> {
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
}

function rowLabel(row: Row, fields: string[]): string {
  return fields.map((f) => (row[f] === null || row[f] === undefined ? '' : String(row[f]))).join(' · ');
}

function rowRef(resource: Resource, i: number, fields: string[]): RowRef {
  const row = resource.table.rows[i]!;
  return { key: rowKey(row, fields), label: rowLabel(row, fields), line: resource.table.lines[i]!, row };
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(' ; ');
  return JSON.stringify(value);
}

const PROPERTIES: [string, (d: ResourceDescriptor) => unknown][] = [
  ['title', (d) => d.title],
  ['cep.kind', (d) => d.cep?.kind],
  ['cep.unit', (d) => d.cep?.unit],
  ['cep.champ', (d) => d.cep?.champ],
  ['cep.lecture', (d) => d.cep?.lecture],
  ['cep.notes', (d) => d.cep?.notes],
  ['cep.technicalNotes', (d) => d.cep?.technicalNotes],
  ['cep.item', (d) => d.cep?.item],
  ['sources', (d) => d.sources?.map((s) => s.title)],
  ['schema.primaryKey', (d) => d.schema.primaryKey],
];

/**
 * One resource in two versions (either may be missing: added, removed). Undefined when both
 * versions hold the same rows, fields and descriptor properties.
 */
export function compareResource(before: Resource | undefined, after: Resource | undefined): DatasetDiff | undefined {
  if (!before && !after) return undefined;
  const name = (after ?? before)!.descriptor.name;
  const match = rowMatch(before?.descriptor, after?.descriptor);
  const rowCount = { before: before?.table.rows.length ?? 0, after: after?.table.rows.length ?? 0 };
  const empty = { added: [], removed: [], retyped: [] };
  if (!before || !after) {
    const side = (after ?? before)!;
    const refs = side.table.rows.map((_, i) => rowRef(side, i, match.fields));
    return {
      name,
      status: after ? 'added' : 'removed',
      title: side.descriptor.title,
      path: side.descriptor.path,
      match,
      rowCount,
      fields: empty,
      properties: [],
      rows: after ? { added: refs, removed: [], changed: [] } : { added: [], removed: refs, changed: [] },
    };
  }
  const beforeFields = new Map(before.descriptor.schema.fields.map((f) => [f.name, f]));
  const afterFields = new Map(after.descriptor.schema.fields.map((f) => [f.name, f]));
  const fields = {
    added: [...afterFields.keys()].filter((f) => !beforeFields.has(f)),
    removed: [...beforeFields.keys()].filter((f) => !afterFields.has(f)),
    retyped: [...afterFields.values()]
      .filter((f) => beforeFields.has(f.name) && beforeFields.get(f.name)!.type !== f.type)
      .map((f) => ({ field: f.name, before: beforeFields.get(f.name)!.type, after: f.type })),
  };
  const properties: PropertyChange[] = [];
  for (const [property, get] of PROPERTIES) {
    const [b, a] = [text(get(before.descriptor)), text(get(after.descriptor))];
    if (b !== a) properties.push({ property, ...(b === undefined ? {} : { before: b }), ...(a === undefined ? {} : { after: a }) });
  }
  const compared = [...afterFields.keys()].filter((f) => beforeFields.has(f));
  const keyText = (row: Row) => JSON.stringify(match.fields.map((f) => row[f] ?? null));
  const waiting = new Map<string, number[]>();
  before.table.rows.forEach((row, i) => {
    const k = keyText(row);
    const list = waiting.get(k);
    if (list) list.push(i);
    else waiting.set(k, [i]);
  });
  const rows: DatasetDiff['rows'] = { added: [], removed: [], changed: [] };
  after.table.rows.forEach((row, j) => {
    const i = waiting.get(keyText(row))?.shift();
    if (i === undefined) {
      rows.added.push(rowRef(after, j, match.fields));
      return;
    }
    const old = before.table.rows[i]!;
    const cells = compared.filter((f) => !sameCell(old[f], row[f])).map((f) => ({ field: f, before: old[f] ?? null, after: row[f] ?? null }));
    if (cells.length > 0)
      rows.changed.push({
        key: rowKey(row, match.fields),
        label: rowLabel(row, match.fields),
        lineBefore: before.table.lines[i]!,
        lineAfter: after.table.lines[j]!,
        cells,
      });
  });
  for (const list of waiting.values()) for (const i of list) rows.removed.push(rowRef(before, i, match.fields));
  rows.removed.sort((a, b) => a.line - b.line);
  const changed =
    fields.added.length + fields.removed.length + fields.retyped.length + properties.length + rows.added.length + rows.removed.length + rows.changed.length > 0;
  if (!changed) return undefined;
  return { name, status: 'modified', title: after.descriptor.title, path: after.descriptor.path, match, rowCount, fields, properties, rows };
}

/** Every resource of two versions of a package (or of the reference lists), by name, sorted. */
export function compareDatasets(before: Map<string, Resource> | undefined, after: Map<string, Resource> | undefined): DatasetDiff[] {
  const names = [...new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])].sort(byText);
  return names.map((n) => compareResource(before?.get(n), after?.get(n))).filter((d): d is DatasetDiff => d !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Metadata and rules

const METADATA: [MetadataChange['field'], (r: Report) => string | undefined][] = [
  ['title', (r) => r.meta.title],
  ['author', (r) => r.meta.author],
  ['publication', (r) => r.meta.publication],
  ['edition.changes', (r) => r.meta.edition.changes],
  ['edition.date', (r) => r.meta.edition.date],
];

/**
 * The report.json fields readers see. The edition number is the edition's identity, not a
 * change; between two different editions (v1 and v2), their changelog and date are each their
 * own, so only the report's fields (title, author, publication) are compared.
 */
export function compareMetadata(before: Report | undefined, after: Report | undefined): MetadataChange[] {
  if (!before || !after) return [];
  const sameEdition = before.edition.number === after.edition.number;
  const changes: MetadataChange[] = [];
  for (const [field, get] of METADATA) {
    if (!sameEdition && field.startsWith('edition.')) continue;
    const [b, a] = [get(before), get(after)];
    if (b !== a) changes.push({ field, ...(b === undefined ? {} : { before: b }), ...(a === undefined ? {} : { after: a }) });
  }
  return changes;
}

/** The package's consistency rules, by id; a new edition without a baseline adds all of its own. */
export function compareRules(before: Report | undefined, after: Report | undefined): RuleChanges {
  if (!after) return { added: [], removed: [], modified: [] };
  const b = new Map((before?.package.cep?.rules ?? []).map((r) => [r.id, JSON.stringify(r)]));
  const a = new Map((after.package.cep?.rules ?? []).map((r) => [r.id, JSON.stringify(r)]));
  return {
    added: [...a.keys()].filter((id) => !b.has(id)).sort(byText),
    removed: [...b.keys()].filter((id) => !a.has(id)).sort(byText),
    modified: [...a.keys()].filter((id) => b.has(id) && b.get(id) !== a.get(id)).sort(byText),
  };
}

// ---------------------------------------------------------------------------------------------
// Indicators

/** Every row of an indicator on a report (injected so that the pure parts do not import DuckDB). */
export type IndicatorRunner = (report: Report, indicator: IndicatorDefinition) => Promise<Record<string, string | number | null>[]>;

async function defaultRunner(): Promise<IndicatorRunner> {
  const { indicatorRows } = await import('../engine/node.ts');
  return indicatorRows;
}

async function catalogueIndicators(): Promise<readonly IndicatorDefinition[]> {
  const { loadIndicators } = await import('../indicators/catalogue.ts');
  return loadIndicators().indicators;
}

function compareValues(a: Cell | undefined, b: Cell | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return byText(String(a), String(b));
}

function compareTuples(a: Cell[], b: Cell[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** Whether a dataset of these names, on either side, is of a kind the indicator reads. */
function readsAny(indicator: IndicatorDefinition, names: Set<string>, reports: Report[]): boolean {
  return reports.some((report) => [...names].some((name) => readsKind(indicator, report.resources.get(name)?.descriptor.cep?.kind)));
}

/**
 * Indicator values that differ between two versions of a report. `datasets` limits the
 * indicators to those reading one of these datasets (by default: all); the others cannot have
 * moved when their dataset is unchanged.
 */
export async function compareIndicators(
  before: Report,
  after: Report,
  options: { datasets?: Set<string>; run?: IndicatorRunner; indicators?: readonly IndicatorDefinition[] } = {},
): Promise<IndicatorChange[]> {
  const run = options.run ?? (await defaultRunner());
  const changes: IndicatorChange[] = [];
  for (const indicator of options.indicators ?? (await catalogueIndicators())) {
    if (options.datasets && !readsAny(indicator, options.datasets, [before, after])) continue;
    const compute = async (report: Report) => {
      try {
        return await run(report, indicator);
      } catch {
        return undefined; // the SQL no longer fits the data: not computable
      }
    };
    const keyOf = (row: Record<string, unknown>) => indicator.dimensions.map((d) => (row[d] ?? null) as Cell);
    const rows = new Map<string, { dims: Cell[]; before?: number | null; after?: number | null }>();
    for (const [side, result] of [['before', await compute(before)], ['after', await compute(after)]] as const)
      for (const row of result ?? []) {
        const dims = keyOf(row);
        const k = JSON.stringify(dims);
        const entry = rows.get(k) ?? { dims };
        entry[side] = (row.value ?? null) as number | null;
        rows.set(k, entry);
      }
    for (const entry of [...rows.values()].sort((x, y) => compareTuples(x.dims, y.dims))) {
      if (sameValue(entry.before, entry.after)) continue;
      changes.push({
        indicator: indicator.id,
        label: indicator.label,
        unit: indicator.unit,
        decimals: indicator.decimals,
        dimensions: Object.fromEntries(indicator.dimensions.map((d, i) => [d, entry.dims[i] as string | number | null])),
        before: entry.before,
        after: entry.after,
      });
    }
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Chapters

export interface Paragraph {
  text: string;
  line: number;
}

/** Blocks separated by blank lines, with their first line; trailing spaces do not count. */
export function paragraphs(source: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: string[] = [];
  let start = 0;
  source.replace(/\r\n?/g, '\n').split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === '') {
      if (current.length) out.push({ text: current.join('\n'), line: start });
      current = [];
    } else {
      if (!current.length) start = i + 1;
      current.push(line);
    }
  });
  if (current.length) out.push({ text: current.join('\n'), line: start });
  return out;
}

/** The paragraphs added, removed or changed from one text to the other (a removal followed by an addition is a change). */
export function compareParagraphs(before: string, after: string): ParagraphChange[] {
  const a = paragraphs(before);
  const b = paragraphs(after);
  // Longest common subsequence of paragraphs: chapters have tens of them, a table is cheap.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i]!.text === b[j]!.text ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const changes: ParagraphChange[] = [];
  let removed: Paragraph[] = [];
  let added: Paragraph[] = [];
  const flush = () => {
    const n = Math.max(removed.length, added.length);
    for (let k = 0; k < n; k++) {
      const r = removed[k];
      const d = added[k];
      if (r && d) changes.push({ kind: 'changed', before: r.text, after: d.text, lineBefore: r.line, lineAfter: d.line });
      else if (r) changes.push({ kind: 'removed', before: r.text, lineBefore: r.line });
      else if (d) changes.push({ kind: 'added', after: d.text, lineAfter: d.line });
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]!.text === b[j]!.text) {
      flush();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) removed.push(a[i++]!);
    else added.push(b[j++]!);
  }
  flush();
  return changes;
}

/** The `title` of a chapter's front matter. */
export function chapterTitle(source: string): string | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
  const title = front && /^title:[ \t]*(.+)$/m.exec(front)?.[1]?.trim();
  return title ? title.replace(/^(['"])(.*)\1$/, '$2') : undefined;
}

/** Two versions of an edition's chapters, by file name. */
export function compareChapters(before: ChapterFile[] | undefined, after: ChapterFile[] | undefined): ChapterDiff[] {
  const b = new Map((before ?? []).map((c) => [c.file, c.text]));
  const a = new Map((after ?? []).map((c) => [c.file, c.text]));
  const files = [...new Set([...b.keys(), ...a.keys()])].sort(byText);
  const out: ChapterDiff[] = [];
  for (const file of files) {
    const [old, now] = [b.get(file), a.get(file)];
    if (old === now) continue;
    const title = chapterTitle(now ?? old!);
    const t = title === undefined ? {} : { title };
    if (old === undefined) out.push({ file, status: 'added', ...t, paragraphs: [] });
    else if (now === undefined) out.push({ file, status: 'removed', ...t, paragraphs: [] });
    else {
      const changes = compareParagraphs(old, now);
      // Only blank lines or trailing spaces moved: nothing a reader sees.
      if (changes.length > 0) out.push({ file, status: 'modified', ...t, paragraphs: changes });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Editions and catalogs

export interface CompareOptions {
  /** Runs the indicators (default: native DuckDB, engine/node.ts). */
  run?: IndicatorRunner;
  /** Indicators to compare (default: the catalogue, data/indicators). */
  indicators?: readonly IndicatorDefinition[];
}

/** Whether anything differs in an edition's diff, events included. */
export function hasChanges(diff: Omit<EditionDiff, 'status'>): boolean {
  return (
    diff.events.length > 0 ||
    diff.metadata.length > 0 ||
    diff.datasets.length > 0 ||
    diff.rules.added.length + diff.rules.removed.length + diff.rules.modified.length > 0 ||
    diff.indicators.length > 0 ||
    diff.chapters.length > 0
  );
}

/**
 * Two versions of one edition, or two editions of a report (`before` = v1, `after` = v2).
 * `before` undefined: the edition is added; `after` undefined: removed. Events are left to
 * `compareCatalogs`, which knows the other editions; `events` is empty here.
 */
export async function compareEditions(before: EditionInput | undefined, after: EditionInput | undefined, options: CompareOptions = {}): Promise<EditionDiff> {
  const side = (after ?? before)!;
  const datasets = compareDatasets(before?.report.resources, after?.report.resources);
  const indicators =
    before && after
      ? await compareIndicators(before.report, after.report, {
          datasets: new Set(datasets.map((d) => d.name)),
          ...(options.run ? { run: options.run } : {}),
          ...(options.indicators ? { indicators: options.indicators } : {}),
        })
      : [];
  const diff: Omit<EditionDiff, 'status'> = {
    reportId: side.report.id,
    editionId: side.report.editionId,
    ...(before ? { before: editionRef(before.report) } : {}),
    ...(after ? { after: editionRef(after.report) } : {}),
    events: [],
    metadata: compareMetadata(before?.report, after?.report),
    datasets,
    rules: compareRules(before?.report, after?.report),
    indicators,
    chapters: compareChapters(before?.chapters, after?.chapters),
  };
  return { ...diff, status: !before ? 'added' : !after ? 'removed' : hasChanges(diff) ? 'modified' : 'unchanged' };
}

function byEdition(a: { reportId: string; number: number }, b: { reportId: string; number: number }): number {
  return byText(a.reportId, b.reportId) || a.number - b.number;
}

/**
 * Two whole catalogs: the reference lists, then every edition by id. An edition only on the
 * after side is compared with the before side's previous edition of the same report
 * (`baseline`), if there is one; a new report is listed with its datasets and chapters as added.
 */
export async function compareCatalogs(before: Snapshot, after: Snapshot, options: CompareOptions = {}): Promise<CatalogDiff> {
  const invalid: InvalidSide[] = [];
  for (const [name, snapshot] of [['before', before], ['after', after]] as const) {
    const errors = snapshot.issues.filter((i) => i.severity === 'error');
    if (!snapshot.catalog || errors.length > 0) invalid.push({ side: name, errors });
  }
  if (!before.catalog || !after.catalog || invalid.length > 0) return { comparable: false, invalid, reference: [], editions: [] };

  const input = (snapshot: Snapshot, report: Report): EditionInput => ({ report, chapters: snapshot.chapters.get(report.editionId) ?? [] });
  const old = new Map(before.catalog.editions.map((r) => [r.editionId, r]));
  const now = new Map(after.catalog.editions.map((r) => [r.editionId, r]));
  const ids = [...new Set([...old.keys(), ...now.keys()])]
    .map((id) => (now.get(id) ?? old.get(id))!)
    .sort((a, b) => byEdition({ reportId: a.id, number: a.edition.number }, { reportId: b.id, number: b.edition.number }))
    .map((r) => r.editionId);
  const reportsBefore = new Set(before.catalog.editions.map((r) => r.id));
  const reportsAfter = new Set(after.catalog.editions.map((r) => r.id));

  const editions: EditionDiff[] = [];
  for (const id of ids) {
    const b = old.get(id);
    const a = now.get(id);
    const events: EditionEvent[] = [];
    let diff: EditionDiff;
    if (a && !b) {
      const previous = before.catalog.editions
        .filter((r) => r.id === a.id && r.edition.number < a.edition.number)
        .at(-1);
      events.push(previous || reportsBefore.has(a.id) ? 'opened' : 'report-added');
      diff = await compareEditions(previous && input(before, previous), input(after, a), options);
      diff = { ...diff, reportId: a.id, editionId: a.editionId, status: 'added' };
      delete diff.before;
      if (previous) diff.baseline = editionRef(previous);
      if (a.edition.released) events.push('released');
    } else if (b && !a) {
      events.push(reportsAfter.has(b.id) ? 'removed' : 'report-removed');
      diff = await compareEditions(input(before, b), undefined, options);
    } else {
      diff = await compareEditions(input(before, b!), input(after, a!), options);
      if (a!.edition.released && !b!.edition.released) events.push('released');
      if (!a!.edition.released && b!.edition.released) events.push('unreleased');
    }
    diff.events = events;
    if (a) labelAddedRows(diff.datasets, after.catalog, a);
    if (diff.status === 'unchanged' && events.length > 0) diff.status = 'modified';
    editions.push(diff);
  }
  return {
    comparable: true,
    invalid: [],
    reference: compareDatasets(before.catalog.reference, after.catalog.reference),
    editions,
  };
}

/** Whether two catalogs differ at all (a catalog diff that cannot compare counts as different). */
export function isEmptyDiff(diff: CatalogDiff): boolean {
  return diff.comparable && diff.reference.length === 0 && diff.editions.every((e) => e.status === 'unchanged');
}
