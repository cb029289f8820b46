/**
 * The DuckDB executor of a table plan (plan.ts): the SQL, with every value the reader gave bound
 * as a parameter and only the view's own names (an allowlist) written into it. rows.ts carries
 * out the same plan on the view's rows; test/unit/explorer-executors.test.ts keeps them equal.
 */
import { literal } from '../engine/load-sql.ts';
import type { OrderKey, TablePlan } from './plan.ts';
import type { SumCheck } from './sums.ts';

export interface Query {
  sql: string;
  params: (string | number)[];
}

const ident = (name: string) => `"${name}"`;

function where(clauses: Query[]): Query {
  const kept = clauses.filter((c) => c.sql);
  return { sql: kept.length ? ` WHERE ${kept.map((c) => c.sql).join(' AND ')}` : '', params: kept.flatMap((c) => c.params) };
}

function matching(plan: TablePlan): Query[] {
  const clauses = plan.filters.map(({ field, values }) => ({ sql: `CAST(${ident(field)} AS VARCHAR) IN (${values.map(() => '?').join(', ')})`, params: values }));
  if (plan.search) {
    const { columns, text } = plan.search;
    clauses.push({ sql: `(${columns.map((c) => `contains(strip_accents(lower(coalesce(${ident(c)}, ''))), ?)`).join(' OR ')})`, params: columns.map(() => text) });
  }
  return clauses;
}

// Published totals out: names and values are the kind's declaration (data/kinds.ts), not the reader's.
const leftOut = (out: TablePlan['leaveOut']): Query[] =>
  out.map(({ field, values }) => ({ sql: `coalesce(${ident(field)}, '') NOT IN (${values.map(literal).join(', ')})`, params: [] }));

function flagSql(check: SumCheck): string {
  switch (check.kind) {
    case 'mixed':
      return `COUNT(DISTINCT ${ident(check.field)}) > 1`;
    case 'nested':
      return `(COUNT(DISTINCT "territory") > 1 AND coalesce(bool_or("territory" IN (${check.wide.map(literal).join(', ') || 'NULL'})), false))`;
    case 'reportYears':
      return `COUNT(DISTINCT split_part("report", '/', 2)) > 1`;
    case 'repeated':
      return `COUNT(*) > COUNT(DISTINCT ROW(${check.key.map(ident).join(', ')}))`;
  }
}

/** The sums (NULL when a check fails), the row count and the checks' flags. */
function summarySql(plan: TablePlan, checks: SumCheck[]): string[] {
  const raised = checks.length ? `(${checks.map(flagSql).join(' OR ')})` : 'false';
  return [
    ...plan.sums.map((f) => `CASE WHEN NOT ${raised} THEN SUM(CAST(${ident(f.name)} AS DOUBLE)) END AS ${ident(f.name)}`),
    'CAST(COUNT(*) AS DOUBLE) AS "lignes"',
    ...checks.map((c) => `${flagSql(c)} AS ${ident(c.flag)}`),
  ];
}

const orderSql = (order: OrderKey[]) => (order.length ? ` ORDER BY ${order.map((o) => `${ident(o.field)} ${o.desc ? 'DESC' : 'ASC'} NULLS LAST`).join(', ')}` : '');

export interface SqlQueries {
  rows: Query;
  count: Query;
  /** The sums over every row of the result (published totals left out), or why not. */
  totals: Query;
  /** Every row of the result, for the downloads. */
  all: Query;
}

export function sqlQueries(plan: TablePlan): SqlQueries {
  const from = ` FROM explorateur.${ident(plan.table)}`;
  let base: string;
  let params: (string | number)[];
  if (plan.group.length) {
    const w = where([...matching(plan), ...leftOut(plan.leaveOut)]);
    const keys = plan.group.flatMap((f) => [
      f.type === 'string' ? ident(f.name) : `CAST(${ident(f.name)} AS DOUBLE) AS ${ident(f.name)}`,
      ...(f.label ? [`min(${ident(f.label)}) AS ${ident(f.label)}`] : []),
    ]);
    base = `SELECT ${[...keys, ...summarySql(plan, plan.groupChecks)].join(', ')}${from}${w.sql} GROUP BY ${plan.group.map((f) => ident(f.name)).join(', ')}`;
    params = w.params;
  } else {
    const w = where(matching(plan));
    const columns = plan.fields.flatMap((f) => [f.type === 'integer' || f.type === 'number' ? `CAST(${ident(f.name)} AS DOUBLE) AS ${ident(f.name)}` : ident(f.name), ...(f.label ? [ident(f.label)] : [])]);
    base = `SELECT ${columns.join(', ')}${from}${w.sql}`;
    params = w.params;
  }
  const total = where([...matching(plan), ...leftOut(plan.totalLeaveOut)]);
  return {
    rows: { sql: `${base}${orderSql(plan.order)} LIMIT ${plan.limit} OFFSET ?`, params: [...params, plan.offset] },
    all: { sql: `${base}${orderSql(plan.order)}`, params },
    count: { sql: `SELECT CAST(COUNT(*) AS DOUBLE) AS n FROM (${base})`, params },
    totals: { sql: `SELECT ${summarySql(plan, plan.totalChecks).join(', ')}${from}${total.sql}`, params: total.params },
  };
}
