/**
 * The explorer's two executors of one plan — DuckDB's SQL (native here, the same SQL as
 * DuckDB-WASM) and the light one over the view's rows — give the same rows, counts and totals,
 * over many states of every view: of the fixture reports and of every report of the catalog.
 */
import { describe, expect, it } from 'vitest';
import { inspectData, loadCatalog, type Catalog } from '../../src/data/catalog.ts';
import { writeCsv } from '../../src/engine/csv.ts';
import { runOnView } from '../../src/engine/node.ts';
import { buildQueries, type TableState } from '../../src/explorer/query.ts';
import { runPlan, viewRows } from '../../src/explorer/rows.ts';
import { explorerViews, viewColumns, type ViewData } from '../../src/explorer/views.ts';
import { fixtureRoots } from '../helpers/fixtures.ts';

const base = (view: string): TableState => ({ mode: 'table', view, filters: {}, group: [], page: 1 });

/** A search for a piece of a label, upper-cased and stripped of its accents (or the reverse). */
function searches(d: ViewData): string[] {
  const label = d.view.fields.find((f) => f.label && d.rows.some((r) => r[f.label!]));
  const text = label ? String(d.rows.find((r) => r[label.label!])![label.label!]) : '';
  const piece = text.slice(1, 6);
  return [piece.toUpperCase(), piece.normalize('NFD').replace(/\p{M}/gu, ''), 'Île', 'zzz-rien'].filter(Boolean);
}

/** Filters, groups, sorts (NULLs, ties), searches, pages and their mixes, for one view. */
function statesOf(d: ViewData, full: boolean): TableState[] {
  const id = d.view.id;
  const facets = d.view.fields.filter((f) => f.role === 'facet');
  const values = (field: string) => [...new Set(d.rows.map((r) => r[field]).filter((v) => v !== null).map(String))];
  const states: TableState[] = [base(id), { ...base(id), page: 2 }, { ...base(id), page: 99 }];
  for (const f of facets) {
    const vs = values(f.name);
    states.push({ ...base(id), filters: { [f.name]: [...vs.slice(-2), 'inexistant'] } }, { ...base(id), group: [f.name], sort: { field: 'lignes', desc: true } });
    if (!full) continue;
    states.push({ ...base(id), filters: { [f.name]: vs.slice(0, 1) } }, { ...base(id), group: [f.name] });
    for (const m of (d.view.sums?.measures ?? []).slice(0, 1)) states.push({ ...base(id), group: [f.name], sort: { field: m, desc: false } });
  }
  if (facets.length >= 2) states.push({ ...base(id), group: facets.slice(0, 2).map((f) => f.name), page: 2 }, { ...base(id), group: facets.slice(-2).map((f) => f.name) });
  // Sorts on a facet (ties), and on the measures with missing values (NULLs) or else the first one.
  const measures = d.view.fields.filter((f) => f.role === 'measure');
  const sorted = [facets[0], ...measures.filter((f) => d.rows.some((r) => r[f.name] === null)).slice(0, 2), measures[0]].filter((f) => f !== undefined);
  for (const f of new Set(sorted)) for (const desc of [false, true]) states.push({ ...base(id), sort: { field: f.name, desc } });
  for (const q of searches(d)) states.push({ ...base(id), search: q });
  const [first, second] = facets;
  if (first && second) {
    const v = values(first.name).slice(0, 2);
    states.push({ ...base(id), filters: { [first.name]: v }, group: [second.name], sort: { field: 'lignes', desc: false }, search: searches(d)[1] });
    states.push({ ...base(id), filters: { [second.name]: values(second.name).slice(0, 1) }, group: [first.name] });
  }
  return states;
}

/** `full`: every state for every view; else for the views across reports, fewer for a report's own. */
async function compareViews(catalog: Catalog, full: boolean): Promise<number> {
  let compared = 0;
  for (const d of explorerViews(catalog, catalog.reports)) {
    const csvText = writeCsv(d.columns, d.rows.map((row) => d.columns.map((c) => row[c])));
    const data = viewRows(csvText, viewColumns(d.view));
    const states = statesOf(d, full || !d.view.report);
    const plans = states.map((s) => buildQueries(s, d.view));
    // Every row of the result and the total for each state; the page and the count (the SQL the
    // page runs) for the paged ones, the others' page being their first rows.
    const paged = (i: number) => states[i]!.page > 1;
    const results = await runOnView(
      { table: d.view.table, csvText, columns: viewColumns(d.view) },
      plans.flatMap((q, i) => [q.all, q.totals, ...(paged(i) ? [q.rows, q.count] : [])]),
    );
    let at = 0;
    plans.forEach((q, i) => {
      const light = runPlan(q.plan, data);
      const what = `${d.view.id} ${JSON.stringify(states[i])}`;
      const [all, totals] = [results[at++]!, results[at++]!];
      expect(light.all, what).toEqual(all);
      expect(light.totals, what).toEqual(totals[0]);
      if (paged(i)) {
        expect(light.rows, what).toEqual(results[at++]);
        expect(light.count, what).toBe(Number(results[at++]![0]!.n));
      } else expect(light.rows, what).toEqual(all.slice(0, q.plan.limit));
      compared++;
    });
  }
  return compared;
}

describe('the explorer’s two executors', () => {
  it('agree on every state tried of every view of the fixture reports', async () => {
    const roots = fixtureRoots();
    const { catalog, issues } = inspectData(roots.data, roots.content);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(await compareViews(catalog!, true)).toBeGreaterThan(200);
  });

  it('agree on every state tried of every view of the catalog’s reports', async () => {
    expect(await compareViews(loadCatalog(), false)).toBeGreaterThan(200);
  });
});
