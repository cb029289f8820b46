/**
 * The light executor of a table plan (plan.ts): the view's rows (its published CSV, a few
 * thousand lines) filtered, grouped, summed and sorted in plain TypeScript, so that a shared link
 * shows its result while DuckDB-WASM loads. It must give exactly DuckDB's rows (sql.ts): same
 * NULL rules (a NULL matches no filter, sums skip it, sorts last), same string order (by code
 * point), same sums. Arquero would do this well, but it compiles its expressions with
 * `Function()`, which the site's Content-Security-Policy (no 'unsafe-eval') forbids.
 */
import { parse } from 'csv-parse/browser/esm/sync';
import type { FieldType } from '../data/descriptors.ts';
import { searchable, type OrderKey, type TablePlan } from './plan.ts';
import type { ResultRow } from './render.ts';
import { reportYear, type SumCheck } from './sums.ts';

export interface TableAnswer {
  /** The page asked for. */
  rows: ResultRow[];
  /** Every row of the result, in order (the downloads). */
  all: ResultRow[];
  count: number;
  totals: ResultRow;
}

type Cell = ResultRow[string];

/** The view's CSV (src/engine/csv.ts dialect) as typed rows, as DuckDB reads it (createTableSql). */
export function viewRows(csv: string, columns: { name: string; type: FieldType }[]): ResultRow[] {
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const records = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((record) => {
    const row: ResultRow = {};
    for (const [name, text] of Object.entries(record)) {
      const type = types.get(name) ?? 'string';
      row[name] = text === '' ? null : type === 'integer' || type === 'number' ? Number(text) : text;
    }
    return row;
  });
}

const asText = (v: Cell) => (v === null ? null : String(v));

function matches(plan: TablePlan, row: ResultRow): boolean {
  for (const { field, values } of plan.filters) {
    const text = asText(row[field] ?? null);
    if (text === null || !values.includes(text)) return false;
  }
  if (plan.search) {
    const { columns, text } = plan.search;
    if (!columns.some((c) => searchable(String(row[c] ?? '')).includes(text))) return false;
  }
  return true;
}

const keptInSums = (out: TablePlan['leaveOut'], row: ResultRow) => out.every(({ field, values }) => !values.includes(String(row[field] ?? '')));

const distinct = (rows: ResultRow[], value: (r: ResultRow) => Cell) => new Set(rows.map(value).filter((v) => v !== null)).size;

function flag(check: SumCheck, rows: ResultRow[]): boolean {
  switch (check.kind) {
    case 'mixed':
      return distinct(rows, (r) => r[check.field] ?? null) > 1;
    case 'nested':
      return distinct(rows, (r) => r.territory ?? null) > 1 && rows.some((r) => r.territory !== null && check.wide.includes(String(r.territory)));
    case 'reportYears':
      return distinct(rows, (r) => (r.report === null ? null : reportYear(String(r.report)))) > 1;
    case 'repeated':
      return rows.length > new Set(rows.map((r) => JSON.stringify(check.key.map((k) => r[k] ?? null)))).size;
  }
}

/** SUM's rules: NULLs skipped, NULL when nothing is left. */
function sum(rows: ResultRow[], field: string): number | null {
  const values = rows.map((r) => r[field]).filter((v): v is number => typeof v === 'number');
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}

function summary(plan: TablePlan, rows: ResultRow[], checks: SumCheck[]): ResultRow {
  const flags = Object.fromEntries(checks.map((c) => [c.flag, flag(c, rows)]));
  const raised = checks.some((c) => flags[c.flag]);
  return { ...Object.fromEntries(plan.sums.map((f) => [f.name, raised ? null : sum(rows, f.name)])), lignes: rows.length, ...flags } as ResultRow;
}

function minText(rows: ResultRow[], field: string): string | null {
  let min: string | null = null;
  for (const r of rows) {
    const v = r[field];
    if (v !== null && v !== undefined && (min === null || String(v) < min)) min = String(v);
  }
  return min;
}

function grouped(plan: TablePlan, rows: ResultRow[]): ResultRow[] {
  const groups = new Map<string, ResultRow[]>();
  for (const row of rows) {
    const key = JSON.stringify(plan.group.map((f) => row[f.name] ?? null));
    const members = groups.get(key);
    if (members) members.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((members) => {
    const keys: ResultRow = {};
    for (const f of plan.group) {
      keys[f.name] = members[0]![f.name] ?? null;
      if (f.label) keys[f.label] = minText(members, f.label);
    }
    return { ...keys, ...summary(plan, members, plan.groupChecks) };
  });
}

// Strings by code point, as DuckDB compares VARCHAR (UTF-16 order differs only beyond U+FFFF).
function compareCells(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function ordering(order: OrderKey[]) {
  return (a: ResultRow, b: ResultRow): number => {
    for (const { field, desc } of order) {
      const x = a[field] ?? null;
      const y = b[field] ?? null;
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1; // NULLS LAST in both directions
        continue;
      }
      const c = compareCells(x, y);
      if (c) return desc ? -c : c;
    }
    return 0;
  };
}

export function runPlan(plan: TablePlan, data: ResultRow[]): TableAnswer {
  const matched = data.filter((row) => matches(plan, row));
  const all = plan.group.length ? grouped(plan, matched.filter((r) => keptInSums(plan.leaveOut, r))) : matched.map((r) => ({ ...r }));
  all.sort(ordering(plan.order));
  return {
    rows: all.slice(plan.offset, plan.offset + plan.limit),
    all,
    count: all.length,
    totals: summary(plan, matched.filter((r) => keptInSums(plan.totalLeaveOut, r)), plan.totalChecks),
  };
}
