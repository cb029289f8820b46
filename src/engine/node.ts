/**
 * DuckDB at build time and in the tests (native @duckdb/node-api): one in-memory database per
 * process, each report in a schema of its own (as in the browser), loaded from the very CSV
 * text the site publishes, with the SQL the browser runs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Report, Resource } from '../data/catalog.ts';
import type { FieldType } from '../data/descriptors.ts';
import { publishedCsv } from '../data/publish.ts';
import { getIndicator, loadIndicators } from '../indicators/catalogue.ts';
import type { IndicatorDefinition, IndicatorRow, SharedView } from '../indicators/model.ts';
import { guardRows } from '../indicators/breaks.ts';
import { selectRows, type Selection } from '../indicators/select.ts';
import { createTableSql, identifier, literal, plainRow } from './load-sql.ts';
import { kindTablesSql, schemaName, sharedViewsSql } from './kind-tables.ts';

let instance: Promise<DuckDBInstance> | undefined;
const database = () => (instance ??= DuckDBInstance.create(':memory:'));
const scratch = () => mkdtempSync(path.join(tmpdir(), 'cep-duckdb-'));

interface Opened {
  connection: DuckDBConnection;
  /** Where the report's datasets are, one table each, named after them. */
  dataSchema: string;
}
// Keyed by the report object: two catalogs (the data diff's before and after) may hold the same edition.
const connections = new WeakMap<Report, Promise<Opened>>();
const results = new WeakMap<Report, Map<string, Promise<IndicatorRow[]>>>();
let opened = 0;

async function open(report: Report, views: SharedView[]): Promise<Opened> {
  const connection = await (await database()).connect();
  const n = ++opened;
  const dataSchema = schemaName(`${report.package.name}_data`, n);
  const kindSchema = schemaName(report.package.name, n);
  const dir = scratch();
  await connection.run(`CREATE SCHEMA ${identifier(dataSchema)}`);
  for (const resource of report.resources.values()) {
    const file = path.join(dir, `${resource.descriptor.name}.csv`);
    writeFileSync(file, publishedCsv(resource));
    await connection.run(createTableSql(resource.descriptor.name, resource.descriptor.schema, file, dataSchema));
  }
  await connection.run(`CREATE SCHEMA ${identifier(kindSchema)}`);
  const sources = [...report.resources.values()].map((r) => ({ table: `${identifier(dataSchema)}.${identifier(r.descriptor.name)}`, kind: r.descriptor.cep?.kind }));
  for (const sql of kindTablesSql(sources, kindSchema)) await connection.run(sql);
  await connection.run(`SET search_path = ${literal(kindSchema)}`);
  for (const sql of sharedViewsSql(views, kindSchema)) await connection.run(sql);
  return { connection, dataSchema };
}

/** The report's connection, opened once per process, its search path set to the report's kind tables. */
function reportDb(report: Report): Promise<Opened> {
  let db = connections.get(report);
  if (!db) connections.set(report, (db = open(report, loadIndicators().views)));
  return db;
}

/** Every row of an indicator on a report, computed once per process. */
export function indicatorRows(report: Report, indicator: IndicatorDefinition): Promise<IndicatorRow[]> {
  let cache = results.get(report);
  if (!cache) results.set(report, (cache = new Map()));
  let rows = cache.get(indicator.id);
  if (!rows) {
    rows = reportDb(report).then(async ({ connection }) => guardRows(indicator, (await connection.runAndReadAll(indicator.sql)).getRowObjectsJS().map((r) => plainRow<IndicatorRow>(r))));
    cache.set(indicator.id, rows);
  }
  return rows;
}

/** The rows of an indicator on a report that match a selection (`{ territory: '…', year: … }`). */
export async function runIndicator(report: Report, indicatorId: string, selection: Selection = {}): Promise<IndicatorRow[]> {
  return selectRows(await indicatorRows(report, getIndicator(indicatorId)), selection);
}

/** A query with bound parameters on values already computed (the explorer's comparisons), in the process's database. */
export async function querySql(sql: string, params: (string | number)[]): Promise<Record<string, unknown>[]> {
  const connection = await (await database()).connect();
  try {
    return (await connection.runAndReadAll(sql, params)).getRowObjectsJS().map((r) => plainRow(r));
  } finally {
    connection.closeSync();
  }
}

/** A dataset of a report as Parquet, written by DuckDB from the report's loaded table (downloads). */
export async function parquetOf(report: Report, resource: Resource): Promise<Uint8Array> {
  const { connection, dataSchema } = await reportDb(report);
  const file = path.join(scratch(), 'data.parquet');
  await connection.run(`COPY ${identifier(dataSchema)}.${identifier(resource.descriptor.name)} TO ${literal(file)} (FORMAT parquet)`);
  return new Uint8Array(readFileSync(file));
}

/**
 * The explorer's default view at build time: its CSV loaded in the explorer schema, and the
 * queries the browser would run, so that the prerendered rows are the browser's rows.
 */
export async function runOnView(
  view: { table: string; csvText: string; columns: { name: string; type: FieldType }[] },
  queries: { sql: string; params: (string | number)[] }[],
): Promise<Record<string, string | number | null>[][]> {
  const connection = await (await database()).connect();
  const file = path.join(scratch(), `${view.table}.csv`);
  writeFileSync(file, view.csvText);
  await connection.run('CREATE SCHEMA IF NOT EXISTS explorateur');
  await connection.run(`DROP TABLE IF EXISTS explorateur.${identifier(view.table)}`);
  await connection.run(createTableSql(view.table, { fields: view.columns }, file, 'explorateur'));
  const out = [];
  for (const q of queries) out.push((await connection.runAndReadAll(q.sql, q.params)).getRowObjectsJS() as Record<string, string | number | null>[]);
  connection.closeSync();
  return out;
}
