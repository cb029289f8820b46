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
import { bindParams, getIndicator, type IndicatorRow, type ParamValues } from '../indicators/definitions.ts';
import { createTableSql, identifier, literal } from './load-sql.ts';

let instance: Promise<DuckDBInstance> | undefined;
const database = () => (instance ??= DuckDBInstance.create(':memory:'));
const scratch = () => mkdtempSync(path.join(tmpdir(), 'cep-duckdb-'));
// Keyed by the report object: two catalogs (the data diff's before and after) may hold the same edition.
const connections = new WeakMap<Report, Promise<DuckDBConnection>>();
const schemas = new WeakMap<Report, string>();
let opened = 0;

/** The report's schema: its package name, made unique per loaded edition. */
function schemaOf(report: Report): string {
  let schema = schemas.get(report);
  if (!schema) schemas.set(report, (schema = `${report.package.name}-v${report.edition.number}-${++opened}`));
  return schema;
}

async function open(report: Report): Promise<DuckDBConnection> {
  const connection = await (await database()).connect();
  const schema = schemaOf(report);
  const dir = scratch();
  await connection.run(`CREATE SCHEMA IF NOT EXISTS ${identifier(schema)}`);
  for (const resource of report.resources.values()) {
    const file = path.join(dir, `${resource.descriptor.name}.csv`);
    writeFileSync(file, publishedCsv(resource));
    await connection.run(createTableSql(resource.descriptor.name, resource.descriptor.schema, file, schema));
  }
  await connection.run(`SET search_path = ${literal(schema)}`);
  return connection;
}

/** The report's connection, opened once per process, its search path set to the report's schema. */
export function reportDb(report: Report): Promise<DuckDBConnection> {
  let db = connections.get(report);
  if (!db) {
    db = open(report);
    connections.set(report, db);
  }
  return db;
}

export async function runIndicator(report: Report, indicatorId: string, params: ParamValues): Promise<IndicatorRow[]> {
  const indicator = getIndicator(indicatorId);
  const connection = await reportDb(report);
  const reader = await connection.runAndReadAll(indicator.sql, bindParams(indicator, params));
  return reader.getRowObjectsJS() as IndicatorRow[];
}

/** A dataset of a report as Parquet, written by DuckDB from the report's loaded table (downloads). */
export async function parquetOf(report: Report, resource: Resource): Promise<Uint8Array> {
  const connection = await reportDb(report);
  const file = path.join(scratch(), 'data.parquet');
  await connection.run(`COPY ${identifier(schemaOf(report))}.${identifier(resource.descriptor.name)} TO ${literal(file)} (FORMAT parquet)`);
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
