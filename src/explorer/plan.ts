/**
 * One plan per table state of the explorer, run by two executors that must give the same rows:
 * DuckDB (sql.ts, in the browser once DuckDB-WASM is ready, and natively at build time) and the
 * view's own rows in plain TypeScript (rows.ts), which answers while DuckDB-WASM loads.
 * The plan says what to keep, group, sum and in which order; the executors only carry it out.
 */
import type { Column, TableState } from './query.ts';
import { sumChecks, WHY_COLUMN, type SumCheck } from './sums.ts';
import type { ExplorerView, ViewField } from './views.ts';

export const PAGE_SIZE = 25;

export interface OrderKey {
  field: string;
  desc: boolean;
}

export interface TablePlan {
  table: string;
  columns: Column[];
  /** The view's columns in the CSV (fields and their labels), for the rows as they are. */
  fields: ViewField[];
  filters: { field: string; values: string[] }[];
  /** Lower case, accents stripped (`searchable`): the cells are compared the same way. */
  search?: { columns: string[]; text: string };
  /** Published totals of their field (`ensemble`), left out of the groups' sums (unless grouped by that field)… */
  leaveOut: { field: string; values: string[] }[];
  /** …and always out of the total. */
  totalLeaveOut: { field: string; values: string[] }[];
  group: ViewField[];
  /** The counts a sum means something for (declared by the view's kind). */
  sums: ViewField[];
  /** What makes a group's sums meaningless (grouped rows). */
  groupChecks: SumCheck[];
  /** The same for the total over every row of the result. */
  totalChecks: SumCheck[];
  /** Complete and deterministic: ties end in the row's own columns, NULLs last. */
  order: OrderKey[];
  offset: number;
  limit: number;
}

/** Lower case without accents: « Réunion », « REUNION » and « réunion » all read « reunion ». */
export const searchable = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

export function planFor(state: TableState, view: ExplorerView): TablePlan {
  const field = (name: string) => view.fields.find((f) => f.name === name)!;
  const group = state.group.map(field);
  const sums = view.sums ? view.fields.filter((f) => view.sums!.measures.includes(f.name)) : [];
  const leaveOutFrom = (grouped: string[]) =>
    Object.entries(view.sums?.totals ?? {})
      .filter(([f]) => view.fields.some((x) => x.name === f) && !grouped.includes(f))
      .map(([f, values]) => ({ field: f, values }));
  const searched = view.fields.flatMap((f) => (f.label ? [f.label] : f.type === 'string' ? [f.name] : []));
  const groupChecks = sumChecks(view, state.group);
  let columns: Column[];
  let tieBreak: string[];
  if (group.length) {
    columns = [
      ...group.map((f) => ({ name: f.name, title: f.title, label: f.label, numeric: f.type !== 'string', percent: false })),
      ...sums.map((f) => ({ name: f.name, title: `${f.title} (somme)`, numeric: true, percent: false })),
      { name: 'lignes', title: 'Lignes', numeric: true, percent: false },
      ...(sums.length && groupChecks.length ? [{ name: WHY_COLUMN, title: 'Sommes', numeric: false, percent: false, sortable: false }] : []),
    ];
    tieBreak = group.map((f) => f.name);
  } else {
    columns = view.fields.map((f) => ({ name: f.name, title: f.title, label: f.label, numeric: f.type !== 'string', percent: !!f.percent }));
    const facets = view.fields.filter((f) => f.role === 'facet').map((f) => f.name);
    const all = view.fields.flatMap((f) => (f.label ? [f.name, f.label] : [f.name]));
    tieBreak = [...facets, ...all.filter((c) => !facets.includes(c))];
  }
  return {
    table: view.table,
    columns,
    fields: view.fields,
    filters: Object.entries(state.filters)
      .filter(([, values]) => values.length)
      .map(([f, values]) => ({ field: f, values })),
    search: state.search && searched.length ? { columns: searched, text: searchable(state.search) } : undefined,
    leaveOut: leaveOutFrom(state.group),
    totalLeaveOut: leaveOutFrom([]),
    group,
    sums,
    groupChecks,
    totalChecks: sumChecks(view, []),
    order: [...(state.sort ? [state.sort] : []), ...tieBreak.filter((f) => f !== state.sort?.field).map((f) => ({ field: f, desc: false }))],
    offset: (state.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}
