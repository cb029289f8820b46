/**
 * The table a reader sees for a dataset, computed from its rows: columns with their French
 * titles, codes turned into labels, figures formatted, totals (the `ensemble` rows) apart.
 * Beneficiary profiles are pivoted: one line per category, one column per operator (or
 * territory, year…). Columns that hold one value for every row (the territory of a regional
 * table, its year) are left to the caption and Champ; columns with no value at all are dropped.
 */
import type { Field } from '../data/descriptors.ts';
import type { Resource } from '../data/catalog.ts';
import type { Labeller } from '../data/labels.ts';
import type { Cell, Row } from '../data/table.ts';
import { decimalsOf, formatDecimal, formatInteger, formatPercent, formatPublished, formatWithUnit, MISSING } from '../format/number.ts';

export interface TableCell {
  text: string;
  /** The raw value, for sorting and for tests; empty when missing. */
  value: string;
  /** The dataset cell a figure comes from, for its provenance link (src/provenance/). */
  figure?: { row: Row; field: string };
}

export interface TableRow {
  header: string;
  cells: TableCell[];
}

export interface TableModel {
  /** Title of the first column (what each line is). */
  stub: string;
  columns: { label: string; numeric: boolean }[];
  groups: { label?: string; rows: TableRow[] }[];
  totals: TableRow[];
}

/** A share: a field whose title says « % » (« Part (%) », « % de l’emploi salarié régional »). */
export const isPercent = (f: Pick<Field, 'title'>) => (f.title ?? '').includes('%');
/** A year, shown as it is (never « 2 023 »). */
export const isYearField = (name: string) => name === 'year' || name.endsWith('_year');
const isTotal = (row: Row) => row.operator === 'ensemble' || row.category === 'ensemble';

/**
 * One precision per column: the most decimals the source prints in it, so that « 3,0 % » stands
 * under « 80,9 % » rather than « 3 % » (a reader takes « 3 % » for a rounder figure).
 */
export function columnDecimals(values: Cell[]): number {
  return Math.max(0, ...values.filter((v): v is number => typeof v === 'number').map(decimalsOf));
}

/** The fields that tell a profile's table columns apart: those of operator, territory, year and population that vary. */
const profileColumnFields = (rows: Row[]) => ['operator', 'territory', 'year', 'population'].filter((k) => varies(rows, k));
const columnKeyOf = (fields: string[]) => (r: Row) => fields.map((k) => String(r[k])).join('|');

/** The rows a figure's precision is read over: its table column (a profile's column is an operator, territory, year…). */
function columnOf(resource: Resource): (row: Row) => string {
  return resource.descriptor.cep?.kind === 'beneficiary-profile' ? columnKeyOf(profileColumnFields(resource.table.rows)) : () => '';
}

const precisions = new WeakMap<Resource, { column: (row: Row) => string; decimals: Map<string, number> }>();

/** The precision of a figure: its column's (columnDecimals), computed once per dataset and column. */
function figureDecimals(resource: Resource, row: Row, field: string): number {
  let known = precisions.get(resource);
  if (!known) precisions.set(resource, (known = { column: columnOf(resource), decimals: new Map() }));
  const { column, decimals } = known;
  const key = `${field}\u0000${column(row)}`;
  let found = decimals.get(key);
  if (found === undefined) {
    found = columnDecimals(resource.table.rows.filter((r) => column(r) === column(row)).map((r) => r[field] ?? null));
    decimals.set(key, found);
  }
  return found;
}

export interface FigureTextOptions {
  /** Show « % » (default: the field's title says so). */
  percent?: boolean;
  /** A quoted figure's unit (default true; false when the sentence already says what it counts). */
  unit?: boolean;
  /** A quoted figure's caution, « environ » (default true). */
  qualifier?: boolean;
}

/**
 * A figure as every component prints it — a table cell, <Data>, <KeyFigure>, its provenance page —
 * so that a figure reads the same wherever it is quoted: a quoted figure (key-figures) with the
 * report's caution and its unit, as published; an integer as such; any other number with its
 * column's precision, and « % » for a share.
 */
export function figureText(resource: Resource, row: Row, field: string, options: FigureTextOptions = {}): string {
  const value = row[field] ?? null;
  if (value === null) return MISSING;
  if (typeof value !== 'number') return String(value);
  if (resource.descriptor.cep?.kind === 'key-figures' && field === 'value') {
    const number = options.unit === false ? formatPublished(value) : formatWithUnit(value, String(row.unit));
    return options.qualifier !== false && row.qualifier ? `${String(row.qualifier)} ${number}` : number;
  }
  const definition = resource.descriptor.schema.fields.find((f) => f.name === field);
  const decimals = definition?.type === 'integer' ? 0 : figureDecimals(resource, row, field);
  const percent = options.percent ?? (definition !== undefined && isPercent(definition));
  return percent ? formatPercent(value, decimals) : decimals === 0 ? formatInteger(value) : formatDecimal(value, decimals);
}

/** The fields of its row a figure's text reads (figureText): a quoted figure's caution and unit besides its value. */
export function figureTextFields(resource: Resource, field: string): string[] {
  return resource.descriptor.cep?.kind === 'key-figures' && field === 'value' ? [field, 'qualifier', 'unit'] : [field];
}

function formatCell(resource: Resource, field: Field, value: Cell, label: Labeller, row: Row): TableCell {
  if (value === null) return { text: MISSING, value: '' };
  if (field.type === 'integer' || field.type === 'number')
    return isYearField(field.name) ? { text: String(value), value: String(value) } : { text: figureText(resource, row, field.name), value: String(value), figure: { row, field: field.name } };
  return { text: label(field.name, value, row), value: String(value) };
}

const varies = (rows: Row[], field: string) => new Set(rows.map((r) => String(r[field]))).size > 1;
const isEmpty = (rows: Row[], field: string) => rows.every((r) => r[field] === null || r[field] === '');

function listModel(resource: Resource, label: Labeller): TableModel {
  const rows = resource.table.rows;
  const fields = resource.descriptor.schema.fields.filter(
    (f) => !isEmpty(rows, f.name) && (varies(rows, f.name) || rows.length === 1 || !['territory', 'year', 'population'].includes(f.name)),
  );
  const [stub, ...rest] = fields;
  if (!stub) return { stub: '', columns: [], groups: [], totals: [] };
  const cell = (f: Field, row: Row) => formatCell(resource, f, row[f.name] ?? null, label, row);
  const line = (row: Row): TableRow => ({ header: cell(stub, row).text, cells: rest.map((f) => cell(f, row)) });
  return {
    stub: stub.title ?? stub.name,
    columns: rest.map((f) => ({ label: f.title ?? f.name, numeric: f.type !== 'string' })),
    groups: [{ rows: rows.filter((r) => !isTotal(r)).map(line) }],
    totals: rows.filter(isTotal).map(line),
  };
}

function pivotModel(resource: Resource, label: Labeller): TableModel {
  const rows = resource.table.rows;
  const measure = rows.some((r) => r.share !== null) ? 'share' : 'count';
  const keys = profileColumnFields(rows);
  const columnKey = columnKeyOf(keys);
  const columnOrder: string[] = [];
  const columnLabels = new Map<string, string>();
  for (const r of [...rows].sort((a, b) => Number(a.operator === 'ensemble') - Number(b.operator === 'ensemble'))) {
    const key = columnKey(r);
    if (!columnLabels.has(key)) {
      columnOrder.push(key);
      columnLabels.set(key, keys.map((k) => (k === 'year' ? String(r[k]) : label(k, r[k], r))).join(' – ') || (measure === 'share' ? 'Part' : 'Effectif'));
    }
  }
  const dimensions = [...new Set(rows.map((r) => String(r.dimension)))];
  const groups = dimensions.map((dimension) => {
    const inDimension = rows.filter((r) => r.dimension === dimension);
    const categories = [...new Set(inDimension.map((r) => String(r.category)))];
    return {
      label: dimensions.length > 1 ? label('dimension', dimension) : undefined,
      rows: categories.map((category) => {
        const first = inDimension.find((r) => r.category === category)!;
        return {
          header: label('category', category, first),
          cells: columnOrder.map((key) => {
            const row = inDimension.find((r) => r.category === category && columnKey(r) === key);
            const value = row?.[measure] ?? null;
            if (value === null) return { text: MISSING, value: '' };
            return { text: figureText(resource, row!, measure, { percent: measure === 'share' }), value: String(value), figure: { row: row!, field: measure } };
          }),
        };
      }),
    };
  });
  return {
    stub: dimensions.length === 1 ? label('dimension', dimensions[0]) : 'Catégorie',
    columns: columnOrder.map((key) => ({ label: columnLabels.get(key)!, numeric: true })),
    groups,
    totals: [],
  };
}

/** Quoted figures: what is measured, then the figure with its unit and the report's caution. */
function keyFiguresModel(resource: Resource, label: Labeller): TableModel {
  const rows = resource.table.rows;
  const extra = ['territory', 'year', 'operator', 'source'].filter((f) => varies(rows, f) && !isEmpty(rows, f));
  const fields = resource.descriptor.schema.fields;
  return {
    stub: 'Ce qui est mesuré',
    columns: [{ label: 'Valeur', numeric: true }, ...extra.map((f) => ({ label: fields.find((x) => x.name === f)?.title ?? f, numeric: false }))],
    groups: [
      {
        rows: rows.map((row) => ({
          header: String(row.label),
          cells: [
            { text: figureText(resource, row, 'value'), value: String(row.value), figure: { row, field: 'value' } },
            ...extra.map((f) => (row[f] === null ? { text: '', value: '' } : formatCell(resource, fields.find((x) => x.name === f)!, row[f] ?? null, label, row))),
          ],
        })),
      },
    ],
    totals: [],
  };
}

export function tableModel(resource: Resource, label: Labeller): TableModel {
  switch (resource.descriptor.cep?.kind) {
    case 'beneficiary-profile':
      return pivotModel(resource, label);
    case 'key-figures':
      return keyFiguresModel(resource, label);
    default:
      return listModel(resource, label);
  }
}

/**
 * How a table reads on a phone. « stack »: one card per row, the column headers as labels, for a
 * wide and short table (at most STACK_MAX_ROWS rows, at least STACK_MIN_COLUMNS value columns, no
 * row groups), where a reader compares few rows across many columns. « scroll »: the table as it
 * is, scrolling sideways with its first column kept in view, for the long ones, where comparing
 * down a column matters and cards would run for screens.
 */
export type PhoneLayout = 'stack' | 'scroll';
export const STACK_MAX_ROWS = 6;
export const STACK_MIN_COLUMNS = 3;

export function phoneLayout(model: TableModel): PhoneLayout {
  const rows = model.groups.reduce((n, g) => n + g.rows.length, model.totals.length);
  const grouped = model.groups.some((g) => g.label);
  return !grouped && rows <= STACK_MAX_ROWS && model.columns.length >= STACK_MIN_COLUMNS ? 'stack' : 'scroll';
}
