/**
 * Who answers a table state in the page: the light executor over the view's CSV (rows.ts) from
 * the first instant, DuckDB-WASM once it is ready — both carry out the same plan and give the
 * same rows (test/unit/explorer-executors.test.ts), so the hand-over changes nothing on screen.
 * DuckDB-WASM is fetched and compiled (`warmUp`) once the first answer is on screen.
 */
import { buildQueries, type Column, type TableState } from '../explorer/query.ts';
import type { FacetValue } from '../explorer/controls.ts';
import type { ResultRow } from '../explorer/render.ts';
import { runPlan, viewRows, type TableAnswer } from '../explorer/rows.ts';
import { viewColumns, type ExplorerView } from '../explorer/views.ts';
import type { TablePlan } from '../explorer/plan.ts';

type Engine = typeof import('../engine/browser.ts');

export interface Answered extends Omit<TableAnswer, 'all'> {
  columns: Column[];
  plan: TablePlan;
  /** Every row of the result, for the downloads. */
  all: () => Promise<ResultRow[]>;
  by: 'light' | 'duckdb';
  ms: number;
}

const csvRows = new Map<string, Promise<ResultRow[]>>();
const inDuckdb = new Set<string>();
let engine: Promise<Engine> | undefined;

export const loadEngine = () => (engine ??= import('../engine/browser.ts'));

/** Starts fetching and compiling DuckDB-WASM; it answers once `view` is loaded in it. */
export function warmUp(view: ExplorerView): void {
  void loadEngine()
    .then((duck) => duck.loadView(view.table, csvText(view), viewColumns(view)))
    .then(() => void inDuckdb.add(view.table))
    .catch((error: unknown) => console.error(error)); // the light executor goes on answering
}

const csvTexts = new Map<string, Promise<string>>();

/** The view's CSV, fetched once (explorer-first-paint.js may have preloaded it) for both executors. */
function csvText(view: ExplorerView): Promise<string> {
  let text = csvTexts.get(view.table);
  if (!text) {
    text = fetch(new URL(view.csv, location.href)).then((response) => {
      if (!response.ok) throw new Error(`${view.csv} : HTTP ${response.status}`);
      return response.text();
    });
    csvTexts.set(view.table, text);
  }
  return text;
}

function rowsOf(view: ExplorerView): Promise<ResultRow[]> {
  let rows = csvRows.get(view.table);
  if (!rows) {
    rows = csvText(view).then((text) => viewRows(text, viewColumns(view)));
    csvRows.set(view.table, rows);
  }
  return rows;
}

export async function answer(state: TableState, view: ExplorerView): Promise<Answered> {
  const q = buildQueries(state, view);
  if (inDuckdb.has(view.table)) {
    const duck = await loadEngine();
    const started = performance.now();
    const [rows, count, totals] = await Promise.all([q.rows, q.count, q.totals].map((x) => duck.queryViews(x.sql, x.params)));
    return {
      columns: q.columns,
      plan: q.plan,
      rows: rows!,
      count: Number(count![0]!.n),
      totals: totals![0]!,
      all: () => duck.queryViews(q.all.sql, q.all.params),
      by: 'duckdb',
      ms: performance.now() - started,
    };
  }
  const data = await rowsOf(view);
  const started = performance.now();
  const { all, ...answered } = runPlan(q.plan, data);
  return { ...answered, columns: q.columns, plan: q.plan, all: async () => all, by: 'light', ms: performance.now() - started };
}

/** The distinct values of each facet with their labels (as facetQuery: ordered by value, the least label). */
const facets = new Map<string, Promise<Record<string, FacetValue[]>>>();

export function facetValues(view: ExplorerView): Promise<Record<string, FacetValue[]>> {
  let values = facets.get(view.table);
  if (!values) facets.set(view.table, (values = rowsOf(view).then((rows) => facetsOf(view, rows))));
  return values;
}

function facetsOf(view: ExplorerView, rows: ResultRow[]): Record<string, FacetValue[]> {
  const out: Record<string, FacetValue[]> = {};
  for (const f of view.fields.filter((x) => x.role === 'facet')) {
    // As facetQuery: the smallest label of each value, and its number of rows.
    const seen = new Map<string, FacetValue>();
    for (const r of rows) {
      const value = r[f.name];
      if (value === null || value === undefined) continue;
      const label = String((f.label ? r[f.label] : value) ?? value);
      const known = seen.get(String(value));
      if (!known) seen.set(String(value), { value: String(value), label, count: 1 });
      else {
        known.count += 1;
        if (label < known.label) known.label = label;
      }
    }
    out[f.name] = [...seen.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  return out;
}
