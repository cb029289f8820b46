/**
 * The explorer's state and the SQL it runs. The state lives in the URL; nothing of it enters
 * the SQL as text: views, fields and directions are checked against an allowlist (the view's
 * description), values are bound parameters. A state that does not check out is refused whole.
 */
import type { ExplorerView, ViewField } from './views.ts';

export const PAGE_SIZE = 25;
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
  /** « regions »: one year, every region; « years »: one region, every year. */
  compare: 'regions' | 'years';
  /** The year (regions) or the region code (years). */
  at: string;
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
    if (!/^[0-9A-Z]{2,4}$/.test(at)) throw new InvalidState(compare === 'regions' ? 'année invalide' : 'région invalide');
    return { mode: 'indicator', indicator, compare, at };
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
    const allowed = group.length ? [...group, ...view.fields.filter((f) => f.role === 'measure' && !f.percent).map((f) => f.name), 'lignes'] : view.fields.map((f) => f.name);
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
    p.set(state.compare === 'regions' ? 'annee' : 'region', state.at);
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

export interface Query {
  sql: string;
  params: (string | number)[];
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
}

export interface Queries {
  columns: Column[];
  rows: Query;
  count: Query;
  /** Sums of the summable figures over every row of the result. */
  totals: Query;
  /** Every row of the result, for the downloads. */
  all: Query;
}

function where(state: TableState, view: ExplorerView): Query {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  for (const [field, values] of Object.entries(state.filters)) {
    if (!values.length) continue;
    clauses.push(`CAST(${ident(field)} AS VARCHAR) IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  if (state.search) {
    const searched = view.fields.flatMap((f) => (f.label ? [f.label] : f.type === 'string' ? [f.name] : []));
    if (searched.length) {
      clauses.push(`(${searched.map((c) => `contains(lower(coalesce(${ident(c)}, '')), ?)`).join(' OR ')})`);
      params.push(...searched.map(() => state.search!.toLowerCase()));
    }
  }
  return { sql: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params };
}

export function buildQueries(state: TableState, view: ExplorerView): Queries {
  const from = ` FROM explorateur.${ident(view.table)}`;
  const w = where(state, view);
  // The `ensemble` rows are published totals: summed with the operators' rows they would count
  // twice. Sums leave them out, unless the result is grouped by operator (they form their group).
  const hasOperator = view.fields.some((f) => f.name === 'operator');
  const noTotals = (w2: Query): Query =>
    hasOperator ? { sql: `${w2.sql ? `${w2.sql} AND` : ' WHERE'} coalesce("operator", '') <> 'ensemble'`, params: w2.params } : w2;
  const sumWhere = state.group.length && !state.group.includes('operator') ? noTotals(w) : w;
  const summable = view.fields.filter((f) => f.role === 'measure' && !f.percent && f.type === 'integer');
  const num = (f: ViewField) => `CAST(${ident(f.name)} AS DOUBLE)`;
  let columns: Column[];
  let select: string;
  let groupBy = '';
  let defaultOrder: string[];
  if (state.group.length) {
    const groups = state.group.map((g) => view.fields.find((f) => f.name === g)!);
    columns = [
      ...groups.map((f) => ({ name: f.name, title: f.title, label: f.label, numeric: f.type !== 'string', percent: false })),
      ...summable.map((f) => ({ name: f.name, title: `${f.title} (somme)`, numeric: true, percent: false })),
      { name: 'lignes', title: 'Lignes', numeric: true, percent: false },
    ];
    select = [
      ...groups.flatMap((f) => [f.type === 'string' ? ident(f.name) : `${num(f)} AS ${ident(f.name)}`, ...(f.label ? [`any_value(${ident(f.label)}) AS ${ident(f.label)}`] : [])]),
      ...summable.map((f) => `SUM(${num(f)}) AS ${ident(f.name)}`),
      'CAST(COUNT(*) AS DOUBLE) AS "lignes"',
    ].join(', ');
    groupBy = ` GROUP BY ${groups.map((f) => ident(f.name)).join(', ')}`;
    defaultOrder = groups.map((f) => ident(f.name));
  } else {
    columns = view.fields.map((f) => ({ name: f.name, title: f.title, label: f.label, numeric: f.type !== 'string', percent: !!f.percent }));
    select = view.fields
      .flatMap((f) => [f.type === 'integer' || f.type === 'number' ? `${num(f)} AS ${ident(f.name)}` : ident(f.name), ...(f.label ? [ident(f.label)] : [])])
      .join(', ');
    defaultOrder = view.fields.filter((f) => f.role === 'facet').map((f) => ident(f.name));
  }
  const order = state.sort ? [`${ident(state.sort.field)} ${state.sort.desc ? 'DESC' : 'ASC'} NULLS LAST`, ...defaultOrder] : defaultOrder;
  const orderBy = order.length ? ` ORDER BY ${order.join(', ')}` : '';
  const rowsWhere = state.group.length ? sumWhere : w;
  const base = `SELECT ${select}${from}${rowsWhere.sql}${groupBy}`;
  const totalsWhere = noTotals(w);
  return {
    columns,
    rows: { sql: `${base}${orderBy} LIMIT ${PAGE_SIZE} OFFSET ?`, params: [...rowsWhere.params, (state.page - 1) * PAGE_SIZE] },
    all: { sql: `${base}${orderBy}`, params: rowsWhere.params },
    count: { sql: `SELECT CAST(COUNT(*) AS DOUBLE) AS n FROM (${base})`, params: rowsWhere.params },
    totals: {
      sql: `SELECT ${[...summable.map((f) => `SUM(${num(f)}) AS ${ident(f.name)}`), 'CAST(COUNT(*) AS DOUBLE) AS "lignes"'].join(', ')}${from}${totalsWhere.sql}`,
      params: totalsWhere.params,
    },
  };
}

/** The distinct values of a facet, with their labels and their number of rows (n), in order. */
export function facetQuery(view: ExplorerView, field: ViewField): Query {
  const label = field.label ? `any_value(${ident(field.label)})` : `CAST(${ident(field.name)} AS VARCHAR)`;
  return {
    sql: `SELECT CAST(${ident(field.name)} AS VARCHAR) AS value, ${label} AS label, CAST(COUNT(*) AS DOUBLE) AS n FROM explorateur.${ident(view.table)} WHERE ${ident(field.name)} IS NOT NULL GROUP BY 1 ORDER BY 1`,
    params: [],
  };
}
