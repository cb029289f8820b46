/**
 * What indicator SQL reads: one table per standard dataset kind, named after the kind
 * (`ptp-files` → `ptp_files`), whatever the report calls its datasets. A report may print the
 * same figures in two tables (its own part and an interregional one): the kind table merges
 * them by the kind's key, each cell taken from the first dataset (in the package's order) that
 * gives it. A kind the report has no dataset of is an empty table, so that every indicator runs
 * on every report. Both engines run this SQL.
 */
import { datasetKinds, kinds, type DatasetKind } from '../data/kinds.ts';
import { duckdbTypes, identifier } from './load-sql.ts';

export type StandardKind = Exclude<DatasetKind, 'free'>;
export const standardKinds = datasetKinds.filter((k): k is StandardKind => k !== 'free');
export const kindTable = (kind: string) => kind.replaceAll('-', '_');

export interface KindSource {
  /** The dataset's table, already qualified with its schema. */
  table: string;
  kind: string | undefined;
}

function mergedSql(kind: StandardKind, sources: KindSource[]): string {
  const { fields, primaryKey } = kinds[kind];
  const columns = fields.map((f) => identifier(f.name)).join(', ');
  const union = sources.map((s, i) => `SELECT ${columns}, ${i} AS _order FROM ${s.table}`).join(' UNION ALL ');
  const select = fields.map((f) => {
    const name = identifier(f.name);
    return primaryKey.includes(f.name) ? name : `first(${name} ORDER BY _order) FILTER (WHERE ${name} IS NOT NULL) AS ${name}`;
  });
  return `SELECT ${select.join(', ')} FROM (${union}) GROUP BY ${primaryKey.map(identifier).join(', ')}`;
}

/** The statements that create the kind tables of one report in `schema`, from its datasets. */
export function kindTablesSql(sources: KindSource[], schema: string): string[] {
  return standardKinds.map((kind) => {
    const name = `${identifier(schema)}.${identifier(kindTable(kind))}`;
    const own = sources.filter((s) => s.kind === kind);
    if (own.length > 0) return `CREATE VIEW ${name} AS ${mergedSql(kind, own)}`;
    const columns = kinds[kind].fields.map((f) => `${identifier(f.name)} ${duckdbTypes[f.type]}`).join(', ');
    return `CREATE TABLE ${name} (${columns})`;
  });
}

/** The catalogue's shared views, created after the kind tables (search path set to `schema`). */
export function sharedViewsSql(views: { name: string; sql: string }[], schema: string): string[] {
  return views.map((v) => `CREATE VIEW ${identifier(schema)}.${identifier(v.name)} AS ${v.sql}`);
}

/** Schema names made of safe characters only: DuckDB's search_path is a comma-separated list. */
export const schemaName = (prefix: string, n: number) => `${prefix.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${n}`;
