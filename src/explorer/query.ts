/**
 * The explorer's state; plan.ts turns it into what to compute, sql.ts and rows.ts compute it.
 * The state lives in the URL; nothing of it enters the SQL as text: views, fields and directions
 * are checked against an allowlist (the view's description), values are bound parameters. A
 * state that does not check out is refused whole.
 */
import { planFor, type TablePlan } from './plan.ts';
import { sqlQueries, type Query, type SqlQueries } from './sql.ts';
import type { ExplorerView, ViewField } from './views.ts';

export { PAGE_SIZE } from './plan.ts';
export type { Query } from './sql.ts';
const MAX_VALUE_LENGTH = 200;

export interface TableState {
  mode: 'table';
  view: string;
  /** Field → accepted values (as text). */
  filters: Record<string, string[]>;
  group: string[];
  sort?: { field: string; desc: boolean };
  search?: string;
  page: number;
}

export interface IndicatorState {
  mode: 'indicator';
  indicator: string;
  /** « regions »: one year, every territory; « years »: one territory, every year. */
  compare: 'regions' | 'years';
  /** The year (regions) or the territory code (years); '' when the link names none (the explorer picks one). */
  at: string;
  /** Other dimensions fixed to one value (`d.operator=france-travail`). */
  choices?: Record<string, string>;
}

export type ExplorerState = TableState | IndicatorState;

export class InvalidState extends Error {}

const ident = (name: string) => `"${name}"`;

/** Reads the URL's query string; throws InvalidState on anything not allowed. */
export function parseState(queryString: string, views: ExplorerView[], indicators: string[], defaultView: string): ExplorerState {
  const params = new URLSearchParams(queryString);
  for (const [key, value] of params) if (value.length > MAX_VALUE_LENGTH * 20) throw new InvalidState(`paramètre ${key} trop long`);
  const indicator = params.get('indicateur');
  if (indicator !== null) {
    if (!indicators.includes(indicator)) throw new InvalidState(`indicateur inconnu`);
    const compare = params.get('comparer') ?? 'regions';
    if (compare !== 'regions' && compare !== 'years') throw new InvalidState('comparaison inconnue');
    const at = params.get(compare === 'regions' ? 'annee' : 'region') ?? '';
    if (at !== '' && !/^[0-9A-Z]{2,4}$/.test(at)) throw new InvalidState(compare === 'regions' ? 'année invalide' : 'région invalide');
    const choices = Object.fromEntries([...params].filter(([k]) => k.startsWith('d.')).map(([k, v]) => [k.slice(2), v]));
    if (Object.entries(choices).some(([d, v]) => !/^[a-z_]{1,40}$/.test(d) || v.length > MAX_VALUE_LENGTH)) throw new InvalidState('choix invalide');
    return { mode: 'indicator', indicator, compare, at, ...(Object.keys(choices).length ? { choices } : {}) };
  }
  const viewId = params.get('vue') ?? defaultView;
  const view = views.find((v) => v.id === viewId);
  if (!view) throw new InvalidState('jeu de données inconnu');
  const fieldNamed = (name: string, roles: ViewField['role'][]) => {
    const f = view.fields.find((x) => x.name === name && roles.includes(x.role));
    if (!f) throw new InvalidState(`champ inconnu`);
    return f;
  };
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (!key.startsWith('f.')) continue;
    const field = fieldNamed(key.slice(2), ['facet']);
    const values = value.split('|').filter((v) => v !== '');
    if (values.some((v) => v.length > MAX_VALUE_LENGTH) || values.length > 100) throw new InvalidState('filtre trop long');
    filters[field.name] = values;
  }
  const group = (params.get('grouper') ?? '').split('|').filter(Boolean).map((g) => fieldNamed(g, ['facet']).name);
  const sortParam = params.get('tri');
  let sort: TableState['sort'];
  if (sortParam) {
    const [field, dir] = sortParam.split(':');
    if (dir !== undefined && dir !== 'desc' && dir !== 'asc') throw new InvalidState('tri invalide');
    // Grouped, the columns are the groups, the declared sums and the row count (plan.ts).
    const allowed = group.length ? [...group, ...view.fields.filter((f) => view.sums?.measures.includes(f.name)).map((f) => f.name), 'lignes'] : view.fields.map((f) => f.name);
    if (!field || !allowed.includes(field)) throw new InvalidState('tri invalide');
    sort = { field, desc: dir === 'desc' };
  }
  const search = params.get('q') ?? undefined;
  if (search !== undefined && search.length > MAX_VALUE_LENGTH) throw new InvalidState('recherche trop longue');
  // Digits only: Number() would also read « 1e3 », « 0x10 » or « 12.0 » as a page number.
  const pageText = params.get('page') ?? '1';
  if (!/^[1-9][0-9]{0,4}$/.test(pageText)) throw new InvalidState('page invalide');
  const page = Number(pageText);
  return { mode: 'table', view: view.id, filters, group, sort, search: search || undefined, page };
}

export function stateToSearch(state: ExplorerState, defaultView: string): string {
  const p = new URLSearchParams();
  if (state.mode === 'indicator') {
    p.set('indicateur', state.indicator);
    p.set('comparer', state.compare);
    if (state.at) p.set(state.compare === 'regions' ? 'annee' : 'region', state.at);
    for (const [d, v] of Object.entries(state.choices ?? {})) p.set(`d.${d}`, v);
  } else {
    if (state.view !== defaultView) p.set('vue', state.view);
    for (const [field, values] of Object.entries(state.filters)) if (values.length) p.set(`f.${field}`, values.join('|'));
    if (state.group.length) p.set('grouper', state.group.join('|'));
    if (state.sort) p.set('tri', `${state.sort.field}:${state.sort.desc ? 'desc' : 'asc'}`);
    if (state.search) p.set('q', state.search);
    if (state.page > 1) p.set('page', String(state.page));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface Column {
  name: string;
  title: string;
  /** The column with the labels to show instead of the codes. */
  label?: string;
  numeric: boolean;
  percent: boolean;
  /** Decimals shown, for computed figures; published ones keep their own precision. */
  digits?: number;
  /** False for a column that is not in the state's allowlist of sorts (the sums' notes). */
  sortable?: boolean;
}

export interface Queries extends SqlQueries {
  columns: Column[];
  plan: TablePlan;
}

/** The state's plan, and the SQL that DuckDB runs for it. */
export function buildQueries(state: TableState, view: ExplorerView): Queries {
  const plan = planFor(state, view);
  return { columns: plan.columns, plan, ...sqlQueries(plan) };
}

/** The distinct values of a facet, with their labels and their number of rows (n), in order. */
export function facetQuery(view: ExplorerView, field: ViewField): Query {
  const label = field.label ? `min(${ident(field.label)})` : `CAST(${ident(field.name)} AS VARCHAR)`;
  return {
    sql: `SELECT CAST(${ident(field.name)} AS VARCHAR) AS value, ${label} AS label, CAST(COUNT(*) AS DOUBLE) AS n FROM explorateur.${ident(view.table)} WHERE ${ident(field.name)} IS NOT NULL GROUP BY 1 ORDER BY 1`,
    params: [],
  };
}
