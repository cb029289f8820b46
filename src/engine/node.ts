/**
 * DuckDB at build time and in the tests (native @duckdb/node-api): one in-memory database per
 * report, loaded from the very CSV text the site publishes, with the SQL the browser runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
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
