/**
 * DuckDB at build time and in the tests (native @duckdb/node-api): one in-memory database per
 * report, loaded from the very CSV text the site publishes, with the SQL the browser runs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Report } from '../data/catalog.ts';
import { publishedCsv } from '../data/publish.ts';
import { bindParams, getIndicator, type IndicatorRow, type ParamValues } from '../indicators/definitions.ts';
import { createTableSql } from './load-sql.ts';

const connections = new Map<string, Promise<DuckDBConnection>>();

async function open(report: Report): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const dir = mkdtempSync(path.join(tmpdir(), 'cep-duckdb-'));
  for (const resource of report.resources.values()) {
    const file = path.join(dir, `${resource.descriptor.name}.csv`);
    writeFileSync(file, publishedCsv(resource));
    await connection.run(createTableSql(resource.descriptor.name, resource.descriptor.schema, file));
  }
  return connection;
}

/** The report's database, opened once per process. */
export function reportDb(report: Report): Promise<DuckDBConnection> {
  let db = connections.get(report.id);
  if (!db) {
    db = open(report);
    connections.set(report.id, db);
  }
  return db;
}

export async function runIndicator(
  report: Report,
  indicatorId: string,
  params: ParamValues,
): Promise<IndicatorRow[]> {
  const indicator = getIndicator(indicatorId);
  const connection = await reportDb(report);
  const reader = await connection.runAndReadAll(indicator.sql, bindParams(indicator, params));
  return reader.getRowObjectsJS() as IndicatorRow[];
}

/**
 * The explorer's default view at build time: its CSV loaded in the explorer schema, and the
 * queries the browser would run, so that the prerendered rows are the browser's rows.
 */
export async function runOnView(
  view: { table: string; csvText: string; columns: { name: string; type: import('../data/descriptors.ts').FieldType }[] },
  queries: { sql: string; params: (string | number)[] }[],
): Promise<Record<string, string | number | null>[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cep-view-')), `${view.table}.csv`);
  writeFileSync(file, view.csvText);
  await connection.run('CREATE SCHEMA explorateur');
  await connection.run(createTableSql(view.table, { fields: view.columns }, file, 'explorateur'));
  const out = [];
  for (const q of queries) out.push((await connection.runAndReadAll(q.sql, q.params)).getRowObjectsJS() as Record<string, string | number | null>[]);
  connection.closeSync();
  return out;
}

/** A dataset as Parquet, written by DuckDB from the published CSV (for downloads). */
export async function parquetOf(resource: import('../data/catalog.ts').Resource): Promise<Uint8Array> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const dir = mkdtempSync(path.join(tmpdir(), 'cep-parquet-'));
  const csv = path.join(dir, 'data.csv');
  const parquet = path.join(dir, 'data.parquet');
  writeFileSync(csv, publishedCsv(resource));
  await connection.run(createTableSql('data', resource.descriptor.schema, csv));
  await connection.run(`COPY data TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`);
  connection.closeSync();
  return new Uint8Array(readFileSync(parquet));
}
